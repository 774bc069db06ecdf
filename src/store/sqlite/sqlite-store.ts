import type { PlatformName } from '../../platforms/names.js';
import { eraseUser, eraseWorkspace } from '../erase.js';
import { stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../../config/env.js';
import type {
  ConversationStore,
  EventLog,
  Erasure,
  ProfileKey,
  Lease,
  ProfileStore,
  SettingsStore,
  SlackInstallationStore,
  SpotlightStore,
  Store,
  StoreHealth,
  ThreadComparison,
  ThreadKey,
  ThreadStore,
} from '../store.js';
import { SqliteProfiles } from './profiles.js';
import { SqliteSettings } from './settings.js';
import { isStorageFailure, retryWhileBusy, withBusyRetry } from './busy.js';
import { openDatabase, schemaVersion, type SqliteDb } from './open.js';
import { SqliteClaims } from './claims.js';
import { SqliteConversations } from './conversations.js';
import { SqliteSlackInstallations } from './installations.js';
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

/** A failed write keeps health failing this long, even if the small probe write succeeds meanwhile. */
export const WRITE_FAILURE_MEMORY_MS = 60_000;

/** The file the store was opened on, to notice it being deleted or replaced under us. */
interface FileIdentity {
  path: string;
  dev: number;
  ino: number;
}

/**
 * The database file was deleted, moved or replaced while open. SQLite would go on writing to
 * the unlinked inode and every write would be lost at the next restart, so calls fail instead.
 */
export class DatabaseFileGoneError extends Error {
  readonly code = 'ROLECALL_DB_GONE';
  constructor(detail: string) {
    super(`${detail}; restart RoleCall or restore the file (nothing is written meanwhile)`);
    this.name = 'DatabaseFileGoneError';
  }
}

/** Why the file at the path is no longer the one opened, or undefined while it still is. */
function fileProblem(file: FileIdentity, now: { dev: number; ino: number } | undefined): string | undefined {
  if (!now) return `the database file ${file.path} (ROLECALL_DB) is gone: deleted or moved`;
  if (now.ino !== file.ino || now.dev !== file.dev) return `the database file ${file.path} (ROLECALL_DB) was replaced`;
  return undefined;
}

export class SqliteStore implements Store {
  readonly threads: ThreadStore;
  readonly events: EventLog;
  readonly spotlight: SpotlightStore;
  readonly slackInstallations: SlackInstallationStore;
  readonly conversations: ConversationStore;
  readonly profiles: ProfileStore;
  readonly settings: SettingsStore;
  private closed = false;
  private lastStorageFailure: { at: number; message: string } | undefined;
  private readonly probe;

  constructor(
    readonly db: SqliteDb,
    private readonly file?: FileIdentity,
  ) {
    // Every store call retries while another connection holds the lock; storage failures are remembered for health.
    const note = (err?: unknown) => {
      if (err !== undefined && isStorageFailure(err)) this.lastStorageFailure = { at: Date.now(), message: (err as Error).message };
    };
    // Before every call, a stat of the path (a few µs): a write after the file was deleted fails
    // at once rather than landing in the unlinked inode. Reads fail too: they would serve a
    // database that no longer exists for anyone else.
    const check = () => this.assertFile();
    const wrap = <T extends object>(target: T) => withBusyRetry(target, note, undefined, check);
    this.threads = wrap(new SqliteThreads(db));
    this.events = wrap(new SqliteEvents(db));
    this.spotlight = { subscriptions: wrap(new SqliteSubscriptions(db)), claims: wrap(new SqliteClaims(db)) };
    this.slackInstallations = wrap(new SqliteSlackInstallations(db));
    this.conversations = wrap(new SqliteConversations(db));
    this.profiles = wrap(new SqliteProfiles(db));
    this.settings = wrap(new SqliteSettings(db));
    // The write probe for health: one row in the event log, rewritten each time.
    this.probe = db.prepare(
      `INSERT INTO processed_events (platform, event_id, seen_at) VALUES ('rolecall', 'health-probe', ?)
       ON CONFLICT (platform, event_id) DO UPDATE SET seen_at = excluded.seen_at`,
    );
  }

  /** Opens ROLECALL_DB; a failure names the variable and the path, like any configuration error. */
  static open(path: string): SqliteStore {
    try {
      const db = openDatabase(path);
      if (path === ':memory:') return new SqliteStore(db);
      const { dev, ino } = statSync(path);
      return new SqliteStore(db, { path, dev, ino });
    } catch (err) {
      const reason = (err as { code?: string }).code ? `${(err as Error).message} (${(err as { code: string }).code})` : (err as Error).message;
      throw new ConfigError([`ROLECALL_DB: cannot open the database at ${resolve(path)}: ${reason}`]);
    }
  }

  /**
   * A real write, retried while busy (never blocking the event loop for long): it fails when the
   * disk is full or the file read-only, and the file must still be the one opened (SQLite keeps
   * writing to a deleted file, losing everything). Slow when the database is locked, so callers
   * run it in the background and serve its last result (see service/health-monitor.ts).
   */
  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, detail: 'closed' };
    try {
      if (this.file) {
        const problem = fileProblem(this.file, await stat(this.file.path).catch(() => undefined));
        if (problem) return { ok: false, detail: `${problem}; restart RoleCall or restore the file` };
      }
      await retryWhileBusy(async () => this.probe.run(new Date().toISOString()));
    } catch (err) {
      return { ok: false, detail: `write failed: ${(err as Error).message}` };
    }
    const failure = this.lastStorageFailure;
    if (failure && Date.now() - failure.at < WRITE_FAILURE_MEMORY_MS) {
      return { ok: false, detail: `a write failed ${Math.round((Date.now() - failure.at) / 1000)} s ago: ${failure.message}` };
    }
    return { ok: true, detail: `sqlite schema v${schemaVersion(this.db)}` };
  }

  /** Throws DatabaseFileGoneError when the file at the path is no longer the one opened. */
  private assertFile(): void {
    if (!this.file) return;
    const problem = fileProblem(this.file, statSync(this.file.path, { throwIfNoEntry: false }));
    if (problem) throw new DatabaseFileGoneError(problem);
  }

  eraseUser(key: ProfileKey): Promise<Erasure> {
    return eraseUser(this, key);
  }

  eraseWorkspace(platform: PlatformName, workspaceId: string): Promise<void> {
    return eraseWorkspace(this, platform, workspaceId);
  }

  async acquireLease(_name: string): Promise<Lease> {
    return { release: async () => undefined };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
