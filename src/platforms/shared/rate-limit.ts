/**
 * Questions per person per minute, in this process. Not in the Store: a question costs no
 * database round trip this way, and what the limit is for (a person or a script flooding a
 * channel, two bots egging each other on) is stopped just as well by a per-replica count; with
 * N replicas behind a load balancer a person gets at most N × the limit, still bounded.
 */

export interface RateLimit {
  max: number;
  windowMs: number;
}

/** 10 questions a minute: more than anyone types, fewer than any loop sends. */
export const QUESTION_RATE: RateLimit = { max: 10, windowMs: 60_000 };

/** What the limiter says about one more question: go ahead, tell them once, or stay silent. */
export type RateVerdict = { kind: 'ok' } | { kind: 'notice'; retryInMs: number } | { kind: 'silent' };

interface Window {
  start: number;
  count: number;
  noticed: boolean;
}

/** A fixed window per person; the first question over the limit gets a notice, later ones silence until the window passes. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: RateLimit = QUESTION_RATE,
    private readonly now: () => number = Date.now,
  ) {}

  take(person: string): RateVerdict {
    const now = this.now();
    if (this.windows.size > 10_000) this.sweep(now);
    let w = this.windows.get(person);
    if (!w || now - w.start >= this.limit.windowMs) {
      w = { start: now, count: 0, noticed: false };
      this.windows.set(person, w);
    }
    w.count++;
    if (w.count <= this.limit.max) return { kind: 'ok' };
    if (w.noticed) return { kind: 'silent' };
    w.noticed = true;
    return { kind: 'notice', retryInMs: w.start + this.limit.windowMs - now };
  }

  /** Drops finished windows, so memory follows the people asking this minute, not everyone ever. */
  private sweep(now: number): void {
    for (const [person, w] of this.windows) if (now - w.start >= this.limit.windowMs) this.windows.delete(person);
  }
}
