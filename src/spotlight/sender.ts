import type { View } from '../views/view.js';
import type { Clock, Pacer } from './clock.js';
import type { LookupResult, PostResult, PostTarget, SpotlightPoster } from './poster.js';

/** Bounded retries for temporary failures: exponential backoff with jitter, per-attempt timeout. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** An attempt that has not answered by then counts as a temporary failure. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000, attemptTimeoutMs: 10_000 };

export type SendOutcome =
  /** `found`: the message was already in the channel (an earlier send had landed); nothing was posted. */
  | { ok: true; messageId: string; attempts: number; found?: boolean }
  | { ok: false; kind: 'temporary' | 'permanent'; reason: string; attempts: number }
  /** Shutdown, or the claim's lease was lost, before a retry: nothing more was sent. */
  | { ok: false; kind: 'interrupted'; reason: string; attempts: number };

export interface SendDeps {
  clock: Clock;
  policy: RetryPolicy;
  random: () => number;
  /** Aborted at shutdown: cuts backoff and pacing waits short, never an in-flight post. */
  stopping: AbortSignal;
  pacer?: Pacer;
  /** Called before every retry; false means the claim is no longer ours, so stop. */
  beforeRetry: () => Promise<boolean>;
  onAttemptFailed: (result: Extract<PostResult, { ok: false }>) => void;
  /**
   * Looks for the message an earlier send may have posted: before the first attempt when
   * `lookupFirst` (a claim recovered from a dead run), and before every retry.
   */
  lookup?: () => Promise<LookupResult>;
  lookupFirst?: boolean;
  onLookupUnknown?: (reason: string) => void;
}

/** The delay before retry number `retry` (1-based): "equal jitter" keeps it between d/2 and d. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const d = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(d / 2 + (random() * d) / 2);
}

/** One attempt, bounded by the timeout. The poster's signal aborts when the attempt times out. */
async function attempt(poster: SpotlightPoster, target: PostTarget, view: View, claimId: string, deps: SendDeps): Promise<PostResult> {
  const attemptAbort = new AbortController();
  const timerAbort = new AbortController();
  const timeout = deps.clock.sleep(deps.policy.attemptTimeoutMs, timerAbort.signal).then(
    (): PostResult => {
      attemptAbort.abort();
      return { ok: false, kind: 'temporary', reason: `timed out after ${deps.policy.attemptTimeoutMs} ms` };
    },
    () => new Promise<PostResult>(() => {}), // cancelled: the post answered first
  );
  // Through a promise, so even a poster that throws synchronously counts as a failed attempt.
  const post = Promise.resolve()
    .then(() => poster.post(target, view, claimId, { signal: attemptAbort.signal }))
    .catch((err: unknown): PostResult => ({ ok: false, kind: 'temporary', reason: `error: ${(err as Error)?.message ?? String(err)}` }));
  try {
    return await Promise.race([post, timeout]);
  } finally {
    timerAbort.abort();
  }
}

/**
 * Sends one spotlight, retrying temporary failures with backoff up to the policy's bound.
 * A permanent failure returns at once. Retry-After is honoured when the platform gives one,
 * unless it exceeds the longest backoff: then this run gives up rather than wait.
 */
export async function sendWithRetry(poster: SpotlightPoster, target: PostTarget, view: View, claimId: string, deps: SendDeps): Promise<SendOutcome> {
  let last: Extract<PostResult, { ok: false }> | undefined;
  for (let n = 1; n <= deps.policy.maxAttempts; n++) {
    if (n > 1) {
      const wait = last?.retryAfterMs ?? backoffDelay(deps.policy, n - 1, deps.random);
      if (wait > deps.policy.maxDelayMs) {
        return { ok: false, kind: 'temporary', reason: `${last!.reason} (retry after ${wait} ms is beyond the backoff bound)`, attempts: n - 1 };
      }
      try {
        await deps.clock.sleep(wait, deps.stopping);
      } catch {
        return { ok: false, kind: 'interrupted', reason: 'shutting down', attempts: n - 1 };
      }
      if (!(await deps.beforeRetry())) return { ok: false, kind: 'interrupted', reason: 'claim lease lost', attempts: n - 1 };
    }
    // The first attempt was paced by the caller before it claimed; retries are paced here.
    if (n > 1 && deps.pacer) {
      try {
        await deps.pacer.take(deps.stopping);
      } catch {
        return { ok: false, kind: 'interrupted', reason: 'shutting down', attempts: n - 1 };
      }
    }
    if (deps.lookup && (n > 1 || deps.lookupFirst)) {
      const found = await deps.lookup().catch((err: unknown): LookupResult => ({ status: 'unknown', reason: (err as Error)?.message ?? String(err) }));
      if (found.status === 'found') return { ok: true, messageId: found.messageId, attempts: n - 1, found: true };
      // Cannot tell (no history scope, an outage): post anyway; a missed week is the worse error.
      if (found.status === 'unknown') deps.onLookupUnknown?.(found.reason);
    }
    const result = await attempt(poster, target, view, claimId, deps);
    if (result.ok) return { ok: true, messageId: result.messageId, attempts: n };
    deps.onAttemptFailed(result);
    if (result.kind === 'permanent') return { ok: false, kind: 'permanent', reason: result.reason, attempts: n };
    last = result;
  }
  return { ok: false, kind: 'temporary', reason: last?.reason ?? 'failed', attempts: deps.policy.maxAttempts };
}
