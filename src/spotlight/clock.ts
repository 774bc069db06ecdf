import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time, injected: the scheduler, leases, backoff and pacing read it, so tests can drive weeks
 * of schedule in milliseconds with a fake one.
 */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`; rejects with an AbortError when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function abortError(): Error {
  const err = new Error('aborted');
  err.name = 'AbortError';
  return err;
}

export const systemClock: Clock = {
  now: () => new Date(),
  // Node's abortable timer: it rejects with an AbortError when the signal aborts first.
  sleep: (ms, signal) => delay(Math.max(0, ms), undefined, signal ? { signal } : {}),
};

/** Paces starts to at most `perSecond` per second on a clock: evenly spaced, no burst. */
export class Pacer {
  private nextAt = 0;
  private readonly spacingMs: number;

  constructor(
    perSecond: number,
    private readonly clock: Clock,
  ) {
    this.spacingMs = 1000 / perSecond;
  }

  async take(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now().getTime();
    const at = Math.max(now, this.nextAt);
    // Reserve the slot before sleeping, so concurrent callers queue up behind one another.
    this.nextAt = at + this.spacingMs;
    if (at > now) await this.clock.sleep(at - now, signal);
  }
}
