import type { Difficulty, LayerCode, RoleId } from '../core/schema/common.js';
import type { SpotlightPlatform } from '../platforms/names.js';

/**
 * Persistence for the weekly role spotlight: channel subscriptions and the per-week claims that
 * make posting exactly-once. Async like the rest of the Store; implemented in ./sqlite/ and
 * ./postgres/.
 */

/** The platforms a channel can subscribe on: the `platform` column's CHECK constraint allows exactly these. */
export type { SpotlightPlatform };

/** A channel: Discord guild + channel, or Slack team + channel. */
export interface ChannelKey {
  platform: SpotlightPlatform;
  workspaceId: string;
  channelId: string;
}

export interface SpotlightFilter {
  layer?: LayerCode;
  difficulty?: Difficulty;
}

export interface SubscriptionSettings {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  /** Local wall-clock time, "HH:MM" (24 h). */
  localTime: string;
  /** IANA timezone, e.g. "Europe/London"; "UTC" when the channel chose none. */
  timezone: string;
  filter: SpotlightFilter;
}

export type SubscriptionStatus = 'active' | 'paused';

export interface Subscription extends ChannelKey, SubscriptionSettings {
  id: number;
  status: SubscriptionStatus;
  pausedReason?: string;
  pausedAt?: Date;
  createdBy: string;
  createdAt: Date;
  /** Seeds the channel's shuffled order; fixed for the life of the subscription. */
  rotationSeed: number;
  /** The rotation cycle the channel is in (0 first); each cycle shows every eligible role once. */
  rotationCycle: number;
  /** Each weekly post opens a discussion thread with one question about its role. */
  thread: boolean;
}

export interface NewSubscription extends ChannelKey, SubscriptionSettings {
  createdBy: string;
  rotationSeed: number;
  /** Left out: a new subscription opens no thread, an existing one keeps its choice. */
  thread?: boolean;
}

export interface SubscriptionQuery {
  platform?: SpotlightPlatform;
  workspaceId?: string;
  status?: SubscriptionStatus;
}

export interface SubscriptionStore {
  /**
   * Subscribes the channel, or updates the schedule and filter of its subscription. A channel
   * that unsubscribed earlier gets its old row back, so its rotation and this week's claim
   * still count (re-subscribing never yields a second post in a week).
   */
  upsert(sub: NewSubscription, at: Date): Promise<{ subscription: Subscription; created: boolean }>;
  get(channel: ChannelKey): Promise<Subscription | undefined>;
  byId(id: number): Promise<Subscription | undefined>;
  list(query?: SubscriptionQuery): Promise<Subscription[]>;
  /** Unsubscribes; false when the channel had no subscription. */
  remove(id: number, at: Date): Promise<boolean>;
  /** Pauses an active subscription; false when it was not active. */
  pause(id: number, reason: string, at: Date): Promise<boolean>;
  /**
   * Resumes a paused subscription. A claim for `rearmWeek` that failed (say, while the bot
   * lacked access) may then be claimed again, under the same id.
   */
  resume(id: number, rearmWeek?: string): Promise<boolean>;
  countPaused(): Promise<number>;
}

export type ClaimState = 'claimed' | 'sent' | 'failed';
export type FailureKind = 'temporary' | 'permanent' | 'abandoned';

/** One subscription's spotlight for one week: at most one exists (a unique constraint). */
export interface Claim {
  /** ≤ 25 characters: it is Discord's message nonce. */
  id: string;
  subscriptionId: number;
  /** The channel's local ISO week of the slot, "2026-W14". */
  weekKey: string;
  roleId: RoleId;
  cycle: number;
  state: ClaimState;
  /** The process holding the claim while it sends. */
  owner: string;
  claimedAt: Date;
  /** Past this instant a 'claimed' claim is presumed abandoned by a crash. */
  leaseUntil: Date;
  attempts: number;
  /** Times the claim was taken over after its owner vanished (at most 1). */
  recoveries: number;
  /** A failed claim that `resume` re-armed: the next `acquire` for its week wins it again. */
  retryAllowed: boolean;
  sentAt?: Date;
  messageId?: string;
  failureKind?: FailureKind;
  failureReason?: string;
  failedAt?: Date;
  /** The discussion thread's step: undefined when none was asked for (see migration 6). */
  threadState?: ThreadState;
  /** Discord: the thread channel's id; Slack: the ts of the thread's first reply. */
  threadId?: string;
  threadAttempts: number;
  threadFailure?: string;
}

