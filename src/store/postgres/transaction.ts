import type pg from 'pg';
import { isQueryTimeout } from './pool.js';

/** Runs `work` in one transaction on one pooled connection; rolls back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A timed-out query may still be running on a socket that answers nothing: a ROLLBACK would
    // queue behind it. Ending the connection rolls back on the server's side.
    if (isQueryTimeout(err)) broken = err as Error;
    else
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
    throw err;
  } finally {
    // A connection whose rollback failed, or whose query timed out, is in an unknown state: the pool ends it rather than reuse it.
    client.release(broken);
  }
}
