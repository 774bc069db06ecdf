import type { Logger } from '../observability/logger.js';
import type { Store } from '../store/store.js';

/**
 * Keeps the store's bookkeeping tables bounded: the event log grows on every mention and Home-tab
 * open, and thread comparisons on every new thread. Platforms stop redelivering an event within
 * hours, so a day of event ids is plenty; a thread nobody has touched for 90 days is over.
 * /ask's conversation contexts carry their own expiry (30 minutes); expired ones go here too.
 * A saved profile nobody has touched (set, learned, forgot) for 12 months is personal data kept
 * for no one: it goes too (README "Privacy" promises this).
 */
export const RETENTION = {
  eventsMs: 24 * 3_600_000,
  threadsMs: 90 * 86_400_000,
  profilesMs: 365 * 86_400_000,
  /** How often the prune runs (and once at start). */
  everyMs: 3_600_000,
} as const;

export interface PruneResult {
  events: number;
  threads: number;
  conversations: number;
  profiles: number;
}

/** Drops what has outlived its retention at `now`. */
export async function pruneStore(store: Store, now: Date = new Date()): Promise<PruneResult> {
  const events = await store.events.prune(new Date(now.getTime() - RETENTION.eventsMs));
  const threads = await store.threads.prune(new Date(now.getTime() - RETENTION.threadsMs));
  const conversations = await store.conversations.prune(now);
  const profiles = await store.profiles.prune(new Date(now.getTime() - RETENTION.profilesMs));
  return { events, threads, conversations, profiles };
}

/** Prunes now and then every hour until stopped (stop waits for a prune in flight); a failure is logged and retried next time. */
export function scheduleStorePruning(store: Store, logger: Logger, everyMs: number = RETENTION.everyMs): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= pruneStore(store)
      .then((pruned) => logger.info({ ...pruned }, 'store pruned'))
      .catch((err: unknown) => logger.warn({ err }, 'store prune failed; retrying at the next interval'))
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
