import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_TEST_PG_URL } from '../setup/postgres-server.js';

/** The server the global set-up made sure of (the machine's own, or a throwaway one). */
export function testPgUrl(): string {
  return process.env.ROLECALL_TEST_PG_URL ?? DEFAULT_TEST_PG_URL;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** `url` with every connection's search_path set to `schema` (libpq's `options` parameter). */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  /** A fresh, empty schema in this database; the URL selects it for every connection. */
  freshSchema(): Promise<string>;
  drop(): Promise<void>;
}

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test file (random name, so parallel runs never meet); drop it after. */
export async function createTestDatabase(prefix = 'rolecall_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const base = testPgUrl();
  await admin(base, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(base, name);
  let n = 0;
  return {
    name,
    url,
    async freshSchema() {
      const schema = `s${++n}_${randomBytes(3).toString('hex')}`;
      await admin(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
      return withSchema(url, schema);
    },
    async drop() {
      await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
