import { setMaxListeners } from 'node:events';
import type { Core } from '../core/index.js';
import type { SentMark, SpotlightFilter, SpotlightPlatform, Subscription } from '../store/spotlight-store.js';
import { Pacer } from './clock.js';
import type { SpotlightPoster } from './poster.js';
import { nextRole } from './rotation.js';
import { dueFor, outsideCurrentWeek } from './due.js';
import { lookupPosted, recoverClaims, type RecoveryContext } from './recovery.js';
import type { OutcomeStatus, PostOutcome, RunnerDeps, RunSummary, WorkItem } from './run-types.js';
import { weekKeyAt } from './schedule.js';
import { sendWithRetry } from './sender.js';
import { openThread, resumeThreads } from './thread-step.js';
import { spotlightFor } from '../views/cards/spotlight.js';

export function eligibleRoles(core: Core, filter: SpotlightFilter): Set<string> {
  return new Set(core.browse({ ...filter }).map((r) => r.id));
}

/** The list rotated to begin at fraction `at` of its length (0: unchanged). */
function startAt<T>(items: T[], at: number): T[] {
  const start = Math.min(items.length - 1, Math.floor(at * items.length));
  return start > 0 ? [...items.slice(start), ...items.slice(0, start)] : items;
}

/** Runs `fn` over the items with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Finds what is due, claims it and sends it: the exactly-once machinery. Both the scheduler's
 * tick and `runOnce` (CLI, cron jobs) come through here.
 */
export class SpotlightRunner {
  private readonly posters = new Map<SpotlightPlatform, { poster: SpotlightPoster; pacer?: Pacer }>();
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  /** What crash recovery (recovery.ts) needs of this runner. */
  private readonly recovery: RecoveryContext;

  constructor(private readonly deps: RunnerDeps) {
    this.recovery = {
      deps,
      poster: (platform) => this.posters.get(platform)?.poster,
      stopping: this.stopping.signal,
      markSent: (id, done) => this.markSent(id, done),
    };
    // Every backoff and pacing wait listens on this one shutdown signal; with many sends in
    // flight that is legitimately more than Node's default of 10 listeners.
    setMaxListeners(0, this.stopping.signal);
  }

  setPoster(poster: SpotlightPoster): void {
    const pacer = poster.maxPerSecond ? new Pacer(poster.maxPerSecond, this.deps.clock) : undefined;
    this.posters.set(poster.platform, { poster, ...(pacer ? { pacer } : {}) });
  }

  hasPoster(platform: SpotlightPlatform): boolean {
    return this.posters.has(platform);
  }

  get isStopping(): boolean {
    return this.stopping.signal.aborted;
  }

  /**
   * Posts every spotlight due at `at` (and retries claims of dead runs). `at` may only be a
   * moment of the channel's current week, not after now: a run never posts a week early or late.
   */
  async runOnce(at: Date): Promise<RunSummary> {
    const { store, clock } = this.deps;
    // After stop() nothing is claimed or taken over: a take-over now would spend a crashed
    // claim's only retry without sending it.
    if (this.isStopping) return { at, due: 0, posted: 0, skipped: 0, failed: 0, recovered: 0, held: [], outcomes: [] };
    const { work, held, outcomes, taken } = await recoverClaims(this.recovery);
    await resumeThreads(this.deps, (platform) => this.posters.get(platform)?.poster);
    const recovered = new Set(work.map((w) => w.sub.id));
    const heldBy = new Map(held.map((h) => [h.claimId, h]));
    const now = clock.now();
    for (const sub of await store.subscriptions.list({ status: 'active' })) {
      if (recovered.has(sub.id)) continue;
      const slot = dueFor(sub, at);
      if (!slot) continue;
      const refused = outsideCurrentWeek(sub.timezone, at, now);
      if (refused) {
        outcomes.push({ subscriptionId: sub.id, weekKey: slot.weekKey, status: 'skipped', reason: refused });
        continue;
      }
      const existing = await store.claims.get(sub.id, slot.weekKey);
      if (existing && !(existing.state === 'failed' && existing.retryAllowed)) {
        const h = heldBy.get(existing.id);
        const reason = h ? `being sent by another run (${h.holder}) until ${h.until.toISOString()}` : `already ${existing.state} this week`;
        outcomes.push({ subscriptionId: sub.id, weekKey: slot.weekKey, status: 'skipped', reason, claimId: existing.id });
        continue;
      }
      work.push({ sub, weekKey: slot.weekKey });
    }
    // One pool per platform: each is its own rate-limit domain, so a slow Slack queue must not
    // hold Discord's workers (head-of-line blocking). The concurrency bound applies per platform.
    const platforms = [...new Set(work.map((w) => w.sub.platform))];
    await Promise.all(
      platforms.map((platform) =>
        pool(
          startAt(
            work.filter((w) => w.sub.platform === platform),
            this.deps.spreadStart ? this.deps.random() : 0,
          ),
          this.deps.concurrency,
          async (item) => void outcomes.push(await this.track(this.processSafely(item))),
        ),
      ),
    );
    await this.updatePausedGauge();
    const count = (s: OutcomeStatus) => outcomes.filter((o) => o.status === s).length;
    return { at, due: outcomes.length, posted: count('posted'), skipped: count('skipped'), failed: count('failed'), recovered: taken, held, outcomes };
  }

