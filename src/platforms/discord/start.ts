import type { Lease } from '../../store/store.js';
import type { RunningPlatform, ServiceContext } from '../shared/platform.js';
import { DiscordSpotlightPoster } from './spotlight-poster.js';

/**
 * Discord in the service: HTTP interactions at /discord/interactions when DISCORD_PUBLIC_KEY is
 * set (no gateway, no discord.js client: replicas), else the gateway through discord.js. Loaded
 * by index.ts only once Discord starts, and each mode loads only its own modules.
 */
export async function startDiscordPlatform(ctx: ServiceContext): Promise<RunningPlatform> {
  const { env, dispatcher, logger, metrics, spotlight, store } = ctx;
  const options = { env, dispatcher, logger, metrics, store, profiles: store, ...(spotlight ? { spotlight } : {}) };
  if (env.DISCORD_PUBLIC_KEY) {
    const { startDiscordHttp } = await import('./http-interactions.js');
    const http = startDiscordHttp(options);
    return {
      routes: [{ path: '/discord/interactions', listener: http.requestListener }],
      ...(spotlight ? { poster: new DiscordSpotlightPoster(http.rest) } : {}),
      health: () => http.health(),
      stop: () => http.stop(),
    };
  }
  const lease = await gatewayLease(ctx);
  const { connectDiscord } = await import('./client.js');
  const gateway = connectDiscord(options);
  return {
    routes: [],
    // The gateway's REST client: answers and posts share one queue and one view of the rate limits.
    ...(spotlight ? { poster: new DiscordSpotlightPoster(gateway.rest) } : {}),
    health: () => gateway.health(),
    ready: gateway.ready,
    stop: async () => {
      await gateway.stop();
      await lease?.release();
    },
  };
}

/**
 * One gateway connection per bot: a second replica on the gateway gets every mention too, and
 * answers it again. Replicas sharing a Postgres database hold a lease; one that finds it taken
 * says so at start (a rolling deploy overlaps for a moment, so this warns rather than refuses).
 */
async function gatewayLease(ctx: ServiceContext): Promise<Lease | undefined> {
  const log = ctx.logger.child({ platform: 'discord' });
  try {
    const lease = await ctx.store.acquireLease('discord-gateway');
    if (!lease) {
      log.warn(
        'another RoleCall process on this database is already connected to the Discord gateway: two gateway replicas answer every mention twice. Run one gateway process, or set DISCORD_PUBLIC_KEY so replicas take HTTP interactions (docs/scaling.md)',
      );
    }
    return lease;
  } catch (err) {
    log.warn({ err }, 'could not check for another gateway replica');
    return undefined;
  }
}
