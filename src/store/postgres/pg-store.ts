import type { PlatformName } from '../../platforms/names.js';
import type pg from 'pg';
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
import { eraseUser, eraseWorkspace } from '../erase.js';
import { PgProfiles } from './profiles.js';
import { PgSettings } from './settings.js';
import { PgClaims } from './claims.js';
import { PgConversations } from './conversations.js';
import { PgSlackInstallations } from './installations.js';
import { migratePostgres, pgSchemaVersion } from './migrations.js';
import { createPool, waitForDatabase, type PgPoolOptions } from './pool.js';
import { PgSubscriptions } from './subscriptions.js';

class PgThreads implements ThreadStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(key: ThreadKey): Promise<ThreadComparison | undefined> {
    const { rows } = await this.pool.query<{ roles: string[]; market: ThreadComparison['market']; updated_at: Date }>(
      `SELECT roles, market, updated_at FROM thread_comparisons
        WHERE platform = $1 AND workspace_id = $2 AND channel_id = $3 AND thread_ts = $4`,
      [key.platform, key.workspaceId, key.channelId, key.threadTs],
    );
    const row = rows[0];
    return row ? { roles: row.roles, market: row.market, updatedAt: row.updated_at } : undefined;
  }

  async put(key: ThreadKey, value: Omit<ThreadComparison, 'updatedAt'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO thread_comparisons (platform, workspace_id, channel_id, thread_ts, roles, market, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (platform, workspace_id, channel_id, thread_ts)
       DO UPDATE SET roles = excluded.roles, market = excluded.market, updated_at = excluded.updated_at`,
      [key.platform, key.workspaceId, key.channelId, key.threadTs, JSON.stringify(value.roles), value.market],
    );
  }

  async prune(olderThan: Date): Promise<number> {
    const r = await this.pool.query('DELETE FROM thread_comparisons WHERE updated_at < $1', [olderThan]);
    return r.rowCount ?? 0;
  }
}

class PgEvents implements EventLog {
  constructor(private readonly pool: pg.Pool) {}

  async firstSeen(platform: string, eventId: string): Promise<boolean> {
    // The primary key makes this atomic across replicas: only one insert wins.
    const r = await this.pool.query('INSERT INTO processed_events (platform, event_id, seen_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING', [
      platform,
      eventId,
    ]);
    return r.rowCount === 1;
  }

  async prune(olderThan: Date): Promise<number> {
    const r = await this.pool.query('DELETE FROM processed_events WHERE seen_at < $1', [olderThan]);
    return r.rowCount ?? 0;
  }
}

export interface OpenPgStoreOptions extends Omit<PgPoolOptions, 'onIdleError'> {
  /** How long to retry a server that is down at start before giving up. */
  startupTimeoutMs?: number;
  /** Apply pending migrations (the default); `false` for a process that must not change the schema. */
  migrate?: boolean;
  onRetry?: (info: { attempt: number; delayMs: number; error: string }) => void;
  onIdleError?: (err: Error) => void;
}

/**
 * The Store on Postgres, for several replicas sharing one database. node-postgres' pool
 * reconnects by itself: a query after the server came back gets a fresh connection, so losing
 * the database fails the calls made meanwhile (health turns false) and nothing more.
 */
export class PgStore implements Store {
  readonly threads: ThreadStore;
  readonly events: EventLog;
  readonly spotlight: SpotlightStore;
  readonly slackInstallations: SlackInstallationStore;
  readonly conversations: ConversationStore;
  readonly profiles: ProfileStore;
  readonly settings: SettingsStore;
  private closed = false;
  private readonly leases = new Set<Lease>();

  constructor(readonly pool: pg.Pool) {
    this.threads = new PgThreads(pool);
    this.events = new PgEvents(pool);
    this.spotlight = { subscriptions: new PgSubscriptions(pool), claims: new PgClaims(pool) };
    this.slackInstallations = new PgSlackInstallations(pool);
    this.conversations = new PgConversations(pool);
    this.profiles = new PgProfiles(pool);
    this.settings = new PgSettings(pool);
  }

  /** Connects (retrying while the server is down), migrates under an advisory lock, and returns the store. */
  static async open(opts: OpenPgStoreOptions): Promise<PgStore> {
    const pool = createPool(opts);
    try {
      await waitForDatabase(pool, opts.url, opts.startupTimeoutMs ?? 30_000, opts.onRetry);
      if (opts.migrate !== false) await migratePostgres(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return new PgStore(pool);
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, detail: 'closed' };
    try {
      const version = await pgSchemaVersion(this.pool);
      return { ok: true, detail: `postgres schema v${version}, ${this.pool.totalCount} connection(s), ${this.pool.waitingCount} waiting` };
    } catch (err) {
      return { ok: false, detail: `postgres unreachable: ${(err as Error).message}` };
    }
  }

  eraseUser(key: ProfileKey): Promise<Erasure> {
    return eraseUser(this, key);
  }

  eraseWorkspace(platform: PlatformName, workspaceId: string): Promise<void> {
    return eraseWorkspace(this, platform, workspaceId);
  }

  async acquireLease(name: string): Promise<Lease | undefined> {
    const client = await this.pool.connect();
    const key = `rolecall:${name}`;
    try {
      const { rows } = await client.query<{ held: boolean }>("SELECT pg_try_advisory_lock(hashtext(current_schema() || ':' || $1)) AS held", [key]);
      if (!rows[0]?.held) {
        client.release();
        return undefined;
      }
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    // Per schema, like the data. The lock lives with this session: the connection stays out of the pool until release.
    let released = false;
    const lease: Lease = {
      release: async () => {
        if (released) return;
        released = true;
        this.leases.delete(lease);
        await client.query("SELECT pg_advisory_unlock(hashtext(current_schema() || ':' || $1))", [key]).catch(() => undefined);
        client.release();
      },
    };
    this.leases.add(lease);
    return lease;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // pool.end() waits for every checked-out connection, a lease's included.
    await Promise.all([...this.leases].map((l) => l.release()));
    await this.pool.end();
  }
}
