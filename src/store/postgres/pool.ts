import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactUrl, scrubUrlValues } from '../../config/db-location.js';

export interface PgPoolOptions {
  url: string;
  /** Connections per process; replicas × this must stay below the server's max_connections. */
  max?: number;
  /** A statement running longer is cancelled by the server. */
  statementTimeoutMs?: number;
  /**
   * The client gives up on a query after this long, for a socket that stalls with no answer
   * (statement_timeout is the server's, so it never fires there); a little above
   * statementTimeoutMs, so that a reachable server cancels first. The connection is then dropped.
   */
  queryTimeoutMs?: number;
  /** Waiting for a connection (new or from the pool) fails after this long. */
  connectionTimeoutMs?: number;
  /** Reported to pg_stat_activity, so an operator can tell the replicas apart. */
  applicationName?: string;
  /** Called for errors of idle connections (the server restarted, the network dropped). */
  onIdleError?: (err: Error) => void;
}

/** BIGINT (rotation seeds) as a JS number: every value RoleCall writes fits in 2^53. */
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function createPool(opts: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    statement_timeout: opts.statementTimeoutMs ?? 5_000,
    // pool.query releases a client whose query failed with the error, so the pool ends it rather than reuse it.
    query_timeout: opts.queryTimeoutMs ?? (opts.statementTimeoutMs ?? 5_000) + 1_000,
    connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: opts.applicationName ?? 'rolecall',
    // TCP keepalive notices a vanished server on idle connections.
    keepAlive: true,
  });
  // Without a listener an idle connection's error (a restarted server) would end the process;
  // the pool drops that connection and opens a new one on the next query.
  pool.on('error', (err) => opts.onIdleError?.(err));
  return pool;
}

/** node-postgres' error for a query its query_timeout gave up on (the connection may still be waiting for the answer). */
export const isQueryTimeout = (err: unknown): boolean => err instanceof Error && err.message === 'Query read timeout';

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Waits for the server to answer, retrying with exponential backoff (0.25 s doubling to 5 s)
 * until `timeoutMs` has passed; then throws a DatabaseUnavailableError that names the server
 * without its password.
 */
export async function waitForDatabase(
  pool: pg.Pool,
  url: string,
  timeoutMs: number,
  onRetry?: (info: { attempt: number; delayMs: number; error: string }) => void,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      const error = scrubUrlValues((err as Error).message, url);
      if (Date.now() + delay > deadline) {
        throw new DatabaseUnavailableError(
          `ROLECALL_DB: cannot reach the Postgres server at ${redactUrl(url)} after ${attempt} attempt(s) over ${Math.round(timeoutMs / 1000)} s: ${error}`,
          { cause: err },
        );
      }
      onRetry?.({ attempt, delayMs: delay, error });
      await sleep(delay);
      delay = Math.min(delay * 2, 5_000);
    }
  }
}
