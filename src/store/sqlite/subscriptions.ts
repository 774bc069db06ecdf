import type { ChannelKey, NewSubscription, Subscription, SubscriptionQuery, SubscriptionStore } from '../spotlight-store.js';
import { type SubscriptionRow, toSubscription } from '../rows.js';
import type { SqliteDb } from './open.js';

export class SqliteSubscriptions implements SubscriptionStore {
  private readonly byChannel;
  private readonly byIdStmt;
  private readonly insert;
  private readonly update;
  private readonly removeStmt;
  private readonly pauseStmt;
  private readonly resumeStmt;
  private readonly rearmStmt;
  private readonly pausedCount;

  constructor(private readonly db: SqliteDb) {
    this.byChannel = db.prepare<[string, string, string], SubscriptionRow>(
      'SELECT * FROM spotlight_subscriptions WHERE platform = ? AND workspace_id = ? AND channel_id = ?',
    );
    this.byIdStmt = db.prepare<[number], SubscriptionRow>('SELECT * FROM spotlight_subscriptions WHERE id = ? AND removed_at IS NULL');
    this.insert = db.prepare(
      `INSERT INTO spotlight_subscriptions
         (platform, workspace_id, channel_id, day_of_week, local_time, timezone, filter_layer, filter_difficulty,
          created_by, created_at, rotation_seed, open_thread)
       VALUES (@platform, @workspaceId, @channelId, @dayOfWeek, @localTime, @timezone, @layer, @difficulty,
          @createdBy, @at, @rotationSeed, coalesce(@thread, 0))`,
    );
    // Coming back from removal resets status and creator; the rotation (seed, cycle) is kept.
    this.update = db.prepare(
      `UPDATE spotlight_subscriptions SET
         day_of_week = @dayOfWeek, local_time = @localTime, timezone = @timezone,
         filter_layer = @layer, filter_difficulty = @difficulty, open_thread = coalesce(@thread, open_thread),
         status = CASE WHEN removed_at IS NULL THEN status ELSE 'active' END,
         paused_reason = CASE WHEN removed_at IS NULL THEN paused_reason END,
         paused_at = CASE WHEN removed_at IS NULL THEN paused_at END,
         created_by = CASE WHEN removed_at IS NULL THEN created_by ELSE @createdBy END,
         created_at = CASE WHEN removed_at IS NULL THEN created_at ELSE @at END,
         removed_at = NULL
       WHERE id = @id`,
    );
    this.removeStmt = db.prepare('UPDATE spotlight_subscriptions SET removed_at = ? WHERE id = ? AND removed_at IS NULL');
    this.pauseStmt = db.prepare(
      `UPDATE spotlight_subscriptions SET status = 'paused', paused_reason = ?, paused_at = ?
        WHERE id = ? AND status = 'active' AND removed_at IS NULL`,
    );
    this.resumeStmt = db.prepare(
      `UPDATE spotlight_subscriptions SET status = 'active', paused_reason = NULL, paused_at = NULL
        WHERE id = ? AND status = 'paused' AND removed_at IS NULL`,
    );
    this.rearmStmt = db.prepare(`UPDATE spotlight_claims SET retry_allowed = 1 WHERE subscription_id = ? AND week_key = ? AND state = 'failed'`);
    this.pausedCount = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM spotlight_subscriptions WHERE status = 'paused' AND removed_at IS NULL`);
  }

  async upsert(sub: NewSubscription, at: Date): Promise<{ subscription: Subscription; created: boolean }> {
    const params = {
      ...sub,
      layer: sub.filter.layer ?? null,
      difficulty: sub.filter.difficulty ?? null,
      thread: sub.thread === undefined ? null : Number(sub.thread),
      at: at.toISOString(),
    };
    const run = this.db.transaction(() => {
      const existing = this.byChannel.get(sub.platform, sub.workspaceId, sub.channelId);
      if (!existing) {
        const id = Number(this.insert.run(params).lastInsertRowid);
        return { id, created: true };
      }
      this.update.run({ ...params, id: existing.id });
      return { id: existing.id, created: existing.removed_at !== null };
    });
    // IMMEDIATE: take the write lock before reading, so two subscribers cannot both insert.
    const { id, created } = run.immediate();
    return { subscription: toSubscription(this.byIdStmt.get(id)!), created };
  }

  async get(channel: ChannelKey): Promise<Subscription | undefined> {
    const row = this.byChannel.get(channel.platform, channel.workspaceId, channel.channelId);
    return row && row.removed_at === null ? toSubscription(row) : undefined;
  }

  async byId(id: number): Promise<Subscription | undefined> {
    const row = this.byIdStmt.get(id);
    return row ? toSubscription(row) : undefined;
  }

  async list(query: SubscriptionQuery = {}): Promise<Subscription[]> {
    const where = ['removed_at IS NULL'];
    const params: string[] = [];
    const add = (clause: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params.push(value);
    };
    add('platform = ?', query.platform);
    add('workspace_id = ?', query.workspaceId);
    add('status = ?', query.status);
    const sql = `SELECT * FROM spotlight_subscriptions WHERE ${where.join(' AND ')} ORDER BY id`;
    return this.db
      .prepare<string[], SubscriptionRow>(sql)
      .all(...params)
      .map(toSubscription);
  }

  async remove(id: number, at: Date): Promise<boolean> {
    return this.removeStmt.run(at.toISOString(), id).changes === 1;
  }

  async pause(id: number, reason: string, at: Date): Promise<boolean> {
    return this.pauseStmt.run(reason, at.toISOString(), id).changes === 1;
  }

  async resume(id: number, rearmWeek?: string): Promise<boolean> {
    const run = this.db.transaction(() => {
      const resumed = this.resumeStmt.run(id).changes === 1;
      if (resumed && rearmWeek) this.rearmStmt.run(id, rearmWeek);
      return resumed;
    });
    return run.immediate();
  }

  async countPaused(): Promise<number> {
    return this.pausedCount.get()!.n;
  }
}
