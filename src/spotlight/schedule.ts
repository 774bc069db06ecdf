/**
 * Weekly slots in a channel's own timezone, with no dependency beyond Intl. All functions are
 * pure: they take the instant to reason about instead of reading a clock.
 *
 * A slot is "day D at HH:MM local". Its week is the local ISO week, so the week key of a slot
 * never depends on the server's timezone. Daylight saving:
 *  - a local time skipped by a gap (spring forward) happens at the first valid instant after
 *    it: the transition itself;
 *  - a local time repeated by an overlap (fall back) happens at its first occurrence.
 * Either way there is exactly one slot instant per week, and the claim's unique (subscription,
 * week) key makes the second occurrence of an overlap a no-op.
 */

export interface WeeklySlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  /** "HH:MM", 24-hour. */
  localTime: string;
  timezone: string;
}

export interface SlotInWeek {
  /** The local ISO week, "2026-W14". */
  weekKey: string;
  /** The instant the spotlight is due. */
  at: Date;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Creating a DateTimeFormat is costly; the scheduler asks the same few zones every minute.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a timezone Intl knows ("Europe/London", "UTC"). */
export function isValidTimezone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a valid timezone ("utc" → "UTC"). */
export function canonicalTimezone(timeZone: string): string {
  return formatter(timeZone).resolvedOptions().timeZone;
}

/**
 * The local wall-clock reading at an instant, expressed as a UTC timestamp ("wall ms"): the
 * milliseconds at which a UTC clock would show the same date and time.
 */
export function wallMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const hour = parts.hour === 24 ? 0 : parts.hour!; // older ICU spells midnight "24" in h23
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, hour, parts.minute!, parts.second!);
  return wall + (((instant % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
export function offsetMs(instant: number, timeZone: string): number {
  return wallMs(instant, timeZone) - instant;
}

/**
 * The instant a local wall time happens: the earliest one in an overlap, the transition
 * (first valid instant after) in a gap.
 */
export function instantOfWall(wall: number, timeZone: string): number {
  // Offsets on either side of any transition near `wall`; zones change offset at most once a day.
  const offsets = new Set([offsetMs(wall - DAY, timeZone), offsetMs(wall, timeZone), offsetMs(wall + DAY, timeZone)]);
  const candidates = [...offsets].map((o) => wall - o);
  const valid = candidates.filter((t) => wallMs(t, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  // A gap: the wall time never happens. Find the first instant whose wall time is past it.
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** ISO week of a calendar date given as a UTC-midnight timestamp: { year, week }. */
export function isoWeek(dateMs: number): { year: number; week: number } {
  const d = new Date(dateMs);
  const weekday = d.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  const thursday = new Date(dateMs + (4 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { year, week };
}

export function formatWeekKey(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function parseLocalTime(localTime: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(localTime);
  if (!m) throw new RangeError(`expected a local time "HH:MM", got "${localTime}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Midnight (as wall ms) of the local ISO week's Monday that contains the instant. */
function localMonday(instant: number, timeZone: string): number {
  const wall = wallMs(instant, timeZone);
  const midnight = wall - (((wall % DAY) + DAY) % DAY);
  const weekday = new Date(midnight).getUTCDay() || 7;
  return midnight - (weekday - 1) * DAY;
}

/** The local ISO week an instant falls in, in the given timezone. */
export function weekKeyAt(instant: Date, timeZone: string): string {
  const monday = localMonday(instant.getTime(), timeZone);
  const { year, week } = isoWeek(monday);
  return formatWeekKey(year, week);
}

/** The slot of the local week that contains `instant`. */
export function slotInWeekOf(slot: WeeklySlot, instant: Date): SlotInWeek {
  const { hour, minute } = parseLocalTime(slot.localTime);
  const monday = localMonday(instant.getTime(), slot.timezone);
  const { year, week } = isoWeek(monday);
  const wall = monday + (slot.dayOfWeek - 1) * DAY + hour * 60 * MINUTE + minute * MINUTE;
  return { weekKey: formatWeekKey(year, week), at: new Date(instantOfWall(wall, slot.timezone)) };
}

/**
 * Is the week's spotlight due at `instant`? Due from the slot until the local week ends, so
 * a process that was down at the slot still posts this week's spotlight (catch-up); an
 * earlier week is never due again.
 */
export function dueSlot(slot: WeeklySlot, instant: Date): SlotInWeek | undefined {
  const current = slotInWeekOf(slot, instant);
  return instant.getTime() >= current.at.getTime() ? current : undefined;
}

/** The next slot strictly after `instant`, for status ("next spotlight: …"). */
export function nextSlotAfter(slot: WeeklySlot, instant: Date): SlotInWeek {
  const current = slotInWeekOf(slot, instant);
  return current.at.getTime() > instant.getTime() ? current : slotInFollowingWeek(slot, instant);
}

/** The slot of the local week after the one containing `instant` (this week's is done). */
export function slotInFollowingWeek(slot: WeeklySlot, instant: Date): SlotInWeek {
  // Eight days after Monday 00:00 is inside next local week whatever the zone does.
  return slotInWeekOf(slot, new Date(localWeekStartInstant(instant, slot.timezone) + 8 * DAY));
}

function localWeekStartInstant(instant: Date, timeZone: string): number {
  return instantOfWall(localMonday(instant.getTime(), timeZone), timeZone);
}

/** "Mon, 6 Apr 2026, 15:00 Europe/London": the time in the channel's zone, and the zone. */
export function formatLocal(instant: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    // The zone is named: a channel's readers, and whoever manages it, may live in another one.
  }).format(instant)} ${timeZone}`;
}
