import type { Core } from '../core/index.js';
import { createCore } from '../core/create.js';
import { openKnowledgeBase } from '../core/data/open.js';
import { Dispatcher } from '../app/dispatch.js';
import { ConfigError, type Env } from '../config/env.js';
import type { Logger } from '../observability/logger.js';
import { Metrics } from '../observability/metrics.js';
import { openStore } from '../store/open-store.js';
import { storeLocation } from '../config/db-location.js';
import type { Store } from '../store/store.js';
import { SpotlightScheduler, SpotlightService, type RunSummary } from '../spotlight/index.js';
import { servicePlatforms } from '../platforms/index.js';
import type { PlatformName } from '../platforms/names.js';
import type { RunningPlatform, ServiceContext, ServicePlatform } from '../platforms/shared/platform.js';
import { HealthMonitor } from './health-monitor.js';
import { scheduleStorePruning } from './maintenance.js';
import { routeList, startHttpServer, type HealthReport, type HttpLimits, type RunningHttpServer } from './http-server.js';
import { TokenCipher } from '../store/token-cipher.js';
import { landingPage } from '../web/pages.js';

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

/**
 * Every half second, with a stall limit of one: a database that stops answering turns /healthz
 * 503 within 1.5 s of the stall starting. Each probe is one tiny write (SQLite) or read (Postgres).
 */
export const STORE_CHECK_INTERVAL_MS = 500;

/** A store probe running longer reports the store unhealthy; a healthy one takes milliseconds. */
export const STORE_STALL_MS = 1_000;

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
  /** Every platform started here (the configured ones), by name. */
  platforms: ReadonlyMap<PlatformName, RunningPlatform>;
  /** Present when SPOTLIGHT_ENABLED and a platform that posts it is configured. */
  spotlight?: RunningSpotlight;
  metrics: Metrics;
  health(): Promise<HealthReport>;
  /** Graceful: no new work, in-flight work finishes, then connections and the store close. */
  stop(reason: string): Promise<void>;
}

/**
 * Starts every configured platform at once (a gateway handshake and Slack's auth.test are
 * network round trips that overlap). If one fails, those that started are stopped again and
 * the first failure is thrown.
 */
async function startPlatforms(chosen: readonly ServicePlatform[], ctx: ServiceContext, logger: Logger): Promise<Map<PlatformName, RunningPlatform>> {
  const settled = await Promise.allSettled(chosen.map((p) => p.start(ctx)));
  const running = new Map<PlatformName, RunningPlatform>();
  settled.forEach((s, i) => {
    if (s.status === 'fulfilled') running.set(chosen[i]!.name, s.value);
  });
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await stopPlatforms(running, logger);
    throw failed.reason;
  }
  return running;
}

async function stopPlatforms(running: ReadonlyMap<PlatformName, RunningPlatform>, logger: Logger): Promise<void> {
  await Promise.all(
    [...running].map(([name, p]) => p.stop().catch((err: unknown) => logger.error({ err, platform: name }, 'error while stopping a platform'))),
  );
}

/**
 * Starts the store, every configured platform (from the platform list), the HTTP server with
 * /, /healthz, /metrics and the platforms' routes, then the spotlight scheduler with its
 * catch-up. Parts that fail to start are stopped again before the error propagates, so a failed
 * start leaves nothing running. Stopping goes: the scheduler (no new posts; those in flight
 * finish), the platforms together (no new interactions; those in flight finish), the HTTP
 * server (its open requests end), then the store pruning, the store probe and the store.
 */
