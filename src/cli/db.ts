import { storeLocation, redactUrl } from '../config/db-location.js';
import { ConfigError, loadEnv, type Env } from '../config/env.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from './io.js';

export function dbUsage(): string {
  return [
    'Usage: rolecall db migrate',
    '',
    'Applies pending schema migrations to the database ROLECALL_DB names (a postgres:// URL or a',
    'SQLite file), then exits. Safe while replicas run or start: migrations take a lock and apply once.',
    'Run it before rolling out a new version; `npm start` also migrates at start.',
  ].join('\n');
}

export async function dbCli(args: string[], io: Io, deps: { env?: Env } = {}): Promise<number> {
  const [sub, ...rest] = args.filter((a) => a !== '--help' && a !== '-h');
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${dbUsage()}\n`);
    return EXIT.ok;
  }
  if (sub !== 'migrate' || rest.length > 0) {
    io.stderr.write(`rolecall db: ${sub === undefined ? 'missing subcommand' : `unknown arguments "${[sub, ...rest].join(' ')}"`}\n\n${dbUsage()}\n`);
    return EXIT.usage;
  }
  let env: Env;
  try {
    env = deps.env ?? loadEnv({ receivesEvents: false });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`rolecall db: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  const location = storeLocation(env.ROLECALL_DB);
  try {
    if (location.kind === 'sqlite') {
      const { openDatabase, schemaVersion } = await import('../store/sqlite/open.js');
      const db = openDatabase(location.path);
      const version = schemaVersion(db);
      db.close();
      io.stdout.write(`sqlite ${location.path}: schema v${version}\n`);
      return EXIT.ok;
    }
    const { createPool, waitForDatabase } = await import('../store/postgres/pool.js');
    const { migratePostgres, pgSchemaVersion } = await import('../store/postgres/migrations.js');
    const pool = createPool({ url: location.url, max: 1, statementTimeoutMs: 60_000, applicationName: 'rolecall-migrate' });
    try {
      await waitForDatabase(pool, location.url, env.ROLECALL_DB_STARTUP_TIMEOUT_MS);
      const applied = await migratePostgres(pool);
      const version = await pgSchemaVersion(pool);
      const what = applied.length ? `applied ${applied.map((v) => `v${v}`).join(', ')}` : 'already up to date';
      io.stdout.write(`postgres ${redactUrl(location.url)}: ${what}; schema v${version}\n`);
      return EXIT.ok;
    } finally {
      await pool.end().catch(() => undefined);
    }
  } catch (err) {
    io.stderr.write(`rolecall db: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
}
