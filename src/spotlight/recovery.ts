import type { Claim, SpotlightPlatform, Subscription } from '../store/spotlight-store.js';
import { describeOwner, ownerIsDead } from './owner.js';
import type { LookupResult, SpotlightPoster } from './poster.js';
import type { HeldClaim, PostOutcome, RunnerDeps, WorkItem } from './run-types.js';
import { weekKeyAt } from './schedule.js';
import { spotlightFor } from '../views/cards/spotlight.js';

/** What recovery needs of the runner: its dependencies, posters, shutdown signal and mark. */
export interface RecoveryContext {
  deps: RunnerDeps;
  poster(platform: SpotlightPlatform): SpotlightPoster | undefined;
  stopping: AbortSignal;
  markSent(id: string, done: { messageId: string; attempts: number; at: Date }): Promise<void>;
}

/** Clocks of hosts differ a little: look this much before the claim for its message. */
const LOOKUP_SKEW_MS = 60_000;

/**
 * Crash recovery. A claim still 'claimed' whose lease ended, or whose owner is provably dead
 * (same host, process gone), is taken over once. In its week it is retried, after a look for
 * the message the dead run may have posted; after its week it is settled: marked sent if that
 * message exists, otherwise failed, which gives its role back to the rotation. Claims of live
 * runs are left alone and reported.
 */
export async function recoverClaims(ctx: RecoveryContext): Promise<{ work: WorkItem[]; held: HeldClaim[]; outcomes: PostOutcome[]; taken: number }> {
  const { store, clock, logger } = ctx.deps;
  const work: WorkItem[] = [];
  const held: HeldClaim[] = [];
  const outcomes: PostOutcome[] = [];
  const settle: Array<() => Promise<PostOutcome>> = [];
  let provedDead = false;
  let takenCount = 0;
  for (const claim of await store.claims.inFlight()) {
    if (claim.owner === ctx.deps.owner) continue;
    const now = clock.now();
    const leaseOver = claim.leaseUntil.getTime() <= now.getTime();
    const dead = !leaseOver && ownerIsDead(claim.owner);
    if (!leaseOver && !dead) {
      held.push({
        subscriptionId: claim.subscriptionId,
        weekKey: claim.weekKey,
        claimId: claim.id,
        holder: describeOwner(claim.owner),
        until: claim.leaseUntil,
      });
      continue;
    }
    const deadOwner = dead ? claim.owner : undefined;
    const sub = await store.subscriptions.byId(claim.subscriptionId);
    if (sub?.status !== 'active') {
      const reason = 'subscription removed or paused while sending';
      if (await store.claims.abandon(claim.id, reason, now, deadOwner)) logger.warn({ claim: claim.id, reason }, 'spotlight claim abandoned');
      continue;
    }
    // Leave it to a process that can send it (e.g. a CLI run with only a Discord token).
    if (!ctx.poster(sub.platform)) continue;
    const lateWeek = claim.weekKey !== weekKeyAt(now, sub.timezone);
    const taken = await store.claims.takeOver(claim.id, ctx.deps.owner, now, new Date(now.getTime() + ctx.deps.leaseMs), deadOwner);
    if (taken) {
      takenCount++;
      provedDead ||= dead;
      logger.info({ claim: claim.id, subscription: sub.id, week: claim.weekKey, ownerDead: dead, lateWeek }, 'recovering a spotlight claim left by a crash');
      if (lateWeek)
        settle.push(() =>
          settleClaim(ctx, { sub, weekKey: claim.weekKey, claim: taken, recovered: true }, `its week (${claim.weekKey}) ended before it was posted`),
        );
      else work.push({ sub, weekKey: claim.weekKey, claim: taken, recovered: true });
    } else if (claim.recoveries >= 1) {
      // Its one retry crashed too: settle it without sending.
      settle.push(() => settleClaim(ctx, { sub, weekKey: claim.weekKey, claim }, 'send did not finish, even after one retry', deadOwner));
    }
  }
  // A request the dead run wrote just before dying may still be on its way: let it land
  // before looking for its message.
  if (provedDead && ctx.deps.recoveryGraceMs > 0) await clock.sleep(ctx.deps.recoveryGraceMs, ctx.stopping).catch(() => undefined);
  for (const run of settle) outcomes.push(await run());
  return { work, held, outcomes, taken: takenCount };
}

/**
 * A claim that will not be sent: marked sent when its message is in the channel after all,
 * otherwise failed (its role goes back into the rotation).
 */
export async function settleClaim(ctx: RecoveryContext, item: WorkItem & { claim: Claim }, reason: string, deadOwner?: string): Promise<PostOutcome> {
  const { store, clock, core, logger } = ctx.deps;
  const { sub, claim } = item;
  const base = { subscriptionId: sub.id, weekKey: claim.weekKey, roleId: claim.roleId, claimId: claim.id };
  const found = await lookupPosted(ctx, sub, claim);
  const at = clock.now();
  if (found?.status === 'found') {
    await ctx.markSent(claim.id, { messageId: found.messageId, attempts: 0, at });
    return { ...base, status: 'skipped', reason: 'already posted before the crash', messageId: found.messageId, alreadyPosted: true };
  }
  const why = `${reason}; its role goes back into the rotation`;
  const done =
    item.recovered && claim.owner === ctx.deps.owner
      ? await store.claims.markFailed(claim.id, ctx.deps.owner, { kind: 'abandoned', reason: why, attempts: 0, at })
      : await store.claims.abandon(claim.id, why, at, deadOwner);
  if (done) logger.warn({ claim: claim.id, reason: why, role: core.kb.byId.get(claim.roleId)?.id }, 'spotlight claim abandoned');
  return { ...base, status: 'skipped', reason: why };
}

/** Looks for the claim's message in the channel, when the platform can. */
export async function lookupPosted(ctx: RecoveryContext, sub: Subscription, claim: Claim): Promise<LookupResult | undefined> {
  const poster = ctx.poster(sub.platform);
  const view = spotlightFor(ctx.deps.core, claim.roleId);
  if (!poster?.findPosted || !view) return undefined;
  const query = { claimId: claim.id, since: new Date(claim.claimedAt.getTime() - LOOKUP_SKEW_MS), view };
  const timeout = AbortSignal.timeout(ctx.deps.policy.attemptTimeoutMs);
  return poster.findPosted(sub, query, { signal: timeout }).catch((err: unknown): LookupResult => ({ status: 'unknown', reason: (err as Error).message }));
}
