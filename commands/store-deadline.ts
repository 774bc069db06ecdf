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

/** `work`'s result, or a StoreDeadlineError after `ms`; the work itself goes on, its late result dropped. */
export function withDeadline<T>(work: Promise<T>, ms = STORE_READ_BUDGET_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreDeadlineError(ms)), ms);
    timer.unref();
  });
  // A rejection after the deadline must not go unhandled.
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
