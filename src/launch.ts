import { ConfigError, halfConfiguredProblems, loadEnv, type Env } from './config/env.js';
import { DataError } from './core/data/errors.js';
import { EXIT } from './exit-codes.js';
import { createLogger, secretValues, type Logger } from './observability/logger.js';
import { secretScrubber } from './observability/log-safety.js';
import { platforms, servicePlatforms } from './platforms/index.js';
import type { TerminalPlatform } from './platforms/shared/platform.js';
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
      fail(`${err.message}\nSee .env.example for every variable.`, EXIT.usage);
    }
    throw err;
  }
}

/** With no service platform configured and a terminal attached: the terminal platform, in the foreground. */
async function runTerminal(env: Env, terminal: TerminalPlatform): Promise<void> {
  const { createCore } = await import('./core/create.js');
  const { openKnowledgeBase } = await import('./core/data/open.js');
  const { Dispatcher } = await import('./app/dispatch.js');
  const dispatcher = new Dispatcher(createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR)));
  // Profiles need the database; without one the chat still answers, only /profile says it keeps none.
  const { openStore } = await import('./store/open-store.js');
  const store = await openStore(env).catch(() => undefined);
  const chat = await terminal.start({
    env,
    dispatcher,
    input: process.stdin,
    output: process.stdout,
    color: !process.env.NO_COLOR,
    ...(store ? { profiles: store } : {}),
  });
  await chat.done;
  await store?.close();
}

async function runService(env: Env, logger: Logger): Promise<void> {
  const { startService } = await import('./service/service.js');
  const service = await startService({ env, logger });
  let signals = 0;
  const shutdown = (signal: string) => {
    signals++;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(EXIT.failed);
    }
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(EXIT.failed);
    }, SHUTDOWN_DEADLINE_MS);
    timer.unref();
    service.stop(signal).then(
      () => process.exit(EXIT.ok),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(EXIT.failed);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function run(): Promise<void> {
  const env = readEnv();
  if (!servicePlatforms.some((p) => p.configured(env))) {
    const half = halfConfiguredProblems(env);
    if (half.length > 0) fail(`${new ConfigError(half).message}\nSee .env.example for every variable.`, EXIT.usage);
    const terminal = platforms.find((p): p is TerminalPlatform => p.mode === 'terminal');
    if (terminal && process.stdin.isTTY) return runTerminal(env, terminal);
    const setups = servicePlatforms.flatMap((p) => (p.setup ? [p.setup] : []));
    fail(
      `no platform is configured and no terminal is attached.\n  Set ${setups.join(',\n  and/or ')}.\n` +
        `  Run in a terminal to try ${terminal?.label ?? 'RoleCall'}.`,
      EXIT.usage,
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
    if (err instanceof ConfigError) fail(err.message, EXIT.usage);
    // The database or a platform's API stayed unreachable through start-up's retries: the message says where and what to check.
    if (err instanceof Error && (err.name === 'DatabaseUnavailableError' || err.name === 'PlatformUnreachableError')) fail(err.message, EXIT.failed);
    logger.fatal({ err }, 'start-up failed');
    process.exit(EXIT.failed);
  }
}

/** `npm start`: the console chat in a terminal with no platform configured, the service otherwise. */
export function launch(): Promise<void> {
  return run().catch((err: unknown) => {
    if (err instanceof DataError) fail(err.message, EXIT.data);
    fail(`unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, EXIT.failed);
  });
}
