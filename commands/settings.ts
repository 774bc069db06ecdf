import * as z from 'zod';
import { type CommandResult, defineCommand } from './command.js';
import { ChannelId, SettingsMarket, Visibility, WorkspaceSettings } from '../src/core/schema/settings.js';
import { notice } from '../src/views/cards/notice.js';
import type { View } from '../src/views/view.js';
import { workspaceWord } from './settings-access.js';
import { type SettingsChange, applyChange, settingsView } from './settings-views.js';

/**
 * /settings: one definition for Discord (options), Slack and the console (text) and the
 * operator's `rolecall settings` (flags). What it needs beyond the core (the store, the
 * workspace, the manager check) comes as `ctx.settings`; where there is none it says so.
 */

export const SETTINGS_ACTIONS = ['show', 'set', 'reset'] as const;

/** "default" clears a value: the platform's own default, or a channel's override. */
const DEFAULT = 'default';
/** The channel the command is run in. */
const HERE = 'here';

/** A channel as typed: an id, Discord's or Slack's link (<#123>, <#C123|general>), or "here". */
const channelRef = z
  .string()
  .trim()
  .transform((c) => {
    const link = /^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(c);
    return link ? link[1]! : c.replace(/^#/, '');
  })
  .pipe(
    z.union(
      [
        z
          .string()
          .regex(/^here$/i)
          .transform(() => HERE),
        ChannelId,
      ],
      { error: 'expected a channel id, a #channel link, or "here"' },
    ),
  );

const input = z
  .object({
    /** Left out: show. */
    action: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(SETTINGS_ACTIONS, { error: 'expected show, set or reset' }))
      .optional(),
    market: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum([...SettingsMarket.options, DEFAULT], { error: 'expected a market: us, india, uk or default' }))
      .optional(),
    visibility: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum([...Visibility.options, DEFAULT], { error: 'expected a visibility: public, private or default' }))
      .optional(),
    channel: channelRef.optional(),
    /** "all", or the channels, separated by commas or spaces. */
    answer_in: z
      .string()
      .trim()
      .max(2000, 'at most 2000 characters of channels')
      .transform((s) => (s.toLowerCase() === 'all' ? [] : s.split(/[\s,]+/).filter(Boolean)))
      .pipe(z.array(channelRef))
      .optional(),
    /** Words of the text syntax that meant nothing; reported instead of silently ignored. */
    unrecognised: z.array(z.string()).optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (v.unrecognised?.length) issue(`did not understand ${v.unrecognised.map((w) => `"${w}"`).join(', ')}`);
    const changes = v.market !== undefined || v.visibility !== undefined || v.channel !== undefined || v.answer_in !== undefined;
    if (v.action === 'set' && !changes) issue('say what to set: market, visibility (with channel for one channel) or answer_in');
    if (v.action !== 'set' && changes) issue(`/settings ${v.action ?? 'show'} takes no values; use /settings set`);
    if (v.channel !== undefined && v.visibility === undefined) issue('channel sets one channel’s visibility: give visibility too');
  });

const USAGE = '/settings [show|set|reset] [market us|india|uk] [visibility public|private] [channel <#channel>|here] [answer_in all|<channels>]';

const KEYS: Record<string, keyof z.input<typeof input>> = {
  market: 'market',
  visibility: 'visibility',
  channel: 'channel',
  answer_in: 'answer_in',
  'answer-in': 'answer_in',
  answerin: 'answer_in',
};

/** The text syntax: "set market india visibility:private channel here", "set answer_in C1,C2". */
export function parseSettingsText(text: string): Record<string, unknown> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const raw: Record<string, unknown> = {};
  const unrecognised: string[] = [];
  if (words[0] && !words[0].includes(':')) raw.action = words.shift()!.toLowerCase();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const [head, ...tail] = word.split(':');
    const key = KEYS[head!.toLowerCase()];
    if (!key) {
      const lower = word.toLowerCase();
      // A bare market or visibility needs no key: "set india private".
      if ((SettingsMarket.options as readonly string[]).includes(lower)) raw.market = lower;
      else if ((Visibility.options as readonly string[]).includes(lower)) raw.visibility = lower;
      else unrecognised.push(word);
      continue;
    }
    let value = tail.join(':');
    if (!value && words[i + 1]) value = words[++i]!;
    if (key === 'answer_in') {
      // The list runs to the next key: "answer_in C1 C2 market us".
      while (words[i + 1] && !KEYS[words[i + 1]!.split(':')[0]!.toLowerCase()]) value += ` ${words[++i]}`;
    }
    raw[key] = value;
  }
  if (unrecognised.length) raw.unrecognised = unrecognised;
  return raw;
}

