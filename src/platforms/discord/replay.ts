import type { Logger } from '../../observability/logger.js';
import type { EventLog } from '../../store/store.js';
import { StoreDeadlineError, withDeadline } from '../../app/store-deadline.js';

/**
 * A signed interaction can be replayed: Discord's signature covers the body and a timestamp,
 * and nothing stops the same body being POSTed again (to this replica or another). Each
 * interaction id is remembered in the Store's event log, shared by every replica and kept a day
 * (longer than the token's 15 minutes), so a replay is refused.
 *
 * The check must never cost an answer: if the store does not answer within `budgetMs` (down,
 * or stalled), the interaction is treated as new.
 */
export const REPLAY_CHECK_BUDGET_MS = 500;

export async function isReplay(events: EventLog, interactionId: string, log: Logger, budgetMs = REPLAY_CHECK_BUDGET_MS): Promise<boolean> {
  try {
    return !(await withDeadline(events.firstSeen('discord-interaction', interactionId), budgetMs));
  } catch (err) {
    if (err instanceof StoreDeadlineError) log.warn({ budgetMs }, 'interaction replay check skipped: the store did not answer in time');
    else log.warn({ err }, 'interaction replay check skipped: the store failed');
    return false;
  }
}
