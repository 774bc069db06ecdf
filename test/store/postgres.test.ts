import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createServer, type Server } from 'node:net';
import { ConfigError, parseEnv } from '../../src/config/env.js';
import { redactUrl, scrubUrlValues } from '../../src/config/db-location.js';
import { migratePostgres, pgMigrations, pgSchemaVersion } from '../../src/store/postgres/migrations.js';
import { createPool } from '../../src/store/postgres/pool.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import { inTransaction } from '../../src/store/postgres/transaction.js';
import { openStore } from '../../src/store/open-store.js';
import { dbCli } from '../../src/cli/db.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { memoryIo } from '../helpers/streams.js';

let db: TestDatabase;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(() => db.drop());

/** The newest schema version: tests follow the migrations list, never a hard-coded number. */
const LATEST = pgMigrations.at(-1)!.version;

describe('Postgres migrations', () => {
  it('apply once when several replicas start at the same moment', async () => {
    const url = await db.freshSchema();
    const pools = [1, 2, 3, 4].map(() => createPool({ url, max: 2 }));
    try {
      const applied = await Promise.all(pools.map((p) => migratePostgres(p)));
      expect(applied.flat().sort()).toEqual(pgMigrations.map((m) => m.version));
      expect(await pgSchemaVersion(pools[0]!)).toBe(LATEST);
      const { rows } = await pools[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]!.n).toBe(pgMigrations.length);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('upgrade a version-1 database without touching its data', async () => {
    const url = await db.freshSchema();
    const pool = createPool({ url, max: 1 });
    try {
      await migratePostgres(
        pool,
        pgMigrations.filter((m) => m.version === 1),
      );
      await pool.query("INSERT INTO processed_events VALUES ('slack', 'e1', now())");
      expect(await pgSchemaVersion(pool)).toBe(1);
      expect(await migratePostgres(pool)).toEqual(pgMigrations.map((m) => m.version).filter((v) => v > 1));
      expect((await pool.query('SELECT count(*)::int AS n FROM processed_events')).rows[0]).toEqual({ n: 1 });
      expect((await pool.query("SELECT to_regclass('spotlight_claims') AS t")).rows[0].t).toBe('spotlight_claims');
    } finally {
      await pool.end();
    }
  });

  it('roll a failed migration back and name it', async () => {
    const url = await db.freshSchema();
    const pool = createPool({ url, max: 1 });
    try {
      const broken = [...pgMigrations, { version: 99, name: 'broken', sql: 'CREATE TABLE half (id int); SELECT no_such_function();' }];
      await expect(migratePostgres(pool, broken)).rejects.toThrow(/migration 99 \(broken\) failed/);
      expect(await pgSchemaVersion(pool)).toBe(LATEST);
      expect((await pool.query("SELECT to_regclass('half') AS t")).rows[0].t).toBeNull();
    } finally {
      await pool.end();
    }
  });

  it('are not cut off by the pool’s statement_timeout or query_timeout (a long migration, or waiting for another replica’s)', async () => {
    const url = await db.freshSchema();
    const pool = createPool({ url, max: 1, statementTimeoutMs: 200, queryTimeoutMs: 300 });
    try {
      const slow = [...pgMigrations, { version: LATEST + 1, name: 'slow', sql: 'SELECT pg_sleep(0.5)' }];
      expect(await migratePostgres(pool, slow)).toEqual([...pgMigrations.map((m) => m.version), LATEST + 1]);
      // The connection went back to the pool with the timeout in force again.
      await expect(pool.query('SELECT pg_sleep(0.5)')).rejects.toThrow(/statement timeout/);
    } finally {
      await pool.end();
    }
  });

  it('a query the server does not answer in time fails on the client’s query_timeout, and its connection is not reused', async () => {
    const url = await db.freshSchema();
    // statement_timeout far above: only the client's limit can end this one, as on a stalled socket.
    const pool = createPool({ url, max: 1, statementTimeoutMs: 10_000, queryTimeoutMs: 300 });
    try {
      const pid = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const started = Date.now();
      await expect(pool.query('SELECT pg_sleep(3)')).rejects.toThrow(/Query read timeout/);
      expect(Date.now() - started).toBeLessThan(2_000);
      const next = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      expect(next).not.toBe(pid);
      // In a transaction too: no ROLLBACK queued behind the stuck query, the connection is dropped.
      const inTx = Date.now();
      await expect(inTransaction(pool, (c) => c.query('SELECT pg_sleep(3)'))).rejects.toThrow(/Query read timeout/);
      expect(Date.now() - inTx).toBeLessThan(2_000);
      expect((await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid).not.toBe(next);
    } finally {
      await pool.end();
    }
  });

  it('are applied by `rolecall db migrate`, which says what it did without the password', async () => {
    const url = new URL(await db.freshSchema());
    url.password = 'hunter2-secret';
    const env = parseEnv({ ROLECALL_DB: url.toString() });
    const first = memoryIo();
    expect(await dbCli(['migrate'], first.io, { env })).toBe(0);
    expect(first.stdout()).toContain(`applied ${pgMigrations.map((m) => `v${m.version}`).join(', ')}; schema v${LATEST}`);
    const second = memoryIo();
    expect(await dbCli(['migrate'], second.io, { env })).toBe(0);
    expect(second.stdout()).toContain(`already up to date; schema v${LATEST}`);
    expect(first.stdout() + second.stdout()).not.toContain('hunter2-secret');
    const usage = memoryIo();
    expect(await dbCli(['migrtae'], usage.io, { env })).toBe(2);
    expect(usage.stderr()).toMatch(/Usage: rolecall db migrate/);
  });
});

describe('ROLECALL_DB', () => {
  it('selects Postgres for postgres:// and postgresql:// URLs, SQLite for a path', async () => {
    const url = await db.freshSchema();
    for (const setting of [url, url.replace(/^postgres:/, 'postgresql:')]) {
      const store = await openStore(parseEnv({ ROLECALL_DB: setting }));
      expect(store).toBeInstanceOf(PgStore);
      expect((await store.health()).detail).toMatch(new RegExp(`^postgres schema v${LATEST}`));
      await store.close();
    }
  });

  it('rejects a malformed URL as a configuration error that names ROLECALL_DB and never prints the password', () => {
    for (const bad of [
      'postgres://user:s3cr3t-pw@',
      'postgres://user:s3cr3t-pw@host:notaport/db',
      'postgresql://user:s3cr3t-pw@db.internal:5432',
      'postgres://user:s3cr3t%zz@db:5432/x',
    ]) {
      let error: unknown;
      try {
        parseEnv({ ROLECALL_DB: bad });
      } catch (err) {
        error = err;
      }
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/ROLECALL_DB: /);
      expect((error as ConfigError).message).not.toContain('s3cr3t');
    }
  });
});

describe('Postgres availability', () => {
  let blackhole: Server;
  let port: number;
  beforeAll(async () => {
    // Accepts TCP and says nothing: a server that is "down" in the slowest way.
    blackhole = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    port = (blackhole.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blackhole.close(() => resolve())));

  it('retries a database that is down at start with backoff, then fails with a clear message and no password', async () => {
    const retries: number[] = [];
    const started = Date.now();
    const failure = await PgStore.open({
      url: `postgres://rolecall:pa55word-x@127.0.0.1:${port}/rolecall`,
      startupTimeoutMs: 1_500,
      connectionTimeoutMs: 300,
      onRetry: (r) => retries.push(r.delayMs),
    }).catch((err: Error) => err);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^ROLECALL_DB: cannot reach the Postgres server at postgres:\/\/127\.0\.0\.1:\d+\/rolecall after \d+ attempt/);
    expect((failure as Error).message).not.toContain('pa55word');
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries[1]).toBeGreaterThan(retries[0]!);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names only host, port and database when the URL carries credentials in its query string', async () => {
    const url = `postgresql://u@127.0.0.1:${port}/rolecall?password=qp-pass-qzq&sslpassword=ssl-pass-qzq&sslcert=%2Fsecret%2Fcert-qzq.pem&application_name=app-qzq`;
    const failure = await PgStore.open({ url, startupTimeoutMs: 600, connectionTimeoutMs: 200 }).catch((err: Error) => err);
    expect((failure as Error).message).toMatch(/^ROLECALL_DB: cannot reach the Postgres server at postgres:\/\/127\.0\.0\.1:\d+\/rolecall after/);
    expect((failure as Error).message).not.toMatch(/qzq|u@|password|ssl/);
  });

  it('redacts every credential-bearing part of a URL, printing host, port and database only', () => {
    const secret = 'S3CRET';
    for (const [url, shown] of [
      [`postgres://user:${secret}@db.internal:6432/app?password=${secret}`, 'postgres://db.internal:6432/app'],
      [`postgresql://user@db.internal/app?sslkey=/k/${secret}.key&sslpassword=${secret}&sslcert=/c/${secret}`, 'postgres://db.internal:5432/app'],
      [`postgres://${secret}@[::1]:5433/my%20db?options=-c%20x%3D${secret}`, 'postgres://[::1]:5433/my db'],
    ] as const) {
      expect(redactUrl(url)).toBe(shown);
    }
    expect(redactUrl(`not a url ${secret}`)).not.toContain(secret);
    expect(scrubUrlValues(`ENOENT: open '/k/${secret}.key'`, `postgres://h/d?sslkey=/k/${secret}.key`)).toBe("ENOENT: open '***'");
  });

  it('recovers on its own after the server cuts its connections (a restart or failover)', async () => {
    const url = await db.freshSchema();
    const store = await PgStore.open({ url, startupTimeoutMs: 5_000, max: 2, applicationName: 'rolecall-cut-test' });
    try {
      expect((await store.health()).ok).toBe(true);
      // The server kills every connection of this store, as a restart or failover would.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rolecall-cut-test'");
      await admin.end();
      // The next queries get fresh connections: the store works again without a restart.
      let healthy = false;
      for (let i = 0; i < 20 && !healthy; i++) healthy = (await store.health()).ok;
      expect(healthy).toBe(true);
      expect(await store.events.firstSeen('slack', 'after-cut')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('reports unhealthy (never throws) while the server cannot be reached', async () => {
    const store = new PgStore(createPool({ url: `postgres://postgres@127.0.0.1:${port}/x`, connectionTimeoutMs: 300 }));
    try {
      expect(await store.health()).toMatchObject({ ok: false, detail: expect.stringMatching(/^postgres unreachable/) });
    } finally {
      await store.close();
    }
  });
});

describe('Postgres leases', () => {
  it('one process holds a lease at a time; another gets it once released or closed, and other schemas are apart', async () => {
    const url = await db.freshSchema();
    const [a, b] = [await PgStore.open({ url, max: 2 }), await PgStore.open({ url, max: 2 })];
    const elsewhere = await PgStore.open({ url: await db.freshSchema(), max: 1 });
    try {
      const first = await a.acquireLease('discord-gateway');
      expect(first).toBeDefined();
      expect(await b.acquireLease('discord-gateway')).toBeUndefined();
      expect(await a.acquireLease('discord-gateway')).toBeUndefined();
      // Another name, or another schema's replicas, are not held by it.
      expect(await b.acquireLease('something-else')).toBeDefined();
      expect(await elsewhere.acquireLease('discord-gateway')).toBeDefined();
      await first!.release();
      const second = await b.acquireLease('discord-gateway');
      expect(second).toBeDefined();
      // Closing the store releases what it holds (and close does not wait on the held connection).
      await b.close();
      expect(await a.acquireLease('discord-gateway')).toBeDefined();
    } finally {
      await Promise.all([a.close(), b.close(), elsewhere.close()]);
    }
  });
});
