import { Database } from './driver.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations.js';

export type SqliteDb = Database;

/**
 * Opens (creating if needed) the database file in WAL mode and applies pending migrations.
 * `busy_timeout` lets two processes share the file: a writer waits instead of failing.
 */
export function openDatabase(path: string, migrations: Migration[] = allMigrations): SqliteDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db, migrations);
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
