import { z } from 'zod';
import { defineCommand, type CommandContext } from './command.js';
import { difficultyInput, layerInput } from './roles.js';
import { Difficulty } from '../src/core/schema/common.js';
import { parseDay } from '../src/spotlight/input.js';
import type { CanPost } from '../src/spotlight/poster.js';
import type { SpotlightService } from '../src/spotlight/service.js';
import type { ChannelKey, Subscription } from '../src/store/spotlight-store.js';
import { notice } from '../src/views/cards/notice.js';
import type { View } from '../src/views/view.js';

/**
 * /spotlight: one definition for Discord (subcommands) and Slack (text), run through the
 * Dispatcher like every command. It is not in the registry (commands/index.ts): it needs a
 * channel, a manager check and the SpotlightService, which only the Discord and Slack front ends
 * supply, as `ctx.services.spotlight` (a SpotlightAccess). They add it to their Dispatcher.
 */

export const SPOTLIGHT_ACTIONS = ['subscribe', 'unsubscribe', 'pause', 'resume', 'status', 'preview', 'now'] as const;

export type Allowed = { ok: true } | { ok: false; reason: string };

/** The service calls /spotlight makes; a narrow view of SpotlightService. */
export type SpotlightManager = Pick<
  SpotlightService,
  'subscription' | 'subscribe' | 'unsubscribe' | 'pause' | 'resume' | 'status' | 'preview' | 'postNow'
>;

/** What a front end hands /spotlight, per request, in `ctx.services.spotlight`. */
export interface SpotlightAccess {
  /** Absent when the spotlight is off in this process (SPOTLIGHT_ENABLED=false). */
  service?: SpotlightManager;
  /** The channel the command was run in; absent outside a channel (a DM). */
  channel?: ChannelKey;
  /** May the invoker manage this channel's spotlight? `current` is its subscription, if any. */
  authorize(current: Subscription | undefined): Promise<Allowed>;
  /** Can the bot post in the channel? Checked before subscribing. */
  canPost: CanPost;
}

/** Reads the access a front end supplied; a boundary, so it checks the shape. */
export function spotlightAccess(ctx: CommandContext): SpotlightAccess | undefined {
  const value: unknown = ctx.services?.spotlight;
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as Partial<SpotlightAccess>;
  return typeof candidate.authorize === 'function' && typeof candidate.canPost === 'function' ? (value as SpotlightAccess) : undefined;
}

const day = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const d = parseDay(v);
  if (d === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected a day of the week, e.g. monday' });
    return z.NEVER;
  }
  return d;
});
/** "all" clears that part of the filter. */
const ALL = z.string().trim().toLowerCase().pipe(z.literal('all'));

const input = z
  .object({
    subcommand: z.enum([...SPOTLIGHT_ACTIONS, 'help'], { error: `expected one of: ${SPOTLIGHT_ACTIONS.join(', ')}` }).default('help'),
    day: day.optional(),
    // Checked with the service's own messages (SubscribeInput), so every front end says the same.
    time: z.string().trim().max(16).optional(),
    timezone: z.string().trim().max(64).optional(),
    layer: z.union([ALL, layerInput]).optional(),
    difficulty: z.union([ALL, difficultyInput]).optional(),
    /** Words of the text syntax that meant nothing; reported instead of silently ignored. */
    unrecognised: z.array(z.string()).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.unrecognised?.length) ctx.addIssue({ code: 'custom', message: `did not understand ${v.unrecognised.map((w) => `"${w}"`).join(', ')}` });
  });

const USAGE = '/spotlight subscribe [day] [HH:MM] [timezone] [layer L1-L6|cross|all] [difficulty accessible|moderate|advanced|elite|all]';
const FILLER = new Set(['on', 'at', 'every', 'each', 'weekly', 'in', 'tz', 'timezone', 'time', 'day', 'for', 'roles']);

