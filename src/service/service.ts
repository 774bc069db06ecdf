import type { Core } from '../core/index.js';
import { createCore, loadKnowledgeBase } from '../core/index.js';
import { Dispatcher } from '../app/dispatch.js';
import { isDiscordConfigured, isSlackConfigured, type Env } from '../config/env.js';
import type { Logger } from '../observability/logger.js';
import { Metrics } from '../observability/metrics.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { startHttpServer, type HealthReport, type RunningHttpServer } from './http-server.js';
import type { DiscordRuntime } from '../platforms/discord/client.js';
import type { SlackRuntime } from '../platforms/slack/app.js';

export interface ServiceOptions {
  env: Env;
  logger: Logger;
  metrics?: Metrics;
  core?: Core;
}

export interface RunningService {
  core: Core;
  store: SqliteStore;
  http: RunningHttpServer;
  discord?: DiscordRuntime;
  slack?: SlackRuntime;
  metrics: Metrics;
  health(): Promise<HealthReport>;
  /** Graceful: no new work, in-flight work finishes, then connections and the store close. */
  stop(reason: string): Promise<void>;
}

/**
 * Starts every configured part: the store, Slack (HTTP or Socket Mode), the HTTP server with
 * /healthz and /metrics, and Discord. Parts that fail to start are stopped again before the
 * error propagates, so a failed start leaves nothing running.
 */
export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const { env, logger } = opts;
  const metrics = opts.metrics ?? new Metrics({ processMetrics: true });
  const core = opts.core ?? createCore(loadKnowledgeBase(env.ROLECALL_DATA_DIR));
  const store = SqliteStore.open(env.ROLECALL_DB);
  const dispatcher = new Dispatcher(core);
  const stoppers: Array<() => Promise<void>> = [() => store.close()];
  const stopAll = async () => {
    for (const stop of [...stoppers].reverse()) {
      await stop().catch((err: unknown) => logger.error({ err }, 'error while stopping'));
    }
  };

  try {
    let slack: SlackRuntime | undefined;
    if (isSlackConfigured(env)) {
      const { startSlack } = await import('../platforms/slack/app.js');
      slack = await startSlack({ env, dispatcher, store, logger, metrics });
      const s = slack;
      stoppers.push(() => s.stop());
    }

    let discord: DiscordRuntime | undefined;
    const health = async (): Promise<HealthReport> => {
      const report: HealthReport = { store: await store.health() };
      if (discord) report.discord = discord.health();
      else if (isDiscordConfigured(env)) report.discord = { ok: false, detail: 'starting' };
      if (slack) report.slack = await slack.health();
      return report;
    };
    const http = await startHttpServer({ port: env.PORT, health, metrics, ...(slack?.requestListener ? { slack: slack.requestListener } : {}) });
    stoppers.push(() => http.close());
    logger.info({ port: http.port }, 'http server listening (/healthz, /metrics' + (slack?.requestListener ? ', /slack/events)' : ')'));

    if (isDiscordConfigured(env)) {
      const { startDiscord } = await import('../platforms/discord/client.js');
      discord = await startDiscord({ env, dispatcher, logger, metrics });
      const d = discord;
      stoppers.push(() => d.stop());
    }

    let stopping: Promise<void> | undefined;
    return {
      core,
      store,
      http,
      ...(discord ? { discord } : {}),
      ...(slack ? { slack } : {}),
      metrics,
      health,
      stop(reason: string) {
        stopping ??= (async () => {
          logger.info({ reason }, 'shutting down');
          await stopAll();
          logger.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
