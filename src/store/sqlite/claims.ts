import type { RoleId } from '../../core/schema/common.js';
import type { AcquireResult, Claim, ClaimRequest, ClaimStore, FailureKind, RotationState, SentMark } from '../spotlight-store.js';
import { type ClaimRow, toClaim } from '../rows.js';
import type { SqliteDb } from './open.js';

/**
 * Claims, one per subscription and week. Every state change is a single conditional UPDATE
 * (or INSERT … ON CONFLICT DO NOTHING) whose `changes` says whether this caller won, so two
 * processes sharing the file can never both own a claim; busy_timeout queues the writers.
 */
export class SqliteClaims implements ClaimStore {
  private readonly insert;
  private readonly select;
  private readonly selectById;
  private readonly rearmed;
  private readonly rearmStmt;
  private readonly bumpCycle;
  private readonly sent;
  private readonly failed;
  private readonly leaseStmt;
  private readonly staleStmt;
  private readonly inFlightStmt;
  private readonly takeOverStmt;
  private readonly abandonStmt;
  private readonly subRotation;
  private readonly seenStmt;
  private readonly lastStmt;
  private readonly historyStmt;
  private readonly threadsDueStmt;
  private readonly takeThreadStmt;
  private readonly threadOpenedStmt;
  private readonly threadFailedStmt;

