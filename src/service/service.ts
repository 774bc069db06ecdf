import type { Core } from '../core/index.js';
import { createCore } from '../core/create.js';
import { openKnowledgeBase } from '../core/data/open.js';
import { Dispatcher } from '../app/dispatch.js';
import { isDiscordConfigured, isSlackConfigured, isSlackOAuth, type Env } from '../config/env.js';
import type { Logger } from '../observability/logger.js';
import { Metrics } from '../observability/metrics.js';
import { openStore } from '../store/open-store.js';
import { storeLocation } from '../config/db-location.js';
import type { Store } from '../store/store.js';
import { SpotlightScheduler, SpotlightService, type RunSummary } from '../spotlight/index.js';
import { HealthMonitor } from './health-monitor.js';
import { scheduleStorePruning } from './maintenance.js';
import { startHttpServer, type HealthReport, type HttpLimits, type RunningHttpServer } from './http-server.js';
import type { DiscordRuntime } from '../platforms/discord/client.js';
import type { DiscordHttpRuntime } from '../platforms/discord/http-interactions.js';
import type { SlackRuntime } from '../platforms/slack/app.js';
import type { SlackInstallations } from '../platforms/slack/installations.js';
import { pauseWorkspace, resumeWorkspace } from '../spotlight/workspaces.js';
import { spotlightFor } from '../views/cards/spotlight.js';
import { TokenCipher } from '../store/token-cipher.js';
import { landingPage, type LandingOptions } from '../web/pages.js';

export interface ServiceOptions {
  env: Env;
  logger: Logger;
  metrics?: Metrics;
  core?: Core;
  /** How often the store's write probe runs (/healthz serves its last result). */
  storeCheckIntervalMs?: number;
  /** Overrides of the HTTP server's body cap and timeouts (tests use short ones). */
  httpLimits?: Partial<HttpLimits>;
}

/** Often enough that a failing disk shows within seconds; each probe is one tiny write. */
export const STORE_CHECK_INTERVAL_MS = 5_000;

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
  store: Store;
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
 * "Add to Slack" mode: the installation store over the Store, tokens sealed with
 * ROLECALL_ENCRYPTION_KEY. Installations still sealed with ROLECALL_ENCRYPTION_KEY_PREVIOUS are
 * re-sealed with the current key at start (key rotation), and a re-install resumes the
 * spotlight the workspace's removal paused.
 */
async function openInstallations(env: Env, store: Store, logger: Logger): Promise<SlackInstallations> {
  const { SlackInstallations } = await import('../platforms/slack/installations.js');
  const cipher = TokenCipher.fromText(env.ROLECALL_ENCRYPTION_KEY ?? '', env.ROLECALL_ENCRYPTION_KEY_PREVIOUS);
  const installations = new SlackInstallations({
    records: store.slackInstallations,
    cipher,
    hooks: {
      installed: async (workspaceId) => {
        const resumed = await resumeWorkspace(store.spotlight.subscriptions, 'slack', workspaceId, new Date());
        if (resumed > 0) logger.info({ team: workspaceId, resumed }, 'spotlight resumed for a re-installed workspace');
      },
    },
  });
  const resealed = await installations.resealAll();
  if (resealed > 0) logger.info({ resealed }, 'slack installations re-encrypted with the current ROLECALL_ENCRYPTION_KEY');
  return installations;
}

/**
 * Starts every configured part: the store, Slack (HTTP or Socket Mode) while the Discord gateway
 * connects, the HTTP server with /healthz and /metrics, then the spotlight scheduler (with its catch-up). Parts that
 * fail to start are stopped again before the error propagates, so a failed start leaves nothing
 * running. Stopping runs in reverse: the scheduler first, then the platforms, HTTP, the store.
 */
