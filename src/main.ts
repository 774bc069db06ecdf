import { existsSync } from 'node:fs';
import dotenv from 'dotenv';
import { ConfigError, isDiscordConfigured, isSlackConfigured, parseEnv, type Env } from './config/env.js';
import { DataError } from './core/data/errors.js';
import { createLogger, type Logger } from './observability/logger.js';

/** Exit codes of `npm start`. */
const EXIT = { ok: 0, config: 2, data: 3, startup: 1 } as const;
/** Shutdown must finish within 10 s (orchestrators kill after their grace period). */
const SHUTDOWN_DEADLINE_MS = 9_500;

function fail(message: string, code: number): never {
  process.stderr.write(`rolecall: ${message}\n`);
  process.exit(code);
}

function loadEnv(): Env {
  if (existsSync('.env')) dotenv.config({ path: '.env', quiet: true });
  try {
    return parseEnv(process.env);
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
  const { consoleExtras } = await import('./platforms/console/spotlight.js');
  const core = createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR));
  const dispatcher = new Dispatcher(core);
  await runConsoleChat({
    dispatcher,
    input: process.stdin,
    output: process.stdout,
    color: !process.env.NO_COLOR,
    extra: consoleExtras(core, env),
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

async function main(): Promise<void> {
  const env = loadEnv();
  const platforms = isDiscordConfigured(env) || isSlackConfigured(env);
  if (!platforms) {
    if (process.stdin.isTTY) return runConsole(env);
    fail(
      'no platform is configured and no terminal is attached.\n' +
        '  Set DISCORD_TOKEN and DISCORD_APPLICATION_ID for Discord, and/or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET\n' +
        '  (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) for Slack. Run in a terminal to try the console chat.',
      EXIT.config,
    );
  }
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: Boolean(process.stdout.isTTY) });
  // Nothing a single interaction does may end the process; these are the last line of defence.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));
  try {
    await runService(env, logger);
  } catch (err) {
    if (err instanceof DataError) fail(err.message, EXIT.data);
    if (err instanceof ConfigError) fail(err.message, EXIT.config);
    logger.fatal({ err }, 'start-up failed');
    process.exit(EXIT.startup);
  }
}

main().catch((err: unknown) => {
  if (err instanceof DataError) fail(err.message, EXIT.data);
  fail(`unexpected failure: ${err instanceof Error ? err.stack ?? err.message : String(err)}`, EXIT.startup);
});