/** Slack's text syntax: "subscribe monday 15:00 Europe/London layer L5" → raw input. */
export function parseSpotlightText(text: string): Record<string, unknown> {
  const [first, ...words] = text.trim().split(/\s+/).filter(Boolean);
  const raw: Record<string, unknown> = {};
  const unrecognised: string[] = [];
  if (first) raw.subcommand = first.toLowerCase();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    if ((lower === 'layer' || lower === 'difficulty') && words[i + 1]) raw[lower] = words[++i];
    else if (/^\d{1,2}:\d{2}$/.test(word)) raw.time = word;
    else if (word.includes('/') || /^(utc|gmt)$/i.test(word)) raw.timezone = word;
    else if (/^(l[1-6]|cross(-cutting)?)$/i.test(word)) raw.layer = word;
    else if ((Difficulty.options as readonly string[]).includes(lower)) raw.difficulty = lower;
    else if (FILLER.has(lower)) continue;
    else if (!/^\d+$/.test(word) && parseDay(word) !== undefined) raw.day = word;
    else unrecognised.push(word);
  }
  if (unrecognised.length) raw.unrecognised = unrecognised;
  return raw;
}

function help(): View {
  return {
    ...notice('Weekly role spotlight', 'One role a week in this channel, every role once before any repeats. For channel managers.', 'info'),
    sections: [
      {
        heading: 'Commands',
        items: [
          `${USAGE}: start, or change the schedule (default Monday 15:00 UTC)`,
          '/spotlight status: schedule, next post, recent weeks',
          '/spotlight preview: the next spotlight, only to you',
          '/spotlight now: post this week’s spotlight now, if it has not been posted',
          '/spotlight pause, /spotlight resume, /spotlight unsubscribe',
        ],
      },
      { heading: 'Example', body: '/spotlight subscribe monday 15:00 Europe/London layer L5' },
    ],
  };
}

type Input = z.output<typeof input>;

/** Options left out keep the subscription's current values; "all" clears a filter. */
function subscribeInput(i: Input, current: Subscription | undefined) {
  const pick = <T>(given: T | 'all' | undefined, now: T | undefined) => (given === 'all' ? undefined : (given ?? now));
  return {
    day: i.day ?? current?.dayOfWeek,
    time: i.time ?? current?.localTime,
    timezone: i.timezone ?? current?.timezone,
    layer: pick(i.layer, current?.filter.layer),
    difficulty: pick(i.difficulty, current?.filter.difficulty),
  };
}

export const spotlight = defineCommand({
  name: 'spotlight',
  description: 'Weekly role spotlight for this channel: subscribe, pause, resume, status, preview, post now',
  usage: USAGE,
  examples: ['/spotlight subscribe monday 15:00 Europe/London', '/spotlight status', '/spotlight preview'],
  options: [],
  input,
  parseText: parseSpotlightText,
  async run(i, _core, ctx): Promise<View> {
    if (i.subcommand === 'help') return help();
    const access = spotlightAccess(ctx);
    if (!access) return notice('Not available here', 'Manage the weekly spotlight with /spotlight on Discord or Slack, or with `rolecall spotlight` on the server.', 'info');
    const { service, channel } = access;
    if (!service) return notice('The weekly spotlight is off', 'This RoleCall runs with SPOTLIGHT_ENABLED=false, so it posts no weekly spotlight.', 'info');
    if (!channel) return notice('Run this in a channel', 'The spotlight is set up per channel: run /spotlight in the channel that should get it.');
    const current = await service.subscription(channel);
    const allowed = await access.authorize(current);
    if (!allowed.ok) return notice('Only channel managers can do that', allowed.reason);
    switch (i.subcommand) {
      case 'subscribe': {
        const createdBy = ctx.invoker?.userId ?? 'unknown';
        return (await service.subscribe({ channel, createdBy, ...subscribeInput(i, current) }, { canPost: access.canPost })).view;
      }
      case 'unsubscribe':
        return (await service.unsubscribe(channel)).view;
      case 'pause':
        return (await service.pause(channel)).view;
      case 'resume':
        return (await service.resume(channel)).view;
      case 'status':
        return (await service.status(channel)).view;
      case 'preview':
        return (await service.preview(channel)).view;
      case 'now':
        return (await service.postNow(channel)).view;
    }
  },
});
