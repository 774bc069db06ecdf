import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Database } from '../../src/store/sqlite/driver.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

/** One store under test, with the few things a test needs beyond the Store interface. */
export interface OpenedStore {
  store: Store;
  /** A second, independent connection to the same database (another process, in effect). */
  reopen(): Promise<Store>;
  /** Deletes the subscription's row behind the store's back (to check the foreign key). */
  deleteSubscriptionRow(id: number): Promise<void>;
  cleanup(): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  open(): Promise<OpenedStore>;
  /** Drops what the kind set up for the file (the Postgres test database). */
  teardown(): Promise<void>;
}

function sqliteKind(): StoreKind {
  return {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'rolecall-store-'));
      const path = join(dir, 'rolecall.db');
      const opened: SqliteStore[] = [SqliteStore.open(path)];
      return {
        store: opened[0]!,
        async reopen() {
          const s = SqliteStore.open(path);
          opened.push(s);
          return s;
        },
        async deleteSubscriptionRow(id) {
          const raw = new Database(path);
          raw.pragma('foreign_keys = ON');
          raw.prepare('DELETE FROM spotlight_subscriptions WHERE id = ?').run(id);
          raw.close();
        },
        async cleanup() {
          for (const s of opened) await s.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    async teardown() {},
  };
}

/** One database per test file (random name), one fresh schema per opened store. */
function postgresKind(): StoreKind {
  let db: Promise<TestDatabase> | undefined;
  return {
    name: 'postgres',
    async open() {
      db ??= createTestDatabase();
      const url = await (await db).freshSchema();
      const opened: PgStore[] = [await PgStore.open({ url, startupTimeoutMs: 5_000, max: 4 })];
      return {
        store: opened[0]!,
        async reopen() {
          const s = await PgStore.open({ url, startupTimeoutMs: 5_000, max: 4 });
          opened.push(s);
          return s;
        },
        async deleteSubscriptionRow(id) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query('DELETE FROM spotlight_subscriptions WHERE id = $1', [id]);
          await client.end();
        },
        async cleanup() {
          for (const s of opened) await s.close();
        },
      };
    },
    async teardown() {
      if (db) await (await db).drop();
    },
  };
}

/** Both stores: every behaviour test runs against each. */
export function storeKinds(): StoreKind[] {
  return [sqliteKind(), postgresKind()];
}
