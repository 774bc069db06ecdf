import type { Claim, ChannelKey, SpotlightFilter, Subscription } from '../store/spotlight-store.js';
import type { PostOutcome } from './run-types.js';

/**
 * What SpotlightService's management calls answer: facts, never words. /spotlight (on every
 * front end, the CLI included) turns them into Views in commands/spotlight-views.ts.
 */

/** Why a management call changed nothing. */
export type ManageProblem =
  /** The subscribe settings did not validate; `detail` names each problem. */
  | { kind: 'invalid-input'; detail: string }
  /** No role passes the filter (subscribe), or none is left to show (preview). */
  | { kind: 'no-matching-role'; filter: SpotlightFilter }
  /** The platform said the bot cannot post in the channel, or the check failed. */
  | { kind: 'cannot-post'; reason: string }
  | { kind: 'not-subscribed' }
  | { kind: 'already-paused' }
  | { kind: 'not-paused' }
  /** Post now asked of a paused subscription. */
  | { kind: 'paused' }
  /** Post now asked of a process with no poster for the channel's platform. */
  | { kind: 'no-poster' };

/** A call that changed nothing, and the subscription it found, if any. */
export interface Refused {
  ok: false;
  problem: ManageProblem;
  subscription?: Subscription;
}

/** Unsubscribe, pause, resume. */
export type ManageResult = { ok: true; subscription: Subscription } | Refused;

export type SubscribeResult =
  | {
      ok: true;
      subscription: Subscription;
      /** False: an existing subscription was updated. */
      created: boolean;
      /** When the next spotlight is due; `dueNow` when that is already past (this week's, catching up). */
      next: Date;
      dueNow: boolean;
    }
  | Refused;

/** The role the channel gets next, without claiming anything. */
export type PreviewResult = { ok: true; subscription: Subscription; roleId: string; weekKey: string; dueAt: Date } | Refused;

/** Post now: `ok` when this call posted. */
export type PostNowResult = { ok: boolean; subscription: Subscription; outcome: PostOutcome } | Refused;

export interface SpotlightStatus {
  channel: ChannelKey;
  subscription?: Subscription;
  /** The next slot, in the channel's zone. */
  next?: { weekKey: string; at: Date };
  /** This week's claim, if any. */
  thisWeek?: Claim;
  recent: Claim[];
  /** Progress through the current rotation cycle. */
  cycle?: { number: number; shown: number; eligible: number };
  /** False when this process has no poster for the platform (e.g. the CLI without a token). */
  canSend: boolean;
}
