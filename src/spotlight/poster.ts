import type { ChannelKey, SpotlightPlatform } from '../store/spotlight-store.js';
import type { View } from '../views/view.js';

/**
 * What the spotlight needs from a platform, implemented by the Discord and Slack front ends. The
 * spotlight itself never imports a chat SDK, nor knows any platform's error codes.
 */

export type PostTarget = ChannelKey;

export type PostResult =
  | { ok: true; messageId: string }
  | {
      ok: false;
      /**
       * permanent: the channel is gone or the bot lost access (each poster knows its platform's
       * codes for that). The subscription is paused until someone resumes it.
       * temporary: 5xx, timeouts, rate limits; retried with backoff, a bounded number of times.
       */
      kind: 'temporary' | 'permanent';
      reason: string;
      /** The platform's Retry-After, when it gave one (429). */
      retryAfterMs?: number;
    };

export interface PostOptions {
  /** Aborted when the attempt times out or the process shuts down. */
  signal: AbortSignal;
}

/** Whether a claim's message is already in the channel (a send whose answer was lost). */
export type LookupResult = { status: 'found'; messageId: string } | { status: 'absent' } | { status: 'unknown'; reason: string };

export interface PostedQuery {
  claimId: string;
  /** The message cannot be older than this (the claim's first claiming, less clock skew). */
  since: Date;
  /** The spotlight as it would be posted (its title identifies it where no id is kept). */
  view: View;
}

export interface SpotlightPoster {
  readonly platform: SpotlightPlatform;
  /**
   * A pacing hint: the most posts per second the fan-out should start on this platform. The
   * client's own queue (discord.js REST, @slack/web-api) still enforces the real limits; this
   * keeps a 1,000-channel fan-out from spending its retries on 429s. Omit for no pacing.
   */
  readonly maxPerSecond?: number;
  /**
   * Posts the spotlight. `claimId` (≤ 25 chars) is unique per channel and week: Discord sends
   * it as the message nonce with enforce_nonce so a retried send returns the first message.
   * Should not throw; a thrown error counts as a temporary failure.
   */
  post(target: PostTarget, view: View, claimId: string, opts: PostOptions): Promise<PostResult>;
  /**
   * Looks in the channel's recent messages for the one this claim posted, before a recovered
   * claim or a retry after an unanswered attempt is sent again: Slack has no idempotency key,
   * and Discord forgets a nonce after a few minutes. Should not throw.
   */
  findPosted?(target: PostTarget, query: PostedQuery, opts: PostOptions): Promise<LookupResult>;
  /**
   * Opens the discussion thread under a post and posts its opening message, once: when
   * `recovering`, or when the platform says a thread exists, the existing one is looked up and
   * completed instead of a second one opened. Should not throw.
   */
  openThread?(target: PostTarget, start: ThreadStart, opts: PostOptions): Promise<ThreadResult>;
}

/** The discussion thread to open under a spotlight post. */
export interface ThreadStart {
  /** The spotlight post's id (Discord message id, Slack ts). */
  messageId: string;
  claimId: string;
  name: string;
  /** The opening message: one question about the role. */
  view: View;
  /** A run may already have opened it (a crash, a lost answer): look before creating. */
  recovering: boolean;
}

/** `threadId`: Discord's thread channel, Slack's first reply ts; `found`: it was there already. */
export type ThreadResult = { ok: true; threadId: string; found?: boolean } | Extract<PostResult, { ok: false }>;

export type PostCheck = { ok: true } | { ok: false; reason: string };

/** The check a front end supplies at subscribe time: can the bot post in this channel? */
export type CanPost = (target: PostTarget) => Promise<PostCheck>;

/** A poster's pace: its platform's default, another rate, or null for none (tests, benchmarks). */
export function pacing(given: number | null | undefined, platformDefault: number): number | undefined {
  return given === null ? undefined : (given ?? platformDefault);
}