const NOT_HERE = notice(
  'Settings belong to a server or workspace',
  'Run /settings in a Discord server or a Slack workspace (server managers and workspace admins can change them), or `rolecall settings` on the server.',
  'info',
);

const NO_CHANNEL_HERE = notice('No channel here', '"here" means the channel you run /settings in (not a DM or the command line); name the channel instead.');

const answer = (view: View, ok: boolean): CommandResult => ({ view, data: { kind: 'settings', ok } });

export const settings = defineCommand({
  name: 'settings',
  description: 'This server’s or workspace’s settings: default market, answer visibility, where RoleCall answers',
  usage: USAGE,
  examples: ['/settings show', '/settings set market india visibility private', '/settings set channel here visibility public', '/settings reset'],
  options: [
    {
      name: 'action',
      kind: 'choice',
      description: 'Show, set or reset (default: show)',
      required: false,
      choices: SETTINGS_ACTIONS.map((a) => ({ value: a, label: a[0]!.toUpperCase() + a.slice(1) })),
    },
    {
      name: 'market',
      kind: 'choice',
      description: 'Default market for /salary (set)',
      required: false,
      choices: [
        { value: 'us', label: 'US' },
        { value: 'india', label: 'India' },
        { value: 'uk', label: 'UK' },
        { value: DEFAULT, label: 'No default' },
      ],
    },
    {
      name: 'visibility',
      kind: 'choice',
      description: 'Answers to the asker only (private) or to the channel (set)',
      required: false,
      choices: [
        { value: 'public', label: 'Public' },
        { value: 'private', label: 'Private' },
        { value: DEFAULT, label: 'Default' },
      ],
    },
    { name: 'channel', kind: 'text', description: 'One channel for visibility: #channel, id or here', required: false, maxLength: 100 },
    { name: 'answer_in', kind: 'text', description: 'Channels answering mentions and /ask: all, or #channels', required: false, maxLength: 2000 },
  ],
  input,
  parseText: parseSettingsText,
  changes: (i) => i.action === 'set' || i.action === 'reset',
  async run(i, _core, ctx): Promise<CommandResult> {
    const access = ctx.settings;
    if (!access) return answer(NOT_HERE, false);
    const where = workspaceWord(access.workspace);
    const action = i.action ?? 'show';
    const current = (await access.store.get(access.workspace))?.settings;
    if (action === 'show') return answer(settingsView(current, access.workspace), true);
    const allowed = await access.authorize();
    if (!allowed.ok) return answer(notice(allowed.title ?? `Only ${where} managers can change settings`, allowed.reason), false);
    if (action === 'reset') {
      const removed = await access.store.remove(access.workspace);
      const text = removed ? `This ${where} is back to RoleCall’s defaults.` : `This ${where} already uses RoleCall’s defaults.`;
      return answer(notice(removed ? 'Settings reset' : 'Nothing to reset', text, 'success'), true);
    }
    const here = (c: string) => (c === HERE ? access.channelId : c);
    const channel = i.channel === undefined ? undefined : here(i.channel);
    const answerIn = i.answer_in?.map(here);
    if ((channel === undefined && i.channel !== undefined) || answerIn?.includes(undefined)) return answer(NO_CHANNEL_HERE, false);
    const change: SettingsChange = {
      ...(i.market ? { market: i.market } : {}),
      ...(i.visibility ? { visibility: i.visibility } : {}),
      ...(channel ? { channel } : {}),
      ...(answerIn ? { answerIn: answerIn as string[] } : {}),
    };
    const next = WorkspaceSettings.safeParse(applyChange(current, change));
    if (!next.success) return answer(notice('Those settings cannot be kept', next.error.issues.map((x) => x.message).join('; ')), false);
    await access.store.put(access.workspace, next.data);
    return answer(settingsView(next.data, access.workspace, 'Settings saved'), true);
  },
});
