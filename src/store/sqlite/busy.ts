import { setTimeout as sleep } from 'node:timers/promises';

/**
 * better-sqlite3 is synchronous: while SQLite waits for another connection's write lock, the
 * whole event loop waits with it (with busy_timeout=5000 one mention froze the bot for 10 s).
 * So SQLite does not wait at all (`BUSY_WAIT_MS`), and a busy statement is retried here, after
 * an asynchronous back-off that lets acknowledgements, /healthz and every other request run.
 * (Even a 20 ms wait adds up: ten calls retrying together kept the loop blocked most of the time.)
 */

/** How long one statement may hold the event loop waiting for a lock: not at all. */
export const BUSY_WAIT_MS = 0;

export interface BusyRetryPolicy {
  /** Give up (and fail the call) after this long. */
  deadlineMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Longer than any write another RoleCall process holds the lock for; shorter than a user waits. */
export const DEFAULT_BUSY_RETRY: BusyRetryPolicy = { deadlineMs: 10_000, firstDelayMs: 5, maxDelayMs: 100 };

/** SQLite's "someone else holds the lock" codes (extended ones such as SQLITE_BUSY_SNAPSHOT too). */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Failures that mean the database cannot take writes: full, read-only, moved or deleted, I/O. */
export function isStorageFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/.test(code);
}

export class DatabaseBusyError extends Error {
  readonly code = 'ROLECALL_DB_BUSY';
  constructor(waitedMs: number, options?: ErrorOptions) {
    super(`the database stayed locked by another connection for ${waitedMs} ms`, options);
    this.name = 'DatabaseBusyError';
  }
}

/** Runs `op` (one whole store call, so a rolled-back transaction is retried whole) until it is not busy. */
export async function retryWhileBusy<T>(op: () => Promise<T>, policy: BusyRetryPolicy = DEFAULT_BUSY_RETRY): Promise<T> {
  const started = Date.now();
  let delay = policy.firstDelayMs;
  for (;;) {
    try {
      return await op();
    } catch (err) {
      if (!isBusy(err)) throw err;
      const waited = Date.now() - started;
      if (waited >= policy.deadlineMs) throw new DatabaseBusyError(waited, { cause: err });
      // Jitter spreads competing retries so they do not collide again.
      await sleep(Math.min(delay, policy.deadlineMs - waited) * (0.5 + Math.random() / 2));
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

/**
 * The same object, every method retried while busy. Store methods are async, so a lock
 * surfaces as a rejected promise; `onOutcome` sees every final result, for health. `before`
 * runs ahead of every call and may throw to refuse it (the database file is gone).
 */
export function withBusyRetry<T extends object>(target: T, onOutcome: (err?: unknown) => void, policy?: BusyRetryPolicy, before?: () => void): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        retryWhileBusy(async () => {
          before?.();
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        }, policy).then(
          (result) => {
            onOutcome();
            return result;
          },
          (err: unknown) => {
            onOutcome(err);
            throw err;
          },
        );
    },
  });
}
