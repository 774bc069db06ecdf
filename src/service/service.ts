import type { Core } from '../core/index.js';
import { createCore } from '../core/create.js';
import { openKnowledgeBase } from '../core/data/open.js';
import { Dispatcher } from '../app/dispatch.js';
import { commands } from '../../commands/index.js';
import { spotlight as spotlightCommand } from '../../commands/spotlight.js';
import { isDiscordConfigured, isSlackConfigured, type Env } from '../config/env.js';
import type { Logger } from '../observability/logger.js';
import { Metrics } from '../observability/metrics.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { SpotlightScheduler, SpotlightService, type RunSummary } from '../spotlight/index.js';
import { startHttpServer, type HealthReport, type RunningHttpServer } from './http-server.js';
import type { DiscordRuntime } from '../platforms/discord/client.js';
import type { SlackRuntime } from '../platforms/slack/app.js';

export interface ServiceOptions {
  env: Env;
  logger: Logger;
  metrics?: Metrics;
  core?: Core;
}

/**
 * How long the spotlight's stop waits for posts in flight. Shutdown must finish within 10 s:
 * this leaves the platforms, the HTTP server and the store about 4 s. A post cut off here keeps
 * its claim, which the next start retries once (Discord's nonce makes that retry harmless).
 */
export const SPOTLIGHT_STOP_TIMEOUT_MS = 6_000;

export interface RunningSpotlight {
  service: SpotlightService;
  scheduler: SpotlightScheduler;
  /** The catch-up run at start (this week's missed spotlights), running in the background. */
  catchUp: Promise<RunSummary | undefined>;
}

export interface RunningService {
  core: Core;
  store: SqliteStore;
  http: RunningHttpServer;
  discord?: DiscordRuntime;
  slack?: SlackRuntime;
  /** Present when SPOTLIGHT_ENABLED and a platform is configured. */
  spotlight?: RunningSpotlight;
  metrics: Metrics;
  health(): Promise<HealthReport>;
  /** Graceful: no new work, in-flight work finishes, then connections and the store close. */
  stop(reason: string): Promise<void>;
}

/**
 * Starts every configured part: the store, Slack (HTTP or Socket Mode), the HTTP server with
 * /healthz and /metrics, Discord, then the spotlight scheduler (with its catch-up). Parts that
 * fail to start are stopped again before the error propagates, so a failed start leaves nothing
 * running. Stopping runs in reverse: the scheduler first, then the platforms, HTTP, the store.
 */
export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const { env, logger } = opts;
  const metrics = opts.metrics ?? new Metrics({ processMetrics: true });
  const core = opts.core ?? createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR));
  const store = SqliteStore.open(env.ROLECALL_DB);
  // /spotlight runs through the Dispatcher too; with the spotlight off it says so.
  const dispatcher = new Dispatcher(core, [...commands, spotlightCommand]);
  const spotlightLog = logger.child({ component: 'spotlight' });
  const spotlight =
    env.SPOTLIGHT_ENABLED && (isDiscordConfigured(env) || isSlackConfigured(env))
      ? new SpotlightService({
          store,
          core,
          metrics,
          logger: spotlightLog,
          concurrency: env.SPOTLIGHT_CONCURRENCY,
          stopTimeoutMs: SPOTLIGHT_STOP_TIMEOUT_MS,
        })
      : undefined;
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
      const { slackSpotlightCommand } = await import('../platforms/slack/spotlight-command.js');
      const { SlackSpotlightPoster, spotlightSlackClient } = await import('../platforms/slack/spotlight-poster.js');
      const { boltLogger } = await import('../platforms/slack/bolt-logger.js');
      slack = await startSlack({
        env,
        dispatcher,
        store,
        logger,
        metrics,
        commands: [slackSpotlightCommand({ core, service: spotlight })],
        ...(spotlight ? { spotlightPreview: async () => spotlight.featured().view } : {}),
      });
      const s = slack;
      stoppers.push(() => s.stop());
      // Its own WebClient: the same token and API URL, but no retries of its own (see spotlightSlackClient).
      spotlight?.setPoster(new SlackSpotlightPoster(spotlightSlackClient(env, boltLogger(spotlightLog))));
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
      const { discordExtensions } = await import('../platforms/discord/extensions.js');
      const { discordSpotlightServices } = await import('../platforms/discord/spotlight-command.js');
      const { DiscordSpotlightPoster } = await import('../platforms/discord/spotlight-poster.js');
      discord = await startDiscord({ env, dispatcher, logger, metrics, extraCommands: discordExtensions, services: discordSpotlightServices(spotlight) });
      const d = discord;
      stoppers.push(() => d.stop());
      // The running client's REST: one queue and one view of the rate limits for answers and posts.
      spotlight?.setPoster(new DiscordSpotlightPoster(d.client.rest));
    }

    let running: RunningSpotlight | undefined;
    if (spotlight) {
      const scheduler = new SpotlightScheduler({ service: spotlight, logger: spotlightLog });
      // Pushed last, so it stops first: no new posts, those in flight finish (≤ 6 s), then the rest.
      stoppers.push(() => scheduler.stop());
      // The catch-up runs in the background: a long backlog must not hold start-up (or a SIGTERM).
      const catchUp = scheduler.start().catch((err: unknown) => {
        spotlightLog.error({ err }, 'spotlight scheduler failed to start');
        return undefined;
      });
      running = { service: spotlight, scheduler, catchUp };
    }

    let stopping: Promise<void> | undefined;
    return {
      core,
      store,
      http,
      ...(discord ? { discord } : {}),
      ...(slack ? { slack } : {}),
      ...(running ? { spotlight: running } : {}),
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
