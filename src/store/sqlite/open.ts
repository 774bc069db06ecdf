import { Database } from './driver.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations.js';
import { BUSY_WAIT_MS } from './busy.js';

export type SqliteDb = Database;

/**
 * Opens (creating if needed) the database file in WAL mode and applies pending migrations.
 * Start-up may wait up to 5 s for another process's lock (nothing is served yet); after that
 * SQLite waits only BUSY_WAIT_MS and the store retries asynchronously (see busy.ts), so a
 * locked database never freezes the event loop.
 */
export function openDatabase(path: string, migrations: Migration[] = allMigrations): SqliteDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db, migrations);
  db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
  return db;
}

export function migrate(db: SqliteDb, migrations: Migration[]): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
  const apply = db.transaction((m: Migration) => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= m.version) return;
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
  });
  for (const m of sorted) apply.immediate(m);
}

export function schemaVersion(db: SqliteDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}
