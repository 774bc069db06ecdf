import { ConfigError, isDiscordConfigured, isSlackConfigured, loadEnv, type Env } from './config/env.js';
import { DataError } from './core/data/errors.js';
import { createLogger, secretValues, type Logger } from './observability/logger.js';
import { secretScrubber } from './observability/log-safety.js';

/** Exit codes of `npm start`. */
const EXIT = { ok: 0, config: 2, data: 3, startup: 1 } as const;
/** Shutdown must finish within 10 s (orchestrators kill after their grace period). */
const SHUTDOWN_DEADLINE_MS = 9_500;

function fail(message: string, code: number): never {
  const scrub = secretScrubber(secretValues(process.env));
  process.stderr.write(`rolecall: ${scrub ? scrub(message) : message}\n`);
  process.exit(code);
}

function readEnv(): Env {
  try {
    return loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      fail(`${err.message}\nSee .env.example for every variable.`, EXIT.config);
    }
    throw err;
  }
}

async function runConsole(env: Env): Promise<void> {
  const { createCore } = await import('./core/create.js');
  const { openKnowledgeBase } = await import('./core/data/open.js');
  const { Dispatcher } = await import('./app/dispatch.js');
  const { runConsoleChat } = await import('./platforms/console/chat.js');
  const { consoleSpotlightAccess } = await import('./platforms/console/spotlight.js');
  const core = createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR));
  const dispatcher = new Dispatcher(core);
  await runConsoleChat({
    dispatcher,
    input: process.stdin,
    output: process.stdout,
    color: !process.env.NO_COLOR,
    ctx: { platform: 'console', spotlight: consoleSpotlightAccess(core) },
  });
}

async function runService(env: Env, logger: Logger): Promise<void> {
  const { startService } = await import('./service/service.js');
  const service = await startService({ env, logger });
  let signals = 0;
  const shutdown = (signal: string) => {
    signals++;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    timer.unref();
    service.stop(signal).then(
      () => process.exit(EXIT.ok),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function run(): Promise<void> {
  const env = readEnv();
  const platforms = isDiscordConfigured(env) || isSlackConfigured(env);
  if (!platforms) {
    if (process.stdin.isTTY) return runConsole(env);
    fail(
      'no platform is configured and no terminal is attached.\n' +
        '  Set DISCORD_TOKEN and DISCORD_APPLICATION_ID for Discord, and/or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET\n' +
        '  (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) for one Slack workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET,\n' +
        '  SLACK_STATE_SECRET and ROLECALL_ENCRYPTION_KEY for "Add to Slack". Run in a terminal to try the console chat.',
      EXIT.config,
    );
  }
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: Boolean(process.stdout.isTTY), secrets: secretValues(process.env) });
  // Nothing a single interaction does may end the process; these are the last line of defence.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));
  try {
    await runService(env, logger);
  } catch (err) {
    if (err instanceof DataError) fail(err.message, EXIT.data);
    if (err instanceof ConfigError) fail(err.message, EXIT.config);
    // The database stayed unreachable through start-up's retries: its message says where and why.
    if (err instanceof Error && err.name === 'DatabaseUnavailableError') fail(err.message, EXIT.startup);
    logger.fatal({ err }, 'start-up failed');
    process.exit(EXIT.startup);
  }
}

/** `npm start`: the console chat in a terminal with no platform configured, the service otherwise. */
export function launch(): Promise<void> {
  return run().catch((err: unknown) => {
    if (err instanceof DataError) fail(err.message, EXIT.data);
    fail(`unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, EXIT.startup);
  });
}
