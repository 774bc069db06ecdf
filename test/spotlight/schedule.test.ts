import { describe, expect, it } from 'vitest';
import {
  dueSlot,
  instantOfWall,
  isValidTimezone,
  canonicalTimezone,
  nextSlotAfter,
  slotInWeekOf,
  weekKeyAt,
  type WeeklySlot,
} from '../../src/spotlight/schedule.js';

const MIN = 60_000;
const iso = (s: string) => new Date(s).toISOString();

/**
 * Walks a fake clock minute by minute and returns every instant at which the slot became due
 * for a week it was not yet due in: exactly what the minute tick + unique week claim would post.
 */
function postsBetween(slot: WeeklySlot, from: string, to: string): Array<{ at: string; weekKey: string }> {
  const posted = new Set<string>();
  const out: Array<{ at: string; weekKey: string }> = [];
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += MIN) {
    const due = dueSlot(slot, new Date(t));
    if (due && !posted.has(due.weekKey)) {
      posted.add(due.weekKey);
      out.push({ at: new Date(t).toISOString(), weekKey: due.weekKey });
    }
  }
  return out;
}

describe('weekly slots', () => {
  it('defaults to the local ISO week: Monday 15:00 UTC', () => {
    const slot = { dayOfWeek: 1, localTime: '15:00', timezone: 'UTC' };
    expect(slotInWeekOf(slot, new Date('2026-04-08T10:00Z'))).toEqual({ weekKey: '2026-W15', at: new Date('2026-04-06T15:00Z') });
    expect(dueSlot(slot, new Date('2026-04-06T14:59Z'))).toBeUndefined();
    expect(dueSlot(slot, new Date('2026-04-06T15:00Z'))?.weekKey).toBe('2026-W15');
    // Due for the rest of the week (catch-up), never for an earlier one.
    expect(dueSlot(slot, new Date('2026-04-12T23:59Z'))?.weekKey).toBe('2026-W15');
  });

  it('uses ISO week-numbering years at the turn of the year', () => {
    expect(weekKeyAt(new Date('2026-12-31T12:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKeyAt(new Date('2027-01-03T12:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKeyAt(new Date('2027-01-04T00:00Z'), 'UTC')).toBe('2027-W01');
    expect(weekKeyAt(new Date('2025-12-29T00:00Z'), 'UTC')).toBe('2026-W01');
  });

  it('takes the week from the channel’s local date, not UTC’s', () => {
    // Monday 08:00 in Auckland is still Sunday in UTC: a different ISO week there.
    const at = new Date('2026-04-12T20:00Z');
    expect(weekKeyAt(at, 'UTC')).toBe('2026-W15');
    expect(weekKeyAt(at, 'Pacific/Auckland')).toBe('2026-W16');
    const slot = { dayOfWeek: 1, localTime: '08:00', timezone: 'Pacific/Auckland' };
    expect(slotInWeekOf(slot, at)).toEqual({ weekKey: '2026-W16', at: new Date('2026-04-12T20:00Z') });
    // Already Monday 01:30 in Kolkata too, so its Friday slot is the coming one, not last week's.
    expect(slotInWeekOf({ dayOfWeek: 5, localTime: '17:30', timezone: 'Asia/Kolkata' }, at).at).toEqual(new Date('2026-04-17T12:00Z'));
  });

  it('finds the next slot strictly after an instant', () => {
    const slot = { dayOfWeek: 1, localTime: '15:00', timezone: 'Europe/London' };
    expect(iso(nextSlotAfter(slot, new Date('2026-04-06T13:59Z')).at.toISOString())).toBe('2026-04-06T14:00:00.000Z');
    expect(nextSlotAfter(slot, new Date('2026-04-06T14:00Z'))).toEqual({ weekKey: '2026-W16', at: new Date('2026-04-13T14:00Z') });
  });

  it('validates and canonicalises timezones; rejects a malformed time', () => {
    expect(isValidTimezone('Europe/London')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
    expect(canonicalTimezone('utc')).toBe('UTC');
    expect(() => slotInWeekOf({ dayOfWeek: 1, localTime: '25:00', timezone: 'UTC' }, new Date())).toThrow(/HH:MM/);
  });
});

describe('daylight saving: exactly one post per week', () => {
  it('America/New_York spring forward: 02:30 does not exist, posts at 03:00 EDT', () => {
    const slot = { dayOfWeek: 7, localTime: '02:30', timezone: 'America/New_York' };
    expect(postsBetween(slot, '2026-03-08T00:00Z', '2026-03-09T12:00Z')).toEqual([{ at: '2026-03-08T07:00:00.000Z', weekKey: '2026-W10' }]);
  });

  it('America/New_York fall back: 01:30 happens twice, posts at the first (EDT)', () => {
    const slot = { dayOfWeek: 7, localTime: '01:30', timezone: 'America/New_York' };
    expect(postsBetween(slot, '2026-11-01T00:00Z', '2026-11-02T12:00Z')).toEqual([{ at: '2026-11-01T05:30:00.000Z', weekKey: '2026-W44' }]);
  });

  it('Europe/London spring forward and fall back', () => {
    const slot = { dayOfWeek: 7, localTime: '01:30', timezone: 'Europe/London' };
    // 01:00 GMT jumps to 02:00 BST: the first valid instant after 01:30 is 02:00 BST = 01:00Z.
    expect(postsBetween(slot, '2026-03-28T12:00Z', '2026-03-30T00:00Z')).toEqual([{ at: '2026-03-29T01:00:00.000Z', weekKey: '2026-W13' }]);
    // 01:30 BST (00:30Z) and 01:30 GMT (01:30Z): once, at the first.
    expect(postsBetween(slot, '2026-10-24T12:00Z', '2026-10-26T00:00Z')).toEqual([{ at: '2026-10-25T00:30:00.000Z', weekKey: '2026-W43' }]);
  });

  it('Australia/Sydney (southern hemisphere): April overlap and October gap', () => {
    const slot = { dayOfWeek: 7, localTime: '02:30', timezone: 'Australia/Sydney' };
    // 03:00 AEDT falls back to 02:00 AEST on 5 April: 02:30 AEDT = 15:30Z on the 4th.
    expect(postsBetween(slot, '2026-04-04T00:00Z', '2026-04-06T00:00Z')).toEqual([{ at: '2026-04-04T15:30:00.000Z', weekKey: '2026-W14' }]);
    // 02:00 AEST jumps to 03:00 AEDT on 4 October: posts at 03:00 AEDT = 16:00Z on the 3rd.
    expect(postsBetween(slot, '2026-10-03T00:00Z', '2026-10-05T00:00Z')).toEqual([{ at: '2026-10-03T16:00:00.000Z', weekKey: '2026-W40' }]);
  });

  it('keeps the local hour across a transition: 15:00 Mondays either side of a DST change', () => {
    const slot = { dayOfWeek: 1, localTime: '15:00', timezone: 'America/New_York' };
    const posts = postsBetween(slot, '2026-03-02T06:00Z', '2026-03-17T00:00Z');
    expect(posts.map((p) => p.at)).toEqual(['2026-03-02T20:00:00.000Z', '2026-03-09T19:00:00.000Z', '2026-03-16T19:00:00.000Z']);
  });

  it('resolves a gap at midnight (America/Santiago) to the first valid instant', () => {
    // Chile springs forward at 00:00 → 01:00 on 6 Sept 2026.
    expect(new Date(instantOfWall(Date.UTC(2026, 8, 6, 0, 30), 'America/Santiago')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});
