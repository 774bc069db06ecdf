import { randomBytes } from 'node:crypto';
import type { Core } from '../core/index.js';
import { silentLogger, type Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Store } from '../store/store.js';
import type { ChannelKey, Subscription, SubscriptionQuery } from '../store/spotlight-store.js';
import { type Clock, systemClock } from './clock.js';
import { describeInputError, SubscribeInput } from './input.js';
import type { ManageResult, PostNowResult, PreviewResult, SpotlightStatus, SubscribeResult } from './manage-results.js';
import { ownerString } from './owner.js';
import type { CanPost, SpotlightPoster } from './poster.js';
import { featuredRole, newSeed, nextRole } from './rotation.js';
import type { RunSummary } from './run-types.js';
import { eligibleRoles, SpotlightRunner } from './runner.js';
import { upcomingSlot } from './due.js';
import { slotInWeekOf, weekKeyAt } from './schedule.js';
import { DEFAULT_RETRY, type RetryPolicy } from './sender.js';

export interface SpotlightServiceOptions {
  store: Store;
  core: Core;
  posters?: SpotlightPoster[];
  clock?: Clock;
  logger?: Logger;
  metrics?: Metrics;
  /** Sends in flight at once, per platform (SPOTLIGHT_CONCURRENCY). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** How long a claim is held per attempt before crash recovery may take it over. */
  leaseMs?: number;
  /** How long stop() waits for sends in flight. */
  stopTimeoutMs?: number;
  /** This process's identity on its claims (default: host, pid and start token, see owner.ts). */
  owner?: string;
  /** Before looking for the message of a claim whose owner just died (default 2 s). */
  recoveryGraceMs?: number;
  random?: () => number;
  /** Replicas share the database: start each fan-out at a random channel (see RunnerDeps). */
  spreadStart?: boolean;
}

/** Monday 2024-01-01 00:00 UTC: week 0 of the featured rotation. */
const FEATURED_EPOCH = Date.UTC(2024, 0, 1);

