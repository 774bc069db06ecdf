import type pg from 'pg';
import type { RoleId } from '../../core/schema/common.js';
import type { AcquireResult, Claim, ClaimRequest, ClaimStore, FailureKind, RotationState, SentMark } from '../spotlight-store.js';
import { inTransaction } from './transaction.js';
import { type ClaimRow, toClaim } from '../rows.js';

/**
 * Claims in Postgres. As in SQLite, every state change is one conditional statement whose row
 * count says whether this caller won. Under READ COMMITTED a second INSERT … ON CONFLICT for the
 * same week waits for the first transaction and then does nothing, so exactly one replica wins.
 */
export class PgClaims implements ClaimStore {
  constructor(private readonly pool: pg.Pool) {}

  async acquire(req: ClaimRequest): Promise<AcquireResult> {
    return inTransaction(this.pool, async (client) => {
      const inserted = await client.query<ClaimRow>(
        `INSERT INTO spotlight_claims (id, subscription_id, week_key, role_id, cycle, state, owner, claimed_at, lease_until)
         VALUES ($1, $2, $3, $4, $5, 'claimed', $6, $7, $8)
         ON CONFLICT (subscription_id, week_key) DO NOTHING RETURNING *`,
        [req.id, req.subscriptionId, req.weekKey, req.roleId, req.cycle, req.owner, req.at, req.leaseUntil],
      );
      if (inserted.rows[0]) {
        await client.query('UPDATE spotlight_subscriptions SET rotation_cycle = greatest(rotation_cycle, $1) WHERE id = $2', [req.cycle, req.subscriptionId]);
        return { won: true, claim: toClaim(inserted.rows[0]) };
      }
      // A failed claim that `resume` re-armed is claimed again under its old id (the same nonce).
      const rearmed = await client.query<ClaimRow>(
        `UPDATE spotlight_claims SET state = 'claimed', owner = $3, claimed_at = $4, lease_until = $5,
           retry_allowed = false, recoveries = 0, failure_kind = NULL, failure_reason = NULL, failed_at = NULL
         WHERE subscription_id = $1 AND week_key = $2 AND state = 'failed' AND retry_allowed RETURNING *`,
        [req.subscriptionId, req.weekKey, req.owner, req.at, req.leaseUntil],
      );
      if (rearmed.rows[0]) return { won: true, claim: toClaim(rearmed.rows[0]) };
      const existing = await client.query<ClaimRow>('SELECT * FROM spotlight_claims WHERE subscription_id = $1 AND week_key = $2', [
        req.subscriptionId,
        req.weekKey,
      ]);
      return { won: false, existing: toClaim(existing.rows[0]!) };
    });
  }

  async get(subscriptionId: number, weekKey: string): Promise<Claim | undefined> {
    const { rows } = await this.pool.query<ClaimRow>('SELECT * FROM spotlight_claims WHERE subscription_id = $1 AND week_key = $2', [subscriptionId, weekKey]);
    return rows[0] ? toClaim(rows[0]) : undefined;
  }

  async rearm(subscriptionId: number, weekKey: string): Promise<boolean> {
    const r = await this.pool.query(`UPDATE spotlight_claims SET retry_allowed = true WHERE subscription_id = $1 AND week_key = $2 AND state = 'failed'`, [
      subscriptionId,
      weekKey,
    ]);
    return r.rowCount === 1;
  }

