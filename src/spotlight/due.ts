import type { Claim, Subscription } from '../store/spotlight-store.js';
import { dueSlot, slotInFollowingWeek, slotInWeekOf, weekKeyAt, type SlotInWeek } from './schedule.js';

/**
 * When a subscription's spotlight is due: the one rule `add`, `status`, `preview` and every run
 * share, so they can never disagree about which week comes next.
 *
 * A week counts only if the subscription existed at its slot. One made after this week's slot
 * (Sunday evening, with the default Monday 15:00) starts next week; it is not "caught up" at
 * once, which would post two spotlights a few hours apart across the week boundary.
 */

type Schedule = Pick<Subscription, 'dayOfWeek' | 'localTime' | 'timezone' | 'createdAt'>;

/** This week's slot if the subscription existed at it and it has come; otherwise undefined. */
export function dueFor(sub: Schedule, at: Date): SlotInWeek | undefined {
  const slot = dueSlot(sub, at);
  return slot && slot.at.getTime() >= sub.createdAt.getTime() ? slot : undefined;
}

/**
 * The week whose spotlight comes next: this week's (possibly already due, a catch-up) unless
 * this week is settled (a claim exists that is not re-armed) or began before the subscription.
 */
export function upcomingSlot(sub: Schedule, now: Date, thisWeek: Claim | undefined): SlotInWeek {
  const week = slotInWeekOf(sub, now);
  const settled = thisWeek !== undefined && !thisWeek.retryAllowed;
  return settled || week.at.getTime() < sub.createdAt.getTime() ? slotInFollowingWeek(sub, now) : week;
}

/**
 * A run for the moment `at` (CLI `--at`) may only act on the channel's current week, up to now:
 * posting an older week late, or anything early, is refused. Returns why, or undefined when allowed.
 */
export function outsideCurrentWeek(timezone: string, at: Date, now: Date): string | undefined {
  // A minute of slack for clocks that disagree a little; beyond it, "at" would post early.
  if (at.getTime() > now.getTime() + 60_000) return `${at.toISOString()} is in the future (it is ${now.toISOString()}); nothing is posted ahead of its time`;
  const asked = weekKeyAt(at, timezone);
  const current = weekKeyAt(now, timezone);
  if (asked === current) return undefined;
  return asked < current
    ? `${asked} is over in ${timezone} (it is ${current} now); an earlier week is never posted late`
    : `${asked} has not started in ${timezone} (it is ${current} now); a week is never posted early`;
}