export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const { env, logger } = opts;
  const metrics = opts.metrics ?? new Metrics({ processMetrics: true });
  const core = opts.core ?? createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR));
  // Postgres is retried with backoff while it is down, then start-up fails with a clear message.
  const store = await openStore(env, { logger });
  // One Dispatcher for every front end; /spotlight is in the registry, and with the spotlight off it says so.
  const dispatcher = new Dispatcher(core);
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
          // On Postgres other replicas may fan out the same week: each starts at its own channel.
          spreadStart: storeLocation(env.ROLECALL_DB).kind === 'postgres',
        })
      : undefined;
  const storeHealth = new HealthMonitor(() => store.health(), opts.storeCheckIntervalMs ?? STORE_CHECK_INTERVAL_MS);
  // Stopped in reverse: the pruning ends before the store closes.
  const stoppers: Array<() => Promise<void>> = [
    async () => {
      storeHealth.stop();
      await store.close();
    },
    scheduleStorePruning(store, logger.child({ component: 'store' })),
  ];
  const stopAll = async () => {
    for (const stop of [...stoppers].reverse()) {
      await stop().catch((err: unknown) => logger.error({ err }, 'error while stopping'));
    }
  };

  // The gateway client starts first and connects while Slack starts: Discord's handshake and
  // Slack's auth.test are network round trips, and each waits while the other side's code loads.
  let gateway: Promise<DiscordRuntime> | undefined;
  let gatewayAdopted = false;
  try {
    await storeHealth.start();
    if (isDiscordConfigured(env) && !env.DISCORD_PUBLIC_KEY) {
      gateway = (async () => {
        const { startDiscord } = await import('../platforms/discord/client.js');
        const { discordExtensions } = await import('../platforms/discord/extensions.js');
        return startDiscord({ env, dispatcher, logger, metrics, extraCommands: discordExtensions, ...(spotlight ? { spotlight } : {}) });
      })();
      // Awaited after the HTTP server starts; a failure elsewhere first must not leave it unhandled.
      gateway.catch(() => undefined);
    }
    let slack: SlackRuntime | undefined;
    let landing: LandingOptions = {};
    if (isSlackConfigured(env)) {
      const { startSlack } = await import('../platforms/slack/app.js');
      const { SlackSpotlightPoster, spotlightSlackClient, installedWorkspaceClients } = await import('../platforms/slack/spotlight-poster.js');
      const { boltLogger } = await import('../platforms/slack/bolt-logger.js');
      const installations = isSlackOAuth(env) ? await openInstallations(env, store, logger) : undefined;
      slack = await startSlack({
        env,
        dispatcher,
        store,
        logger,
        metrics,
        ...(spotlight ? { spotlight, spotlightPreview: async () => spotlightFor(core, spotlight.featured().roleId) } : {}),
        ...(installations ? { installations } : {}),
        workspaceRemoved: async (workspaceId) => {
          const paused = await pauseWorkspace(store.spotlight.subscriptions, 'slack', workspaceId, new Date());
          spotlightLog.info({ team: workspaceId, paused }, 'spotlight paused for a workspace that removed RoleCall');
        },
      });
      const s = slack;
      stoppers.push(() => s.stop());
      // Its own WebClient per token: the same API URL, but no retries of its own (see spotlightSlackClient).
      const spotlightClient = (token?: string) => spotlightSlackClient(env, boltLogger(spotlightLog), token);
      spotlight?.setPoster(
        new SlackSpotlightPoster(installations ? installedWorkspaceClients((id) => installations.botToken(id), spotlightClient) : spotlightClient()),
      );
      if (installations) landing = { slackInstallPath: (await import('../platforms/slack/oauth.js')).INSTALL_PATH };
    }
    if (env.DISCORD_APPLICATION_ID) {
      const { inviteUrl } = await import('../platforms/discord/invite.js');
      landing = { ...landing, discordInviteUrl: inviteUrl(env.DISCORD_APPLICATION_ID) };
    }

    let discord: DiscordRuntime | undefined;
    // HTTP interactions (DISCORD_PUBLIC_KEY): built before the HTTP server so it can mount them; no gateway.
    let discordHttp: DiscordHttpRuntime | undefined;
    if (isDiscordConfigured(env) && env.DISCORD_PUBLIC_KEY) {
      const { startDiscordHttp } = await import('../platforms/discord/http-interactions.js');
      discordHttp = startDiscordHttp({ env, dispatcher, logger, metrics, ...(spotlight ? { spotlight } : {}) });
      discord = discordHttp;
      const d = discordHttp;
      // Pushed before the HTTP server's stop, so requests in flight finish before the client goes.
      stoppers.push(() => d.stop());
    }
    // Never waits on the store: its write probe runs in the background (HealthMonitor).
    const health = async (): Promise<HealthReport> => {
      const report: HealthReport = { store: storeHealth.current() };
      if (discord) report.discord = discord.health();
      else if (isDiscordConfigured(env)) report.discord = { ok: false, detail: 'starting' };
      if (slack) report.slack = await slack.health();
      return report;
    };
    const http = await startHttpServer({
      port: env.PORT,
      health,
      metrics,
      ...(opts.httpLimits ? { limits: opts.httpLimits } : {}),
      landingPage: landingPage(landing),
      ...(slack?.requestListener ? { slack: slack.requestListener } : {}),
      ...(discordHttp ? { discord: discordHttp.requestListener } : {}),
    });
    stoppers.push(() => http.close());
    const routes = ['/', '/healthz', '/metrics', ...(slack?.requestListener ? ['/slack/*'] : []), ...(discordHttp ? ['/discord/interactions'] : [])];
    logger.info({ port: http.port }, `http server listening (${routes.join(', ')})`);

    if (discordHttp) {
      const { DiscordSpotlightPoster } = await import('../platforms/discord/spotlight-poster.js');
      spotlight?.setPoster(new DiscordSpotlightPoster(discordHttp.client.rest));
    } else if (gateway) {
      const { DiscordSpotlightPoster } = await import('../platforms/discord/spotlight-poster.js');
      discord = await gateway;
      gatewayAdopted = true;
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
    // A gateway client still connecting when another part failed is stopped too, once it settles.
    if (gateway && !gatewayAdopted)
      await gateway.then(
        (d) => d.stop(),
        () => undefined,
      );
    await stopAll();
    throw err;
  }
}
