import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import setup from '../setup/postgres-server.js';

// The global set-up's fallback, exercised for real: with no server at the configured URL it
// starts one from initdb/pg_ctl (never skipping the Postgres suite), and its teardown removes it.
const saved = process.env.ROLECALL_TEST_PG_URL;
afterAll(() => {
  process.env.ROLECALL_TEST_PG_URL = saved;
});

it('starts a throwaway Postgres server when none answers, and stops it after', async () => {
  process.env.ROLECALL_TEST_PG_URL = 'postgres://postgres@127.0.0.1:1/test';
  const teardown = await setup();
  expect(teardown).toBeTypeOf('function');
  const url = process.env.ROLECALL_TEST_PG_URL;
  expect(url).not.toBe('postgres://postgres@127.0.0.1:1/test');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  expect((await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v).toMatch(/^\d+/);
  await client.end();
  teardown!();
  const after = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  after.on('error', () => undefined);
  await expect(after.connect()).rejects.toThrow();
}, 60_000);