  constructor(private readonly db: SqliteDb) {
    this.insert = db.prepare(
      `INSERT INTO spotlight_claims (id, subscription_id, week_key, role_id, cycle, state, owner, claimed_at, lease_until)
       VALUES (@id, @subscriptionId, @weekKey, @roleId, @cycle, 'claimed', @owner, @at, @leaseUntil)
       ON CONFLICT (subscription_id, week_key) DO NOTHING`,
    );
    this.select = db.prepare<[number, string], ClaimRow>('SELECT * FROM spotlight_claims WHERE subscription_id = ? AND week_key = ?');
    this.selectById = db.prepare<[string], ClaimRow>('SELECT * FROM spotlight_claims WHERE id = ?');
    // A failed claim that `resume` re-armed is claimed again under its old id (the same nonce).
    this.rearmed = db.prepare(
      `UPDATE spotlight_claims SET state = 'claimed', owner = @owner, claimed_at = @at, lease_until = @leaseUntil,
         retry_allowed = 0, recoveries = 0, failure_kind = NULL, failure_reason = NULL, failed_at = NULL
       WHERE subscription_id = @subscriptionId AND week_key = @weekKey AND state = 'failed' AND retry_allowed = 1`,
    );
    this.rearmStmt = db.prepare(`UPDATE spotlight_claims SET retry_allowed = 1 WHERE subscription_id = ? AND week_key = ? AND state = 'failed'`);
    this.bumpCycle = db.prepare('UPDATE spotlight_subscriptions SET rotation_cycle = max(rotation_cycle, ?) WHERE id = ?');
    this.sent = db.prepare(
      `UPDATE spotlight_claims SET state = 'sent', sent_at = @at, message_id = @messageId, attempts = attempts + @attempts,
         failure_kind = NULL, failure_reason = NULL, failed_at = NULL,
         thread_state = CASE WHEN @threadLeaseUntil IS NULL THEN thread_state ELSE 'opening' END,
         thread_lease_until = coalesce(@threadLeaseUntil, thread_lease_until),
         thread_attempts = thread_attempts + (@threadLeaseUntil IS NOT NULL)
       WHERE id = @id AND state IN ('claimed', 'failed')`,
    );
    this.threadsDueStmt = db.prepare<[string], ClaimRow>(
      `SELECT * FROM spotlight_claims WHERE state = 'sent' AND thread_state = 'opening' AND thread_lease_until <= ? ORDER BY claimed_at`,
    );
    this.takeThreadStmt = db.prepare(
      `UPDATE spotlight_claims SET thread_lease_until = @leaseUntil, thread_attempts = thread_attempts + 1
       WHERE id = @id AND state = 'sent' AND thread_state = 'opening' AND thread_lease_until <= @now`,
    );
    this.threadOpenedStmt = db.prepare(
      `UPDATE spotlight_claims SET thread_state = 'opened', thread_id = ?, thread_failure = NULL WHERE id = ? AND thread_state = 'opening'`,
    );
    this.threadFailedStmt = db.prepare(
      `UPDATE spotlight_claims SET thread_state = CASE WHEN @final THEN 'failed' ELSE 'opening' END, thread_failure = @reason, thread_lease_until = @at
       WHERE id = @id AND thread_state = 'opening'`,
    );
    this.failed = db.prepare(
      `UPDATE spotlight_claims SET state = 'failed', failure_kind = ?, failure_reason = ?, attempts = attempts + ?, failed_at = ?
       WHERE id = ? AND owner = ? AND state = 'claimed'`,
    );
    this.leaseStmt = db.prepare(`UPDATE spotlight_claims SET lease_until = ? WHERE id = ? AND owner = ? AND state = 'claimed'`);
    this.staleStmt = db.prepare<[string], ClaimRow>(`SELECT * FROM spotlight_claims WHERE state = 'claimed' AND lease_until <= ? ORDER BY claimed_at`);
    this.inFlightStmt = db.prepare<[], ClaimRow>(`SELECT * FROM spotlight_claims WHERE state = 'claimed' ORDER BY claimed_at`);
    // Either the lease ended, or the caller proved this very owner dead (a NULL never matches).
    this.takeOverStmt = db.prepare(
      `UPDATE spotlight_claims SET owner = @owner, lease_until = @leaseUntil, recoveries = recoveries + 1
       WHERE id = @id AND state = 'claimed' AND (lease_until <= @at OR owner = @deadOwner) AND recoveries = 0`,
    );
    this.abandonStmt = db.prepare(
      `UPDATE spotlight_claims SET state = 'failed', failure_kind = 'abandoned', failure_reason = @reason, failed_at = @at
       WHERE id = @id AND state = 'claimed' AND (lease_until <= @at OR owner = @deadOwner)`,
    );
    this.subRotation = db.prepare<[number], { rotation_seed: number; rotation_cycle: number }>(
      'SELECT rotation_seed, rotation_cycle FROM spotlight_subscriptions WHERE id = ?',
    );
    this.seenStmt = db.prepare<[number, number], { role_id: string }>(
      `SELECT role_id FROM spotlight_claims WHERE subscription_id = ? AND cycle = ? AND state != 'failed' ORDER BY week_key`,
    );
    this.lastStmt = db.prepare<[number], { role_id: string }>(
      `SELECT role_id FROM spotlight_claims WHERE subscription_id = ? AND state != 'failed' ORDER BY week_key DESC LIMIT 1`,
    );
    this.historyStmt = db.prepare<[number, number], ClaimRow>(
      'SELECT * FROM spotlight_claims WHERE subscription_id = ? ORDER BY week_key DESC, claimed_at DESC LIMIT ?',
    );
  }

  async acquire(req: ClaimRequest): Promise<AcquireResult> {
    const params = { ...req, at: req.at.toISOString(), leaseUntil: req.leaseUntil.toISOString() };
    const run = this.db.transaction((): AcquireResult => {
      if (this.insert.run(params).changes === 1) {
        this.bumpCycle.run(req.cycle, req.subscriptionId);
        return { won: true, claim: toClaim(this.selectById.get(req.id)!) };
      }
      if (this.rearmed.run(params).changes === 1) {
        return { won: true, claim: toClaim(this.select.get(req.subscriptionId, req.weekKey)!) };
      }
      return { won: false, existing: toClaim(this.select.get(req.subscriptionId, req.weekKey)!) };
    });
    // IMMEDIATE: the write lock is taken before the insert, so the read-back sees what won.
    return run.immediate();
  }