export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const { env, logger } = opts;
  const chosen = servicePlatforms.filter((p) => p.configured(env));
  // Every platform's own problems at once, before anything opens (exit code 2, like the environment's).
  const problems = chosen.flatMap((p) => p.configProblems(env));
  if (problems.length > 0) throw new ConfigError(problems);
  const metrics = opts.metrics ?? new Metrics({ processMetrics: true });
  const core = opts.core ?? createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR));
  // Postgres is retried with backoff while it is down, then start-up fails with a clear message.
  const store = await openStore(env, { logger });
  // One Dispatcher for every front end; /spotlight is in the registry, and with the spotlight off it says so.
  // With ROLECALL_PUBLIC_URL every role card, comparison and path carries a link to its page.
  const dispatcher = new Dispatcher(core, undefined, { publicUrl: env.ROLECALL_PUBLIC_URL });
  const spotlightLog = logger.child({ component: 'spotlight' });
  const spotlight =
    env.SPOTLIGHT_ENABLED && chosen.some((p) => p.spotlight)
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
  const storeHealth = new HealthMonitor(() => store.health(), opts.storeCheckIntervalMs ?? STORE_CHECK_INTERVAL_MS, STORE_STALL_MS);
  const stopPruning = scheduleStorePruning(store, logger.child({ component: 'store' }));
  let running = new Map<PlatformName, RunningPlatform>();
  let http: RunningHttpServer | undefined;
  let scheduler: SpotlightScheduler | undefined;
  const stopAll = async () => {
    const step = (what: string, stop: () => Promise<void>) => stop().catch((err: unknown) => logger.error({ err }, `error while stopping ${what}`));
    if (scheduler) await step('the spotlight', () => scheduler!.stop());
    await stopPlatforms(running, logger);
    if (http) await step('the HTTP server', () => http!.close());
    await step('the store pruning', stopPruning);
    storeHealth.stop();
    await step('the store', () => store.close());
  };

  try {
    await storeHealth.start();
    const cipher = env.ROLECALL_ENCRYPTION_KEY ? TokenCipher.fromText(env.ROLECALL_ENCRYPTION_KEY, env.ROLECALL_ENCRYPTION_KEY_PREVIOUS) : undefined;
    const ctx: ServiceContext = { env, dispatcher, store, logger, metrics, ...(spotlight ? { spotlight } : {}), ...(cipher ? { cipher } : {}) };
    running = await startPlatforms(chosen, ctx, logger);
    for (const platform of running.values()) if (platform.poster) spotlight?.setPoster(platform.poster);

    // Never waits on the store: its write probe runs in the background (HealthMonitor).
    const health = async (): Promise<HealthReport> => {
      const report: HealthReport = { store: storeHealth.current() };
      for (const [name, platform] of running) report[name] = await platform.health();
      return report;
    };
    // Every platform's install button, configured here or not ("Add to Discord" needs only the application id).
    const links = await Promise.all(servicePlatforms.map(async (p) => (await (p.landingLinks?.(env) ?? [])).map((link) => ({ ...link, platform: p.name }))));
    const server = {
      port: env.PORT,
      health,
      metrics,
      ...(opts.httpLimits ? { limits: opts.httpLimits } : {}),
      landingPage: landingPage(links.flat()),
      ...(env.ROLECALL_HEALTH_TOKEN ? { healthToken: env.ROLECALL_HEALTH_TOKEN } : {}),
      routes: [...running.values()].flatMap((p) => p.routes),
    };
    http = await startHttpServer(server);
    logger.info({ port: http.port }, `http server listening (${routeList(server).join(', ')})`);
    // The line a person starting it looks for: where to open it (it listens on every interface).
    const url = `http://127.0.0.1:${http.port}`;
    logger.info({ url, ...(env.ROLECALL_PUBLIC_URL ? { publicUrl: env.ROLECALL_PUBLIC_URL } : {}) }, `RoleCall is listening on ${url}`);
    // A gateway login finishes here, while /healthz already answers ("connecting to the gateway").
    await Promise.all([...running.values()].map((p) => p.ready));

    let runningSpotlight: RunningSpotlight | undefined;
    if (spotlight) {
      const started = new SpotlightScheduler({ service: spotlight, logger: spotlightLog });
      scheduler = started;
      // The catch-up runs in the background: a long backlog must not hold start-up (or a SIGTERM).
      const catchUp = started.start().catch((err: unknown) => {
        spotlightLog.error({ err }, 'spotlight scheduler failed to start');
        return undefined;
      });
      runningSpotlight = { service: spotlight, scheduler: started, catchUp };
    }

    const runningHttp = http;
    let stopping: Promise<void> | undefined;
    return {
      core,
      store,
      http: runningHttp,
      platforms: running,
      ...(runningSpotlight ? { spotlight: runningSpotlight } : {}),
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
