import type { EventLog, SpotlightStore, Store, StoreHealth, ThreadComparison, ThreadKey, ThreadStore } from '../store.js';
import { openDatabase, schemaVersion, type SqliteDb } from './open.js';
import { SqliteClaims } from './claims.js';
import { SqliteSubscriptions } from './subscriptions.js';

class SqliteThreads implements ThreadStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(db: SqliteDb) {
    this.select = db.prepare<[string, string, string, string], { roles_json: string; market: string; updated_at: string }>(
      `SELECT roles_json, market, updated_at FROM thread_comparisons
        WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND thread_ts = ?`,
    );
    this.upsert = db.prepare(
      `INSERT INTO thread_comparisons (platform, workspace_id, channel_id, thread_ts, roles_json, market, updated_at)
       VALUES (@platform, @workspaceId, @channelId, @threadTs, @roles, @market, @updatedAt)
       ON CONFLICT (platform, workspace_id, channel_id, thread_ts)
       DO UPDATE SET roles_json = excluded.roles_json, market = excluded.market, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare('DELETE FROM thread_comparisons WHERE updated_at < ?');
  }

  async get(key: ThreadKey): Promise<ThreadComparison | undefined> {
    const row = this.select.get(key.platform, key.workspaceId, key.channelId, key.threadTs);
    if (!row) return undefined;
    return {
      roles: JSON.parse(row.roles_json) as string[],
      market: row.market as ThreadComparison['market'],
      updatedAt: new Date(row.updated_at),
    };
  }

  async put(key: ThreadKey, value: Omit<ThreadComparison, 'updatedAt'>): Promise<void> {
    this.upsert.run({ ...key, roles: JSON.stringify(value.roles), market: value.market, updatedAt: new Date().toISOString() });
  }

  async prune(olderThan: Date): Promise<number> {
    return this.remove.run(olderThan.toISOString()).changes;
  }
}

class SqliteEvents implements EventLog {
  private readonly insert;
  private readonly remove;

  constructor(db: SqliteDb) {
    this.insert = db.prepare('INSERT OR IGNORE INTO processed_events (platform, event_id, seen_at) VALUES (?, ?, ?)');
    this.remove = db.prepare('DELETE FROM processed_events WHERE seen_at < ?');
  }

  async firstSeen(platform: string, eventId: string): Promise<boolean> {
    // The primary key makes this atomic across processes: only one insert wins.
    return this.insert.run(platform, eventId, new Date().toISOString()).changes === 1;
  }

  async prune(olderThan: Date): Promise<number> {
    return this.remove.run(olderThan.toISOString()).changes;
  }
}

export class SqliteStore implements Store {
  readonly threads: ThreadStore;
  readonly events: EventLog;
  readonly spotlight: SpotlightStore;
  private closed = false;

  constructor(readonly db: SqliteDb) {
    this.threads = new SqliteThreads(db);
    this.events = new SqliteEvents(db);
    this.spotlight = { subscriptions: new SqliteSubscriptions(db), claims: new SqliteClaims(db) };
  }

  static open(path: string): SqliteStore {
    return new SqliteStore(openDatabase(path));
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, detail: 'closed' };
    try {
      this.db.prepare('SELECT 1').get();
      return { ok: true, detail: `sqlite schema v${schemaVersion(this.db)}` };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