  async get(subscriptionId: number, weekKey: string): Promise<Claim | undefined> {
    const row = this.select.get(subscriptionId, weekKey);
    return row ? toClaim(row) : undefined;
  }

  async rearm(subscriptionId: number, weekKey: string): Promise<boolean> {
    return this.rearmStmt.run(subscriptionId, weekKey).changes === 1;
  }

  async markSent(id: string, done: SentMark): Promise<boolean> {
    // Its own tiny autocommit statement: nothing else delays the mark once the platform accepted.
    const params = {
      id,
      at: done.at.toISOString(),
      messageId: done.messageId,
      attempts: done.attempts,
      threadLeaseUntil: done.threadLeaseUntil?.toISOString() ?? null,
    };
    return this.sent.run(params).changes === 1;
  }

  async threadsDue(now: Date): Promise<Claim[]> {
    return this.threadsDueStmt.all(now.toISOString()).map(toClaim);
  }

  async takeThread(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
    return this.takeThreadStmt.run({ id, now: now.toISOString(), leaseUntil: leaseUntil.toISOString() }).changes === 1;
  }

  async threadOpened(id: string, threadId: string): Promise<boolean> {
    return this.threadOpenedStmt.run(threadId, id).changes === 1;
  }

  async threadFailed(id: string, reason: string, at: Date, final: boolean): Promise<boolean> {
    return this.threadFailedStmt.run({ id, reason, at: at.toISOString(), final: final ? 1 : 0 }).changes === 1;
  }

  async markFailed(id: string, owner: string, f: { kind: FailureKind; reason: string; attempts: number; at: Date }): Promise<boolean> {
    return this.failed.run(f.kind, f.reason, f.attempts, f.at.toISOString(), id, owner).changes === 1;
  }

  async setLease(id: string, owner: string, until: Date): Promise<boolean> {
    return this.leaseStmt.run(until.toISOString(), id, owner).changes === 1;
  }

  async stale(now: Date): Promise<Claim[]> {
    return this.staleStmt.all(now.toISOString()).map(toClaim);
  }

  async inFlight(): Promise<Claim[]> {
    return this.inFlightStmt.all().map(toClaim);
  }

  async takeOver(id: string, owner: string, at: Date, leaseUntil: Date, deadOwner?: string): Promise<Claim | undefined> {
    const params = { id, owner, at: at.toISOString(), leaseUntil: leaseUntil.toISOString(), deadOwner: deadOwner ?? null };
    const run = this.db.transaction(() => {
      const won = this.takeOverStmt.run(params).changes === 1;
      return won ? toClaim(this.selectById.get(id)!) : undefined;
    });
    return run.immediate();
  }

  async abandon(id: string, reason: string, at: Date, deadOwner?: string): Promise<boolean> {
    return this.abandonStmt.run({ id, reason, at: at.toISOString(), deadOwner: deadOwner ?? null }).changes === 1;
  }

  async rotation(subscriptionId: number): Promise<RotationState> {
    const read = this.db.transaction((): RotationState => {
      const sub = this.subRotation.get(subscriptionId);
      if (!sub) throw new RangeError(`no spotlight subscription ${subscriptionId}`);
      const seen = this.seenStmt.all(subscriptionId, sub.rotation_cycle).map((r) => r.role_id as RoleId);
      const last = this.lastStmt.get(subscriptionId)?.role_id;
      return { seed: sub.rotation_seed, cycle: sub.rotation_cycle, seen, ...(last ? { lastRoleId: last } : {}) };
    });
    // DEFERRED (a read transaction): one consistent snapshot of the subscription and its claims.
    return read();
  }

  async history(subscriptionId: number, limit: number): Promise<Claim[]> {
    return this.historyStmt.all(subscriptionId, limit).map(toClaim);
  }
}
