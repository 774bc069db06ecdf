/**
 * Timezone suggestions for the subscribe forms (Discord's autocomplete): IANA names from the
 * runtime's own list, so a suggestion is always a zone the schedule maths accepts.
 */

/** Offered before anything is typed: where most community members are. */
export const POPULAR_TIMEZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Warsaw',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Mexico_City',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Shanghai',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;

let zones: readonly string[] | undefined;
function allZones(): readonly string[] {
  // The popular names too: some ICU builds list only legacy names (Asia/Calcutta, not Asia/Kolkata).
  zones ??= [...new Set([...POPULAR_TIMEZONES, ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** "GMT+1" now in that zone, to tell Europe/London from Europe/Lisbon at a glance. */
export function currentOffset(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/**
 * Up to `limit` zones for what was typed: the popular ones when nothing was; otherwise zones
 * whose city starts with it first ("lon" → Europe/London), then any containing it.
 */
export function timezoneSuggestions(typed: string, limit = 25): string[] {
  const q = squash(typed.trim());
  if (!q) return POPULAR_TIMEZONES.slice(0, limit);
  const popular = new Set<string>(POPULAR_TIMEZONES);
  const scored: Array<[number, string]> = [];
  for (const zone of allZones()) {
    const full = squash(zone);
    const city = squash(zone.split('/').at(-1) ?? zone);
    const score = full === q || city === q ? 0 : city.startsWith(q) ? 1 : full.startsWith(q) ? 2 : full.includes(q) ? 3 : -1;
    if (score >= 0) scored.push([score * 2 + (popular.has(zone) ? 0 : 1), zone]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
    .slice(0, limit)
    .map(([, zone]) => zone);
}
