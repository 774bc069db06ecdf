import { storeLocation } from '../config/db-location.js';
import { type Env, queryTimeoutMs } from '../config/env.js';
import type { Logger } from '../observability/logger.js';
import type { Store } from './store.js';

/**
 * Opens the store ROLECALL_DB names: Postgres for a postgres:// URL, otherwise the SQLite file.
 * Each driver is imported only when chosen, so a SQLite host never loads `pg` and the other way round.
 */
export async function openStore(
  env: Pick<
    Env,
    'ROLECALL_DB' | 'ROLECALL_DB_POOL_SIZE' | 'ROLECALL_DB_STATEMENT_TIMEOUT_MS' | 'ROLECALL_DB_QUERY_TIMEOUT_MS' | 'ROLECALL_DB_STARTUP_TIMEOUT_MS'
  >,
  opts: { logger?: Logger; applicationName?: string; migrate?: boolean } = {},
): Promise<Store> {
  const location = storeLocation(env.ROLECALL_DB);
  if (location.kind === 'sqlite') {
    const { SqliteStore } = await import('./sqlite/sqlite-store.js');
    return SqliteStore.open(location.path);
  }
  const { PgStore } = await import('./postgres/pg-store.js');
  const log = opts.logger?.child({ component: 'store' });
  return PgStore.open({
    url: location.url,
    max: env.ROLECALL_DB_POOL_SIZE,
    statementTimeoutMs: env.ROLECALL_DB_STATEMENT_TIMEOUT_MS,
    queryTimeoutMs: queryTimeoutMs(env),
    connectionTimeoutMs: Math.min(env.ROLECALL_DB_STATEMENT_TIMEOUT_MS, 5_000),
    startupTimeoutMs: env.ROLECALL_DB_STARTUP_TIMEOUT_MS,
    ...(opts.applicationName ? { applicationName: opts.applicationName } : {}),
    ...(opts.migrate === false ? { migrate: false } : {}),
    onRetry: (info) => log?.warn(info, 'database not reachable yet; retrying'),
    onIdleError: (err) => log?.warn({ err }, 'database connection lost; the pool reconnects on the next query'),
  });
}
