import type pg from 'pg';
import type { ChannelKey, NewSubscription, Subscription, SubscriptionQuery, SubscriptionStore } from '../spotlight-store.js';
import { inTransaction } from './transaction.js';
import { type SubscriptionRow, toSubscription } from '../rows.js';

/** Subscriptions in Postgres: the same rules as SqliteSubscriptions, statement for statement. */
export class PgSubscriptions implements SubscriptionStore {
  constructor(private readonly pool: pg.Pool) {}

  async upsert(sub: NewSubscription, at: Date): Promise<{ subscription: Subscription; created: boolean }> {
    const settings = [sub.dayOfWeek, sub.localTime, sub.timezone, sub.filter.layer ?? null, sub.filter.difficulty ?? null];
    return inTransaction(this.pool, async (client) => {
      const inserted = await client.query<SubscriptionRow>(
        `INSERT INTO spotlight_subscriptions
           (platform, workspace_id, channel_id, day_of_week, local_time, timezone, filter_layer, filter_difficulty,
            created_by, created_at, rotation_seed, open_thread)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12::boolean, false))
         ON CONFLICT (platform, workspace_id, channel_id) DO NOTHING RETURNING *`,
        [sub.platform, sub.workspaceId, sub.channelId, ...settings, sub.createdBy, at, sub.rotationSeed, sub.thread ?? null],
      );
      if (inserted.rows[0]) return { subscription: toSubscription(inserted.rows[0]), created: true };
      // The row exists: lock it, so a concurrent remove or subscribe waits for this one.
      const existing = await client.query<SubscriptionRow>(
        'SELECT * FROM spotlight_subscriptions WHERE platform = $1 AND workspace_id = $2 AND channel_id = $3 FOR UPDATE',
        [sub.platform, sub.workspaceId, sub.channelId],
      );
      const row = existing.rows[0]!;
      // Coming back from removal resets status and creator; the rotation (seed, cycle) is kept.
      const updated = await client.query<SubscriptionRow>(
        `UPDATE spotlight_subscriptions SET
           day_of_week = $2, local_time = $3, timezone = $4, filter_layer = $5, filter_difficulty = $6,
           open_thread = coalesce($9::boolean, open_thread),
           status = CASE WHEN removed_at IS NULL THEN status ELSE 'active' END,
           paused_reason = CASE WHEN removed_at IS NULL THEN paused_reason END,
           paused_at = CASE WHEN removed_at IS NULL THEN paused_at END,
           created_by = CASE WHEN removed_at IS NULL THEN created_by ELSE $7 END,
           created_at = CASE WHEN removed_at IS NULL THEN created_at ELSE $8 END,
           removed_at = NULL
         WHERE id = $1 RETURNING *`,
        [row.id, ...settings, sub.createdBy, at, sub.thread ?? null],
      );
      return { subscription: toSubscription(updated.rows[0]!), created: row.removed_at !== null };
    });
  }

  async get(channel: ChannelKey): Promise<Subscription | undefined> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM spotlight_subscriptions WHERE platform = $1 AND workspace_id = $2 AND channel_id = $3 AND removed_at IS NULL',
      [channel.platform, channel.workspaceId, channel.channelId],
    );
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async byId(id: number): Promise<Subscription | undefined> {
    const { rows } = await this.pool.query<SubscriptionRow>('SELECT * FROM spotlight_subscriptions WHERE id = $1 AND removed_at IS NULL', [id]);
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async list(query: SubscriptionQuery = {}): Promise<Subscription[]> {
    const where = ['removed_at IS NULL'];
    const params: string[] = [];
    const add = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    };
    add('platform', query.platform);
    add('workspace_id', query.workspaceId);
    add('status', query.status);
    const { rows } = await this.pool.query<SubscriptionRow>(`SELECT * FROM spotlight_subscriptions WHERE ${where.join(' AND ')} ORDER BY id`, params);
    return rows.map(toSubscription);
  }

  async remove(id: number, at: Date): Promise<boolean> {
    const r = await this.pool.query('UPDATE spotlight_subscriptions SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL', [id, at]);
    return r.rowCount === 1;
  }

  async pause(id: number, reason: string, at: Date): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE spotlight_subscriptions SET status = 'paused', paused_reason = $2, paused_at = $3
        WHERE id = $1 AND status = 'active' AND removed_at IS NULL`,
      [id, reason, at],
    );
    return r.rowCount === 1;
  }

  async resume(id: number, rearmWeek?: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const r = await client.query(
        `UPDATE spotlight_subscriptions SET status = 'active', paused_reason = NULL, paused_at = NULL
          WHERE id = $1 AND status = 'paused' AND removed_at IS NULL`,
        [id],
      );
      const resumed = r.rowCount === 1;
      if (resumed && rearmWeek) {
        await client.query(`UPDATE spotlight_claims SET retry_allowed = true WHERE subscription_id = $1 AND week_key = $2 AND state = 'failed'`, [
          id,
          rearmWeek,
        ]);
      }
      return resumed;
    });
  }

  async countPaused(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM spotlight_subscriptions WHERE status = 'paused' AND removed_at IS NULL`,
    );
    return rows[0]!.n;
  }
}
