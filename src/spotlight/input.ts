import * as z from 'zod';
import { Difficulty, LayerCode } from '../core/schema/common.js';
import type { Subscription } from '../store/spotlight-store.js';
import { canonicalTimezone, isValidTimezone } from './schedule.js';

/**
 * What a front end (Discord or Slack /spotlight, the CLI) hands the service, validated once here
 * so every front end accepts the same days, times and zones with the same messages.
 */

export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "mon", "Monday", "1" (ISO: Monday = 1 … Sunday = 7) → 1…7; undefined when unrecognised. */
export function parseDay(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isInteger(text) && text >= 1 && text <= 7 ? text : undefined;
  const t = text.trim().toLowerCase();
  if (/^[1-7]$/.test(t)) return Number(t);
  if (t.length < 2) return undefined;
  const i = DAY_NAMES.findIndex((d) => d.toLowerCase().startsWith(t));
  return i === -1 ? undefined : i + 1;
}

export const ChannelKeyInput = z
  .object({
    platform: z.enum(['discord', 'slack']),
    workspaceId: z.string().trim().min(1, 'a workspace or guild id is required').max(64),
    channelId: z.string().trim().min(1, 'a channel id is required').max(64),
  })
  .strict();

/** A day of the week as people give it ("mon", "Monday", 1), as 1 (Monday) … 7 (Sunday). */
export const DayOfWeek = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const day = parseDay(v);
  if (day === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected a day of the week, e.g. "monday" or 1 (Monday) … 7 (Sunday)' });
    return z.NEVER;
  }
  return day;
});

const LocalTime = z
  .string()
  .trim()
  .transform((s) => (/^\d:\d\d$/.test(s) ? `0${s}` : s))
  .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time "HH:MM", e.g. "15:00"'));

const Timezone = z
  .string()
  .trim()
  .refine(isValidTimezone, 'expected an IANA timezone such as "Europe/London" or "America/New_York"')
  .transform(canonicalTimezone);

export const SubscribeInput = z
  .object({
    channel: ChannelKeyInput,
    /** The user subscribing the channel (platform user id, or "cli"). */
    createdBy: z.string().trim().min(1).max(128),
    day: DayOfWeek.default(1),
    time: LocalTime.default('15:00'),
    timezone: Timezone.default('UTC'),
    layer: LayerCode.optional(),
    difficulty: Difficulty.optional(),
    /** Open a discussion thread under each weekly post. */
    thread: z.boolean().default(false),
  })
  .strict();
export type SubscribeInput = z.input<typeof SubscribeInput>;

/** Changes asked for to a subscription: what is left out keeps its current value, and "all" clears a filter. */
export interface SubscriptionChange<D, L, F> {
  day?: D | undefined;
  time?: string | undefined;
  timezone?: string | undefined;
  layer?: L | 'all' | undefined;
  difficulty?: F | 'all' | undefined;
  thread?: boolean | undefined;
}

/** The settings to subscribe with, for /spotlight subscribe and `rolecall spotlight add` alike. */
export function mergeSubscription<D, L, F>(change: SubscriptionChange<D, L, F>, current: Subscription | undefined) {
  const pick = <T>(given: T | 'all' | undefined, now: T | undefined) => (given === 'all' ? undefined : (given ?? now));
  return {
    day: change.day ?? current?.dayOfWeek,
    time: change.time ?? current?.localTime,
    timezone: change.timezone ?? current?.timezone,
    layer: pick<L | Subscription['filter']['layer']>(change.layer, current?.filter.layer),
    difficulty: pick<F | Subscription['filter']['difficulty']>(change.difficulty, current?.filter.difficulty),
    thread: change.thread ?? current?.thread,
  };
}

/** One line per problem, for a notice: "time: expected a 24-hour time …". */
export function describeInputError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message.replace(/^Invalid input: /, '')}`).join('\n');
}