  /** Claims and sends this week's spotlight for one subscription, due or not (postNow). */
  async postNow(sub: Subscription, at: Date): Promise<PostOutcome> {
    return this.track(this.processSafely({ sub, weekKey: weekKeyAt(at, sub.timezone) }));
  }

  /** Stops taking new work and waits (up to `timeoutMs`) for sends in flight. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping.abort();
    if (this.inFlight.size === 0) return;
    const cancel = new AbortController();
    const deadline = this.deps.clock.sleep(timeoutMs, cancel.signal).catch(() => undefined);
    await Promise.race([Promise.allSettled([...this.inFlight]), deadline]);
    cancel.abort();
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  /** A store error fails this item only; a claim it left 'claimed' is crash recovery's. */
  private async processSafely(item: WorkItem): Promise<PostOutcome> {
    try {
      return await this.process(item);
    } catch (err) {
      this.deps.logger.error({ err, subscription: item.sub.id }, 'spotlight post failed unexpectedly');
      return { subscriptionId: item.sub.id, weekKey: item.weekKey, status: 'failed', reason: `error: ${(err as Error).message}` };
    }
  }

  private async process(item: WorkItem): Promise<PostOutcome> {
    const { store, core, clock, logger, metrics } = this.deps;
    const { sub, weekKey } = item;
    const base = { subscriptionId: sub.id, weekKey };
    const entry = this.posters.get(sub.platform);
    if (!entry) return { ...base, status: 'skipped', reason: `no ${sub.platform} poster configured` };
    let claim = item.claim;
    try {
      if (this.isStopping) throw new Error('stopping');
      // Paced before claiming, so a claim's lease is not spent waiting for a rate-limit slot.
      await entry.pacer?.take(this.stopping.signal);
    } catch {
      if (claim) await store.claims.setLease(claim.id, this.deps.owner, clock.now());
      return { ...base, status: 'skipped', reason: 'shutting down' };
    }
    if (!claim) {
      const pick = nextRole(
        await store.claims.rotation(sub.id),
        core.kb.roles.map((r) => r.id),
        eligibleRoles(core, sub.filter),
      );
      if (!pick) return { ...base, status: 'skipped', reason: 'no role matches the channel filter' };
      const now = clock.now();
      const res = await store.claims.acquire({
        id: this.deps.newClaimId(),
        subscriptionId: sub.id,
        weekKey,
        roleId: pick.roleId,
        cycle: pick.cycle,
        owner: this.deps.owner,
        at: now,
        leaseUntil: new Date(now.getTime() + this.deps.leaseMs),
      });
      if (!res.won) return { ...base, status: 'skipped', reason: `already ${res.existing.state} this week`, claimId: res.existing.id };
      claim = res.claim;
    }
    const out = { ...base, roleId: claim.roleId, claimId: claim.id };
    const view = spotlightFor(core, claim.roleId);
    if (!view) {
      await store.claims.markFailed(claim.id, this.deps.owner, {
        kind: 'permanent',
        reason: `role ${claim.roleId} no longer exists`,
        attempts: 0,
        at: clock.now(),
      });
      return { ...out, status: 'failed', reason: 'role no longer exists' };
    }
    const claimId = claim.id;
    const result = await sendWithRetry(entry.poster, sub, view, claimId, {
      clock,
      policy: this.deps.policy,
      random: this.deps.random,
      stopping: this.stopping.signal,
      ...(entry.pacer ? { pacer: entry.pacer } : {}),
      beforeRetry: () => store.claims.setLease(claimId, this.deps.owner, new Date(clock.now().getTime() + this.deps.leaseMs)),
      onAttemptFailed: (r) => metrics?.spotlightFailures.inc({ platform: sub.platform, kind: r.kind }),
      ...(entry.poster.findPosted ? { lookup: async () => (await lookupPosted(this.recovery, sub, claim!))!, lookupFirst: item.recovered === true } : {}),
      onLookupUnknown: (reason) => logger.warn({ claim: claimId, reason }, 'could not look for an earlier post of this spotlight; sending anyway'),
    });
    const at = clock.now();
    if (result.ok) {
      // Accepted, not yet marked: a crash here is found again by the recovering run's lookup.
      const thread = sub.thread && entry.poster.openThread !== undefined;
      await this.markSent(claimId, {
        messageId: result.messageId,
        attempts: result.attempts,
        at,
        ...(thread ? { threadLeaseUntil: new Date(at.getTime() + this.deps.leaseMs) } : {}),
      });
      // A post found after a crash may have its thread already: look before opening one.
      if (thread)
        await openThread(this.deps, entry.poster, sub, { ...claim, threadAttempts: 1 }, result.messageId, result.found === true || item.recovered === true);
      if (result.found) return { ...out, status: 'posted', messageId: result.messageId, alreadyPosted: true, reason: 'already posted before the crash' };
      metrics?.spotlightPosts.inc({ platform: sub.platform });
      return { ...out, status: 'posted', messageId: result.messageId };
    }
    if (result.kind === 'interrupted') {
      // Hand the claim to crash recovery at the next start (or another process's next tick).
      await store.claims.setLease(claimId, this.deps.owner, at);
      return { ...out, status: 'skipped', reason: result.reason };
    }
    await store.claims.markFailed(claimId, this.deps.owner, { kind: result.kind, reason: result.reason, attempts: result.attempts, at });
    if (result.kind === 'permanent') {
      await store.subscriptions.pause(sub.id, `the bot cannot post here: ${result.reason}`, at);
      logger.warn({ subscription: sub.id, reason: result.reason }, 'spotlight channel paused after a permanent failure');
      return { ...out, status: 'failed', reason: result.reason, paused: true };
    }
    logger.warn({ subscription: sub.id, reason: result.reason, attempts: result.attempts }, 'spotlight send failed');
    return { ...out, status: 'failed', reason: result.reason };
  }

  /**
   * The mark after acceptance matters most: if it is lost, recovery sends again (a duplicate on
   * Slack). busy_timeout already waits 5 s for the lock; try a few more times before giving up.
   */
  async markSent(id: string, done: SentMark): Promise<void> {
    for (let i = 1; ; i++) {
      try {
        await this.deps.store.claims.markSent(id, done);
        return;
      } catch (err) {
        if (i >= 3) throw err;
        this.deps.logger.warn({ err, claim: id }, 'could not mark a spotlight sent; retrying');
        await this.deps.clock.sleep(100 * i);
      }
    }
  }

  async updatePausedGauge(): Promise<void> {
    this.deps.metrics?.spotlightPaused.set(await this.deps.store.subscriptions.countPaused());
  }
}
