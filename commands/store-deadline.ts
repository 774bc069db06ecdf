/**
 * A store read an answer makes before answering (a conversation's context, a saved profile, the
 * event log's "seen before?") waits at most this long: past it the answer goes without that
 * context, well within the platforms' 3 s. A healthy store answers in milliseconds.
 */
export const STORE_READ_BUDGET_MS = 1_000;

export class StoreDeadlineError extends Error {
  constructor(ms: number) {
    super(`the store did not answer within ${ms} ms`);
    this.name = 'StoreDeadlineError';
  }
}

/**
 * After a read misses its deadline, reads in the next moment give up at once: one answer makes
 * several reads (the replay check, the settings, the context, the profile), and each waiting out
 * its own budget on a stalled store would add up past the platforms' 3 s. Any read that answers
 * in time ends this early.
 */
const STALLED_FOR_MS = 2_000;
let stalledUntil = 0;

/** `work`'s result, or a StoreDeadlineError after `ms` (at once while the store was just found stalled); the work itself goes on, its late result dropped. */
export function withDeadline<T>(work: Promise<T>, ms = STORE_READ_BUDGET_MS): Promise<T> {
  // A rejection after the deadline must not go unhandled.
  work.catch(() => undefined);
  if (Date.now() < stalledUntil) return Promise.reject(new StoreDeadlineError(0));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stalledUntil = Date.now() + STALLED_FOR_MS;
      reject(new StoreDeadlineError(ms));
    }, ms);
    timer.unref();
  });
  const answered = () => {
    stalledUntil = 0;
  };
  const inTime = work.then(
    (value) => {
      answered();
      return value;
    },
    (err: unknown) => {
      answered();
      throw err;
    },
  );
  return Promise.race([inTime, late]).finally(() => clearTimeout(timer));
}