/** Claim ids are Discord message nonces: at most 25 characters. 15 random bytes → 20 chars. */
export function newClaimId(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * This week's workspace-wide role (UTC ISO week): the same for everyone, every role once per
 * cycle, no store needed. Slack's App Home and the console's /spotlight preview show it.
 */
export function featuredSpotlight(core: Core, at: Date): { roleId: string; weekKey: string } {
  const weekKey = weekKeyAt(at, 'UTC');
  const monday = slotInWeekOf({ dayOfWeek: 1, localTime: '00:00', timezone: 'UTC' }, at).at.getTime();
  const weekIndex = Math.round((monday - FEATURED_EPOCH) / (7 * 86_400_000));
  const roleId = featuredRole(
    core.kb.roles.map((r) => r.id),
    weekIndex,
  );
  return { roleId, weekKey };
}

/**
 * The spotlight's API for every front end: /spotlight (on Discord, Slack and the CLI) and the
 * scheduler. It answers with facts (manage-results.ts); /spotlight words them
 * (commands/spotlight-views.ts), so the service knows no front end's commands.
 */
export class SpotlightService {
  readonly runner: SpotlightRunner;
  private readonly store: Store;
  private readonly core: Core;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly stopTimeoutMs: number;

  constructor(opts: SpotlightServiceOptions) {
    this.store = opts.store;
    this.core = opts.core;
    this.clock = opts.clock ?? systemClock;
    this.random = opts.random ?? Math.random;
    this.stopTimeoutMs = opts.stopTimeoutMs ?? 30_000;
    const policy = { ...DEFAULT_RETRY, ...opts.retry };
    const leaseMs = opts.leaseMs ?? 120_000;
    // The lease is renewed before each retry, so it must outlast one attempt plus one backoff.
    if (leaseMs < policy.attemptTimeoutMs + policy.maxDelayMs + 10_000) {
      throw new RangeError(`leaseMs (${leaseMs}) must exceed attemptTimeoutMs + maxDelayMs + 10 s`);
    }
    this.runner = new SpotlightRunner({
      store: opts.store.spotlight,
      core: opts.core,
      clock: this.clock,
      logger: opts.logger ?? silentLogger(),
      ...(opts.metrics ? { metrics: opts.metrics } : {}),
      concurrency: Math.max(1, opts.concurrency ?? 8),
      policy,
      leaseMs,
      owner: opts.owner ?? ownerString(),
      recoveryGraceMs: opts.recoveryGraceMs ?? 2_000,
      random: this.random,
      newClaimId,
      ...(opts.spreadStart ? { spreadStart: true } : {}),
    });
    for (const p of opts.posters ?? []) this.runner.setPoster(p);
  }

  private get subs() {
    return this.store.spotlight.subscriptions;
  }

  private get claims() {
    return this.store.spotlight.claims;
  }

  /** The Discord and Slack front ends register their posters here once their clients are up. */
  setPoster(poster: SpotlightPoster): void {
    this.runner.setPoster(poster);
  }

  /** The channel's subscription, if any (front ends check who may manage it). */
  subscription(channel: ChannelKey): Promise<Subscription | undefined> {
    return this.subs.get(channel);
  }

  async subscribe(input: SubscribeInput, opts: { canPost?: CanPost } = {}): Promise<SubscribeResult> {
    const parsed = SubscribeInput.safeParse(input);
    if (!parsed.success) return { ok: false, problem: { kind: 'invalid-input', detail: describeInputError(parsed.error) } };
    const { channel, createdBy, day, time, timezone, layer, difficulty, thread } = parsed.data;
    const filter = { ...(layer ? { layer } : {}), ...(difficulty ? { difficulty } : {}) };
    if (eligibleRoles(this.core, filter).size === 0) return { ok: false, problem: { kind: 'no-matching-role', filter } };
    if (opts.canPost) {
      const check = await opts.canPost(channel).catch((err: Error) => ({ ok: false as const, reason: `could not check (${err.message})` }));
      if (!check.ok) return { ok: false, problem: { kind: 'cannot-post', reason: check.reason } };
    }
    const settings = { ...channel, dayOfWeek: day, localTime: time, timezone, filter, thread, createdBy, rotationSeed: newSeed(this.random) };
    const { subscription, created } = await this.subs.upsert(settings, this.clock.now());
    await this.runner.updatePausedGauge();
    const now = this.clock.now();
    const next = upcomingSlot(subscription, now, await this.claims.get(subscription.id, weekKeyAt(now, subscription.timezone)));
    return { ok: true, subscription, created, next: next.at, dueNow: next.at.getTime() <= now.getTime() };
  }

  async unsubscribe(channel: ChannelKey): Promise<ManageResult> {
    const sub = await this.subs.get(channel);
    if (!sub) return { ok: false, problem: { kind: 'not-subscribed' } };
    await this.subs.remove(sub.id, this.clock.now());
    await this.runner.updatePausedGauge();
    return { ok: true, subscription: sub };
  }

  async pause(channel: ChannelKey, reason = 'paused by a channel manager'): Promise<ManageResult> {
    const sub = await this.subs.get(channel);
    if (!sub) return { ok: false, problem: { kind: 'not-subscribed' } };
    if (!(await this.subs.pause(sub.id, reason, this.clock.now()))) return { ok: false, subscription: sub, problem: { kind: 'already-paused' } };
    await this.runner.updatePausedGauge();
    return { ok: true, subscription: sub };
  }

  /** Resumes; a spotlight that failed this week (say, for lack of access) is then retried. */
  async resume(channel: ChannelKey): Promise<ManageResult> {
    const sub = await this.subs.get(channel);
    if (!sub) return { ok: false, problem: { kind: 'not-subscribed' } };
    const now = this.clock.now();
    if (!(await this.subs.resume(sub.id, weekKeyAt(now, sub.timezone)))) return { ok: false, subscription: sub, problem: { kind: 'not-paused' } };
    await this.runner.updatePausedGauge();
    return { ok: true, subscription: sub };
  }

  async status(channel: ChannelKey): Promise<SpotlightStatus> {
    const sub = await this.subs.get(channel);
    const canSend = this.runner.hasPoster(channel.platform);
    if (!sub) return { channel, recent: [], canSend };
    const now = this.clock.now();
    const week = slotInWeekOf(sub, now);
    const thisWeek = await this.claims.get(sub.id, week.weekKey);
    const state = await this.claims.rotation(sub.id);
    const eligible = eligibleRoles(this.core, sub.filter);
    const status: SpotlightStatus = {
      channel,
      subscription: sub,
      next: upcomingSlot(sub, now, thisWeek),
      ...(thisWeek ? { thisWeek } : {}),
      recent: await this.claims.history(sub.id, 5),
      cycle: { number: state.cycle, shown: state.seen.filter((id) => eligible.has(id)).length, eligible: eligible.size },
      canSend,
    };
    return status;
  }

  /** The role the channel gets next, exactly as it would be posted, without claiming anything. */
  async preview(channel: ChannelKey): Promise<PreviewResult> {
    const sub = await this.subs.get(channel);
    if (!sub) return { ok: false, problem: { kind: 'not-subscribed' } };
    const now = this.clock.now();
    const week = slotInWeekOf(sub, now);
    const thisWeek = await this.claims.get(sub.id, week.weekKey);
    const upcoming = upcomingSlot(sub, now, thisWeek);
    const pick = nextRole(
      await this.claims.rotation(sub.id),
      this.core.kb.roles.map((r) => r.id),
      eligibleRoles(this.core, sub.filter),
    );
    if (!pick || !this.core.kb.byId.has(pick.roleId)) return { ok: false, subscription: sub, problem: { kind: 'no-matching-role', filter: sub.filter } };
    return { ok: true, subscription: sub, roleId: pick.roleId, weekKey: upcoming.weekKey, dueAt: upcoming.at };
  }

  /** Claims and posts this week's spotlight now, unless the channel already had it. */
  async postNow(channel: ChannelKey): Promise<PostNowResult> {
    const sub = await this.subs.get(channel);
    if (!sub) return { ok: false, problem: { kind: 'not-subscribed' } };
    if (sub.status === 'paused') return { ok: false, subscription: sub, problem: { kind: 'paused' } };
    if (!this.runner.hasPoster(sub.platform)) return { ok: false, subscription: sub, problem: { kind: 'no-poster' } };
    const now = this.clock.now();
    // An explicit request from a manager may retry this week's failed spotlight (e.g. after an
    // outage outlasted the retries); a sent or in-flight one is never posted twice.
    await this.claims.rearm(sub.id, weekKeyAt(now, sub.timezone));
    const outcome = await this.runner.postNow(sub, now);
    return { ok: outcome.status === 'posted', subscription: sub, outcome };
  }

  /**
   * This week's workspace-wide role (UTC ISO week), e.g. for Slack's App Home: the same for
   * everyone, every role once per cycle, no store needed.
   */
  featured(at: Date = this.clock.now()): { roleId: string; weekKey: string } {
    return featuredSpotlight(this.core, at);
  }

  list(query: SubscriptionQuery = {}): Promise<Subscription[]> {
    return this.subs.list(query);
  }

  /** Posts every spotlight due at `at` (default now); used by the scheduler and `run --once`. */
  runOnce(at: Date = this.clock.now()): Promise<RunSummary> {
    return this.runner.runOnce(at);
  }

  /** Stops taking new work and lets sends in flight finish (up to stopTimeoutMs). */
  stop(): Promise<void> {
    return this.runner.stop(this.stopTimeoutMs);
  }
}