  async markSent(id: string, done: SentMark): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE spotlight_claims SET state = 'sent', sent_at = $2, message_id = $3, attempts = attempts + $4,
         failure_kind = NULL, failure_reason = NULL, failed_at = NULL,
         thread_state = CASE WHEN $5::timestamptz IS NULL THEN thread_state ELSE 'opening' END,
         thread_lease_until = coalesce($5::timestamptz, thread_lease_until),
         thread_attempts = thread_attempts + (CASE WHEN $5::timestamptz IS NULL THEN 0 ELSE 1 END)
       WHERE id = $1 AND state IN ('claimed', 'failed')`,
      [id, done.at, done.messageId, done.attempts, done.threadLeaseUntil ?? null],
    );
    return r.rowCount === 1;
  }

  async threadsDue(now: Date): Promise<Claim[]> {
    const { rows } = await this.pool.query<ClaimRow>(
      `SELECT * FROM spotlight_claims WHERE state = 'sent' AND thread_state = 'opening' AND thread_lease_until <= $1 ORDER BY claimed_at`,
      [now],
    );
    return rows.map(toClaim);
  }

  async takeThread(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE spotlight_claims SET thread_lease_until = $3, thread_attempts = thread_attempts + 1
       WHERE id = $1 AND state = 'sent' AND thread_state = 'opening' AND thread_lease_until <= $2`,
      [id, now, leaseUntil],
    );
    return r.rowCount === 1;
  }

  async threadOpened(id: string, threadId: string): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE spotlight_claims SET thread_state = 'opened', thread_id = $2, thread_failure = NULL WHERE id = $1 AND thread_state = 'opening'`,
      [id, threadId],
    );
    return r.rowCount === 1;
  }

  async threadFailed(id: string, reason: string, at: Date, final: boolean): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE spotlight_claims SET thread_state = CASE WHEN $4 THEN 'failed' ELSE 'opening' END, thread_failure = $2, thread_lease_until = $3
       WHERE id = $1 AND thread_state = 'opening'`,
      [id, reason, at, final],
    );
    return r.rowCount === 1;
  }

  async markFailed(id: string, owner: string, f: { kind: FailureKind; reason: string; attempts: number; at: Date }): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE spotlight_claims SET state = 'failed', failure_kind = $3, failure_reason = $4, attempts = attempts + $5, failed_at = $6
       WHERE id = $1 AND owner = $2 AND state = 'claimed'`,
      [id, owner, f.kind, f.reason, f.attempts, f.at],
    );
    return r.rowCount === 1;
  }

  async setLease(id: string, owner: string, until: Date): Promise<boolean> {
    const r = await this.pool.query(`UPDATE spotlight_claims SET lease_until = $3 WHERE id = $1 AND owner = $2 AND state = 'claimed'`, [id, owner, until]);
    return r.rowCount === 1;
  }

  async stale(now: Date): Promise<Claim[]> {
    const { rows } = await this.pool.query<ClaimRow>(`SELECT * FROM spotlight_claims WHERE state = 'claimed' AND lease_until <= $1 ORDER BY claimed_at`, [now]);
    return rows.map(toClaim);
  }

  async inFlight(): Promise<Claim[]> {
    const { rows } = await this.pool.query<ClaimRow>(`SELECT * FROM spotlight_claims WHERE state = 'claimed' ORDER BY claimed_at`);
    return rows.map(toClaim);
  }

  // Either the lease ended, or the caller proved this very owner dead (a NULL never matches).
  // claimed_at is kept: a lookup for a message the dead owner may have posted starts there.
  async takeOver(id: string, owner: string, at: Date, leaseUntil: Date, deadOwner?: string): Promise<Claim | undefined> {
    const { rows } = await this.pool.query<ClaimRow>(
      `UPDATE spotlight_claims SET owner = $2, lease_until = $4, recoveries = recoveries + 1
       WHERE id = $1 AND state = 'claimed' AND (lease_until <= $3 OR owner = $5) AND recoveries = 0 RETURNING *`,
      [id, owner, at, leaseUntil, deadOwner ?? null],
    );
    return rows[0] ? toClaim(rows[0]) : undefined;
  }

  async abandon(id: string, reason: string, at: Date, deadOwner?: string): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE spotlight_claims SET state = 'failed', failure_kind = 'abandoned', failure_reason = $2, failed_at = $3
       WHERE id = $1 AND state = 'claimed' AND (lease_until <= $3 OR owner = $4)`,
      [id, reason, at, deadOwner ?? null],
    );
    return r.rowCount === 1;
  }

  async rotation(subscriptionId: number): Promise<RotationState> {
    // One statement, one snapshot: the subscription's cycle and the claims it counts.
    const { rows } = await this.pool.query<{ rotation_seed: number; rotation_cycle: number; seen: string[] | null; last: string | null }>(
      `SELECT s.rotation_seed, s.rotation_cycle,
         (SELECT array_agg(c.role_id ORDER BY c.week_key) FROM spotlight_claims c
           WHERE c.subscription_id = s.id AND c.cycle = s.rotation_cycle AND c.state != 'failed') AS seen,
         (SELECT c.role_id FROM spotlight_claims c WHERE c.subscription_id = s.id AND c.state != 'failed'
           ORDER BY c.week_key DESC LIMIT 1) AS last
       FROM spotlight_subscriptions s WHERE s.id = $1`,
      [subscriptionId],
    );
    const sub = rows[0];
    if (!sub) throw new RangeError(`no spotlight subscription ${subscriptionId}`);
    return {
      seed: sub.rotation_seed,
      cycle: sub.rotation_cycle,
      seen: (sub.seen ?? []) as RoleId[],
      ...(sub.last ? { lastRoleId: sub.last } : {}),
    };
  }

  async history(subscriptionId: number, limit: number): Promise<Claim[]> {
    const { rows } = await this.pool.query<ClaimRow>(
      'SELECT * FROM spotlight_claims WHERE subscription_id = $1 ORDER BY week_key DESC, claimed_at DESC LIMIT $2',
      [subscriptionId, limit],
    );
    return rows.map(toClaim);
  }
}
