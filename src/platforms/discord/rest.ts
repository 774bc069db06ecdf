import { REST, type RESTOptions, RESTEvents } from '@discordjs/rest';
import type { Env } from '../../config/env.js';
import type { Logger } from '../../observability/logger.js';

/** Where REST calls go: Discord, or DISCORD_API_URL (a shared REST proxy; the fake Discord in tests). */
export function discordRestOptions(env: Pick<Env, 'DISCORD_API_URL'>): Partial<RESTOptions> {
  return env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {};
}

/**
 * The bot's REST client (@discordjs/rest: per-route buckets, the global limit, Retry-After). One
 * per process carries every interaction answer, webhook edit and spotlight post, so they share one
 * queue; the CLI and discord:deploy use one the same way.
 */
export function discordRest(env: Pick<Env, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>, logger?: Logger): REST {
  if (!env.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const rest = new REST(discordRestOptions(env)).setToken(env.DISCORD_TOKEN);
  if (logger) {
    // The client waits out rate limits itself; these only make them visible.
    rest.on(RESTEvents.RateLimited, (info) =>
      logger.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }, 'discord rate limit'),
    );
    rest.on(RESTEvents.Debug, (message) => {
      if (message.includes('429 rate limit')) logger.warn({ detail: message }, 'discord answered 429; retrying after the delay it gave');
    });
  }
  return rest;
}

/** Ends the client's sweeper timers (they are unref'd: tidiness, not a leak fix). */
export function closeRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}