export type ThreadState = 'opening' | 'opened' | 'failed';

/** markSent's record of the platform's acceptance; `threadLeaseUntil` also starts the thread step, held until then. */
export interface SentMark {
  messageId: string;
  attempts: number;
  at: Date;
  threadLeaseUntil?: Date;
}

export interface ClaimRequest {
  id: string;
  subscriptionId: number;
  weekKey: string;
  roleId: RoleId;
  cycle: number;
  owner: string;
  at: Date;
  leaseUntil: Date;
}

export type AcquireResult = { won: true; claim: Claim } | { won: false; existing: Claim };

export interface RotationState {
  seed: number;
  cycle: number;
  /** Roles already shown (or being shown) in the current cycle; failed sends do not count. */
  seen: RoleId[];
  /** The most recent role shown, to avoid a back-to-back repeat across a cycle boundary. */
  lastRoleId?: RoleId;
}

export interface ClaimStore {
  /**
   * Atomically claims the week for the subscription. Only one caller, in any process, wins;
   * the others get the existing claim. A failed claim re-armed by `resume` is won again.
   */
  acquire(req: ClaimRequest): Promise<AcquireResult>;
  get(subscriptionId: number, weekKey: string): Promise<Claim | undefined>;
  /** Lets the next `acquire` win this week's failed claim again (a manager asked to post now). */
  rearm(subscriptionId: number, weekKey: string): Promise<boolean>;
  /** Records the platform's acceptance. Wins over 'failed' too: a post that landed is the truth. */
  markSent(id: string, done: SentMark): Promise<boolean>;
  /** Sent claims whose thread step is 'opening' with its lease ended: a run crashed or failed before opening it. */
  threadsDue(now: Date): Promise<Claim[]>;
  /** Takes a due thread step for one try (lease until `leaseUntil`); false when another run took it. */
  takeThread(id: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Records the opened thread. */
  threadOpened(id: string, threadId: string): Promise<boolean>;
  /** A try failed: hand it to the next run at once, or give up (`final`) with the reason. */
  threadFailed(id: string, reason: string, at: Date, final: boolean): Promise<boolean>;
  /** Fails the owner's in-flight claim; never overwrites 'sent'. */
  markFailed(id: string, owner: string, failure: { kind: FailureKind; reason: string; attempts: number; at: Date }): Promise<boolean>;
  /**
   * Moves the owner's lease: forward before a retry, or to now at shutdown mid-backoff so
   * recovery picks the claim up. False when the claim is no longer the owner's in-flight claim.
   */
  setLease(id: string, owner: string, until: Date): Promise<boolean>;
  /** In-flight claims whose lease ended before `now`: their owner crashed or was killed. */
  stale(now: Date): Promise<Claim[]>;
  /** Every claim still 'claimed' (in flight somewhere, or left by a crash), oldest first. */
  inFlight(): Promise<Claim[]>;
  /**
   * Takes over an in-flight claim for its one retry, when its lease has ended or, with
   * `deadOwner`, when it is still held by exactly that owner (one this process proved dead).
   * Keeps `claimedAt`, so a lookup for a message the dead owner may have posted starts there.
   * Undefined if someone else took it or it had its retry.
   */
  takeOver(id: string, owner: string, at: Date, leaseUntil: Date, deadOwner?: string): Promise<Claim | undefined>;
  /**
   * Fails an in-flight claim that will not be posted (its retry is used up, or its week is
   * over), under the same condition as takeOver. Its role is not "shown", so it goes back into
   * the rotation.
   */
  abandon(id: string, reason: string, at: Date, deadOwner?: string): Promise<boolean>;
  rotation(subscriptionId: number): Promise<RotationState>;
  /** Most recent first. */
  history(subscriptionId: number, limit: number): Promise<Claim[]>;
}

export interface SpotlightStore {
  readonly subscriptions: SubscriptionStore;
  readonly claims: ClaimStore;
}
