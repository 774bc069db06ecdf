import type { Core } from '../core/index.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Claim, SpotlightStore, Subscription } from '../store/spotlight-store.js';
import type { Clock } from './clock.js';
import type { RetryPolicy } from './sender.js';

/**
 * What a spotlight run takes and reports: the contract between the runner (runner.ts), crash
 * recovery (recovery.ts) and the service, in a module of its own so neither imports the other's types.
 */

export interface RunnerDeps {
  store: SpotlightStore;
  core: Core;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  concurrency: number;
  policy: RetryPolicy;
  leaseMs: number;
  /** This process's identity on the claims it holds. */
  owner: string;
  random: () => number;
  newClaimId: () => string;
  /**
   * Start each fan-out at a random channel instead of the first: replicas sharing a database
   * then claim different channels instead of racing for the same ones in the same order.
   */
  spreadStart?: boolean;
  /**
   * Wait this long before looking for the message of a claim whose owner was just proved dead:
   * a request it wrote just before dying may still be on its way to the platform.
   */
  recoveryGraceMs: number;
}

export type OutcomeStatus = 'posted' | 'skipped' | 'failed';

export interface PostOutcome {
  subscriptionId: number;
  weekKey: string;
  status: OutcomeStatus;
  roleId?: string;
  claimId?: string;
  messageId?: string;
  reason?: string;
  /** The failure paused the subscription (the bot lost the channel). */
  paused?: boolean;
  /** A recovered claim whose message was already in the channel: marked sent, not posted again. */
  alreadyPosted?: boolean;
}

/** A claim another live run is sending: left alone until `until` (its lease). */
export interface HeldClaim {
  subscriptionId: number;
  weekKey: string;
  claimId: string;
  /** "pid 4242 on host-a" */
  holder: string;
  until: Date;
}

export interface RunSummary {
  at: Date;
  due: number;
  posted: number;
  skipped: number;
  failed: number;
  /** Claims abandoned by a crashed process that this run took over and retried. */
  recovered: number;
  /** Claims in flight in another live run, which this run left alone. */
  held: HeldClaim[];
  outcomes: PostOutcome[];
}

export interface WorkItem {
  sub: Subscription;
  weekKey: string;
  /** Set when the claim is already ours (taken over from a crashed process). */
  claim?: Claim;
  /** Taken over from a dead run: its message may already be in the channel. */
  recovered?: boolean;
}
