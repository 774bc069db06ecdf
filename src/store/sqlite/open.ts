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
  db.transaction(() => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    if (exists) return;
    // A database from before the table recorded only its highest version, every one below it applied in order.
    const current = db.pragma('user_version', { simple: true }) as number;
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of sorted.filter((m) => m.version <= current)) record.run(m.version, m.name, new Date().toISOString());
  }).immediate();
  const apply = db.transaction((m: Migration) => {
    if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version) !== undefined) return;
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    const current = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${Math.max(current, m.version)}`);
  });
  for (const m of sorted) apply.immediate(m);
}

export function schemaVersion(db: SqliteDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}
