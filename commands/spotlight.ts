import * as z from 'zod';
import { defineCommand, type CommandResult } from './command.js';
import { difficultyInput, layerInput } from './roles.js';
import { Difficulty, parseLayer } from '../src/core/schema/common.js';
import { DayOfWeek, mergeSubscription, parseDay } from '../src/spotlight/input.js';
import { notice } from '../src/views/cards/notice.js';
import type { View } from '../src/views/view.js';
import { manageAnswer, postNowAnswer, previewAnswer, statusView, subscribeAnswer } from './spotlight-views.js';

export type { SpotlightAccess } from './spotlight-access.js';

/**
 * /spotlight: one definition for every front end (Discord subcommands, Slack and console text,
 * the CLI's flags), run through the Dispatcher like every command. What it needs beyond the core
 * (the channel, the manager check, the SpotlightService) comes as `ctx.spotlight`; a front end
 * that offers no spotlight leaves it out.
 */

export const SPOTLIGHT_ACTIONS = ['subscribe', 'unsubscribe', 'pause', 'resume', 'status', 'preview', 'now'] as const;

/** "all" clears that part of the filter. */
const ALL = z.string().trim().toLowerCase().pipe(z.literal('all'));

const ON = new Set(['on', 'true', 'yes']);
const OFF = new Set(['off', 'false', 'no']);

/** Discord's boolean option, or the words of the text syntax ("thread off"). */
const OnOff = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((w) => ON.has(w) || OFF.has(w), 'expected on or off')
    .transform((w) => ON.has(w)),
]);

const input = z
  .object({
    /** Left out: help, or preview where only preview works (the console). */
    subcommand: z.enum([...SPOTLIGHT_ACTIONS, 'help'], { error: `expected one of: ${SPOTLIGHT_ACTIONS.join(', ')}` }).optional(),
    day: DayOfWeek.optional(),
    // Checked with the service's own messages (SubscribeInput), so every front end says the same.
    time: z.string().trim().max(16).optional(),
    timezone: z.string().trim().max(64).optional(),
    layer: z.union([ALL, layerInput]).optional(),
    difficulty: z.union([ALL, difficultyInput]).optional(),
    /** Open a discussion thread under each weekly post; left out, the channel keeps its choice. */
    thread: OnOff.optional(),
    /** Why it is paused (the CLI's --reason); chat front ends use the default. */
    reason: z.string().trim().min(1).max(200).optional(),
    /** Words of the text syntax that meant nothing; reported instead of silently ignored. */
    unrecognised: z.array(z.string()).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.unrecognised?.length) ctx.addIssue({ code: 'custom', message: `did not understand ${v.unrecognised.map((w) => `"${w}"`).join(', ')}` });
  });

const USAGE = '/spotlight subscribe [day] [HH:MM] [timezone] [layer L1-L6|cross|all] [difficulty accessible|moderate|advanced|elite|all] [thread on|off]';
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
    else if (lower === 'thread' || lower === 'threads') {
      // "thread" alone turns it on; "thread off" (or on, true, false, yes, no) says which.
      const next = words[i + 1]?.toLowerCase();
      raw.thread = next !== undefined && (ON.has(next) || OFF.has(next)) ? words[++i] : 'on';
    } else if (/^threads?:/.test(lower)) raw.thread = lower.replace(/^threads?:/, '');
    else if (lower === 'nothread' || lower === 'no-thread') raw.thread = 'off';
    else if (/^\d{1,2}:\d{2}$/.test(word)) raw.time = word;
    else if (word.includes('/') || /^(utc|gmt)$/i.test(word)) raw.timezone = word;
    else if (parseLayer(word, { bareNumber: false })) raw.layer = word;
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
      {
        heading: 'Discussion thread',
        body: 'Add `thread on` to subscribe and each weekly post opens a thread with one question about its role; `thread off` stops it.',
      },
      { heading: 'Example', body: '/spotlight subscribe monday 15:00 Europe/London layer L5 thread on' },
    ],
  };
}

const answer = (view: View, ok: boolean): CommandResult => ({ view, data: { kind: 'spotlight', ok } });

export const spotlight = defineCommand({
  name: 'spotlight',
  description: 'Weekly role spotlight for this channel: subscribe, pause, resume, status, preview, post now',
  usage: USAGE,
  examples: ['/spotlight subscribe monday 15:00 Europe/London', '/spotlight status', '/spotlight preview'],
  options: [],
  input,
  parseText: parseSpotlightText,
  changes: (i) => i.subcommand !== undefined && !['status', 'preview', 'help'].includes(i.subcommand),
  async run(i, core, ctx): Promise<CommandResult> {
    const access = ctx.spotlight;
    const action = i.subcommand ?? (access?.featured ? 'preview' : 'help');
    if (action === 'help') return answer(help(), true);
    if (!access) {
      return answer(
        notice('Not available here', 'Manage the weekly spotlight with /spotlight on Discord or Slack, or with `rolecall spotlight` on the server.', 'info'),
        false,
      );
    }
    if (access.featured) {
      if (action === 'preview') return answer(access.featured(), true);
      return answer(
        notice('Only /spotlight preview works here', 'Subscribing channels needs Discord or Slack, or the CLI: rolecall spotlight add.', 'info'),
        false,
      );
    }
    const { service, channel } = access;
    if (!service)
      return answer(notice('The weekly spotlight is off', 'This RoleCall runs with SPOTLIGHT_ENABLED=false, so it posts no weekly spotlight.', 'info'), false);
    if (!channel)
      return answer(notice('Run this in a channel', 'The spotlight is set up per channel: run /spotlight in the channel that should get it.'), false);
    const current = await service.subscription(channel);
    const allowed = await access.authorize(current);
    if (!allowed.ok) return answer(notice(allowed.title ?? 'Only channel managers can do that', allowed.reason), false);
    switch (action) {
      case 'subscribe': {
        const createdBy = ctx.invoker?.userId ?? 'unknown';
        const settings = { channel, createdBy, ...mergeSubscription(i, current) };
        const result = await service.subscribe(settings, access.canPost ? { canPost: access.canPost } : {});
        return answer(subscribeAnswer(core, result), result.ok);
      }
      case 'unsubscribe':
      case 'pause':
      case 'resume': {
        const result = await (action === 'pause' ? service.pause(channel, i.reason) : service[action](channel));
        return answer(manageAnswer(core, action, result), result.ok);
      }
      case 'status':
        return answer(statusView(core, await service.status(channel)), true);
      case 'preview': {
        const result = await service.preview(channel);
        return answer(previewAnswer(core, result), result.ok);
      }
      case 'now': {
        const result = await service.postNow(channel);
        return answer(postNowAnswer(core, result), result.ok);
      }
    }
  },
});
