import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { CommandContext, CommandDefinition } from '../../commands/index.js';
import { commands } from '../../commands/index.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { DISCORD_LIMITS as DL } from '../../src/platforms/discord/limits.js';
import { type DiscordMessage, renderForDiscord } from '../../src/platforms/discord/render.js';
import { SLACK_LIMITS as SL } from '../../src/platforms/slack/limits.js';
import { type SlackMessage, renderView } from '../../src/platforms/slack/render.js';
import { decodeInvocation, encodeInvocation } from '../../src/views/invocation-codec.js';
import { MORE_ARG, SCREEN_CHARS } from '../../src/views/more.js';
import { type Section, type View, view } from '../../src/views/view.js';
import { validateMessage } from '../fakes/discord/index.js';
import { testCore } from '../helpers/core.js';
import { everyRequest } from '../helpers/every-view.js';
import { discordVisibleText, slackVisibleText, visibleLength } from '../helpers/visible-text.js';

/*
 * One screen first, one click to the rest (src/views/more.ts): every command's first answer, for
 * every role, fits one chat screen on Discord and on Slack, within each platform's limits; every
 * option of its More… menu, pressed as the platform sends it, answers with a part; and the first
 * screen and its parts together hold everything the full answer (the console's) holds.
 */

const core = testCore();
const dispatcher = new Dispatcher(core, commands);
const requests = everyRequest(core);
const PLATFORMS = ['discord', 'slack'] as const;
type Platform = (typeof PLATFORMS)[number];

interface Rendered {
  text: number;
  /** The encoded invocations its controls send, in order. */
  sends: string[];
  problems: string[];
  shortened: boolean;
}

function discordChecks(message: DiscordMessage): Rendered {
  const problems = validateMessage(message, true);
  const sends: string[] = [];
  if (message.components.length > DL.rows) problems.push(`${message.components.length} rows`);
  for (const row of message.components) {
    for (const c of row.components) {
      if ('custom_id' in c && c.custom_id.length > DL.customId) problems.push(`custom_id of ${c.custom_id.length}`);
      if (c.type === 2 && 'custom_id' in c) sends.push(c.custom_id);
      if (c.type === 3) {
        if (c.options.length > DL.selectOptions) problems.push(`${c.options.length} options`);
        for (const o of c.options) {
          if (o.value.length > DL.optionValue) problems.push(`option value of ${o.value.length}`);
          sends.push(o.value);
        }
      }
    }
  }
  const shortened = Boolean(message.embeds[0]?.footer?.text.includes('Shortened to fit Discord'));
  return { text: visibleLength(discordVisibleText(message)), sends, problems, shortened };
}

function slackChecks(message: SlackMessage): Rendered {
  const problems: string[] = [];
  const sends: string[] = [];
  if (message.blocks.length > SL.messageBlocks) problems.push(`${message.blocks.length} blocks`);
  for (const block of message.blocks) {
    if (block.type === 'section') {
      if ((block.text?.text.length ?? 0) > SL.sectionText) problems.push(`section text of ${block.text?.text.length}`);
      for (const f of block.fields ?? []) if (f.text.length > SL.fieldText) problems.push(`field of ${f.text.length}`);
    }
    if (block.type === 'header' && block.text.text.length > SL.headerText) problems.push('header too long');
    if (block.type !== 'actions') continue;
    if (block.elements.length > SL.actionsElements) problems.push(`${block.elements.length} elements`);
    for (const e of block.elements) {
      if (e.type === 'button' && e.value && !e.url && e.action_id?.startsWith('rc:run')) sends.push(e.value);
      if (e.type === 'static_select') {
        const options = e.options ?? [];
        if (options.length > SL.selectOptions) problems.push(`${options.length} options`);
        for (const o of options) {
          if ((o.value?.length ?? 0) > SL.optionValue) problems.push(`option value of ${o.value?.length}`);
          if (o.value) sends.push(o.value);
        }
      }
    }
  }
  const shortened = message.blocks.some((b) => b.type === 'context' && b.elements.some((e) => 'text' in e && e.text.startsWith('Shortened to fit')));
  return { text: visibleLength(slackVisibleText(message.blocks)), sends, problems, shortened };
}

const rendered = (platform: Platform, v: View): Rendered => (platform === 'discord' ? discordChecks(renderForDiscord(v)) : slackChecks(renderView(v)));
const isMore = (encoded: string) => decodeInvocation(encoded).ok && MORE_ARG in (decodeInvocation(encoded) as { invocation: { args: object } }).invocation.args;

/** Every string a View holds as content: its description, figures, section text and table cells. */
function contentOf(v: View): Set<string> {
  const out = new Set<string>();
  if (v.description) out.add(v.description);
  for (const f of v.fields) out.add(`${f.label}: ${f.value}`);
  for (const s of v.sections) {
    if (s.body) out.add(s.body);
    for (const item of s.items ?? []) out.add(item);
    if (!s.body && !s.items?.length) out.add(s.heading);
  }
  for (const row of v.table?.rows ?? []) out.add(row.join(' | '));
  return out;
}

/** A section's heading without the "(part 2 of 3)" its pieces carry. */
const baseHeading = (s: Section) => s.heading.replace(/ \(part \d+ of \d+\)$/, '');

interface Screened {
  asked: string;
  full: View;
  first: View;
  /** Each part the first screen's menu opens, with what it was rendered as. */
  parts: Array<{ encoded: string; view: View; out: Rendered }>;
  out: Rendered;
}

/** The command's own answer on this platform, before the Dispatcher cuts it for a screen. */
async function wholeAnswer(name: string, args: Record<string, string>, ctx: CommandContext): Promise<View> {
  const command = dispatcher.find(name)!;
  const result = await command.run(command.input.parse(args), core, ctx);
  if ('redirect' in result) throw new Error(`/${name} redirected`);
  return 'view' in result ? result.view : result;
}

async function screens(platform: Platform): Promise<Screened[]> {
  const ctx: CommandContext = { platform };
  const out: Screened[] = [];
  for (const [name, args] of requests) {
    const first = (await dispatcher.run(name, args, ctx)).view;
    const full = await wholeAnswer(name, args, ctx);
    const firstOut = rendered(platform, first);
    const parts: Screened['parts'] = [];
    for (const encoded of firstOut.sends.filter(isMore)) {
      const part = (await dispatcher.runEncoded(encoded, ctx)).view;
      parts.push({ encoded, view: part, out: rendered(platform, part) });
    }
    out.push({ asked: `/${name} ${JSON.stringify(args)}`, full, first, parts, out: firstOut });
  }
  return out;
}

describe.each(PLATFORMS)('on %s', (platform) => {
  let all: Screened[] = [];
  beforeAll(async () => {
    all = await screens(platform);
  }, 120_000);

  it('every first answer fits one screen, within the platform’s limits', () => {
    expect(all.length).toBe(requests.length);
    const over = all.filter((s) => s.out.text > SCREEN_CHARS).map((s) => `${s.asked}: ${s.out.text}`);
    expect(over).toEqual([]);
    expect(all.flatMap((s) => s.out.problems.map((p) => `${s.asked}: ${p}`))).toEqual([]);
    expect(all.filter((s) => s.out.shortened).map((s) => s.asked)).toEqual([]);
    // Long answers were cut: a role card, /help, /roles, /deepdive, /projects and /prep among them (/companies fits whole).
    const cut = all.filter((s) => s.parts.length > 0).map((s) => s.asked);
    expect(cut.length).toBeGreaterThan(100);
    for (const asked of ['/role {"name":"#8"}', '/help {}', '/roles {}', '/deepdive {"part":"overview"}', '/projects {}', '/prep {"role":"#8"}']) {
      expect(cut, asked).toContain(asked);
    }
  });

  it('answers every More… option with a part, within the limits and never shortened', () => {
    const parts = all.flatMap((s) => s.parts.map((p) => ({ ...p, asked: s.asked })));
    expect(parts.length).toBeGreaterThan(300);
    expect(parts.flatMap((p) => p.out.problems.map((x) => `${p.asked} ${p.encoded}: ${x}`))).toEqual([]);
    expect(parts.filter((p) => p.out.shortened).map((p) => `${p.asked} ${p.encoded}`)).toEqual([]);
    for (const p of parts) {
      expect(p.view.kind, p.encoded).not.toBe('notice');
      expect(p.view.sections.length + p.view.fields.length + (p.view.table ? 1 : 0) + (p.view.description ? 1 : 0), p.encoded).toBeGreaterThan(0);
      // A part offers the way back to the first screen and the other parts, one click each.
      const back = p.out.sends.filter((e) => !isMore(e));
      expect(back.length, p.encoded).toBeGreaterThan(0);
    }
  });

  it('loses nothing: the first screen and its parts hold all of the full answer', () => {
    const lost: string[] = [];
    for (const s of all) {
      const shown = new Set([...contentOf(s.first), ...s.parts.flatMap((p) => [...contentOf(p.view)])]);
      for (const text of contentOf(s.full)) if (!shown.has(text)) lost.push(`${s.asked}: ${text.slice(0, 60)}`);
      const headings = new Set([s.first, ...s.parts.map((p) => p.view)].flatMap((v) => v.sections.map(baseHeading)));
      for (const section of s.full.sections) if (!headings.has(section.heading)) lost.push(`${s.asked}: section ${section.heading}`);
      if (s.parts.length === 0) expect(s.first.sections, s.asked).toEqual(s.full.sections);
    }
    expect(lost).toEqual([]);
  });

  it('leads back from a part to the very first screen', async () => {
    const card = all.find((s) => s.asked === '/role {"name":"#8"}')!;
    const part = card.parts[card.parts.length - 1]!;
    const back = part.out.sends.find((e) => decodeInvocation(e).ok && !isMore(e) && e.startsWith('rc1:role?'))!;
    expect((await dispatcher.runEncoded(back, { platform })).view).toEqual(card.first);
    // and from one part to another
    const other = part.out.sends.find((e) => isMore(e))!;
    expect(card.parts.map((p) => p.encoded)).toContain(other);
  });
});

describe('the full answers elsewhere', () => {
  it('the console, the CLI and the pages get the whole answer, and ignore more:', async () => {
    for (const platform of ['console', 'cli', 'web'] as const) {
      const whole = await dispatcher.run('role', { name: '#8' }, { platform });
      const asked = await dispatcher.run('role', { name: '#8', [MORE_ARG]: '2' }, { platform });
      expect(asked.view).toEqual(whole.view);
      expect(whole.view.actions.some((a) => a.type === 'select' && a.options.some((o) => MORE_ARG in o.invoke.args))).toBe(false);
    }
    const chat = await dispatcher.run('role', { name: '#8' }, { platform: 'discord' });
    const full = await dispatcher.run('role', { name: '#8' }, { platform: 'console' });
    expect(chat.view.sections.length).toBeLessThan(full.view.sections.length);
  });
});

describe('the More… menu', () => {
  const long = (n: number) => Array.from({ length: n }, (_, i) => `Point number ${i} of a long section, with some words to read.`);
  const longView = view({ kind: 'help', title: 'A long answer', sections: [0, 1, 2, 3].map((i) => ({ heading: `Section ${i}`, items: long(12) })) });
  const define = (name: string, extra: Partial<CommandDefinition> = {}): CommandDefinition => ({
    name,
    description: 'a test command',
    usage: `/${name}`,
    examples: [],
    options: [{ name: 'text', kind: 'text', description: 'Some text', required: false, maxLength: 200 }],
    input: z.object({ text: z.string().optional() }),
    parseText: (text) => ({ text }),
    run: () => longView,
    ...extra,
  });

  it('is not offered for an answer that changed what is saved: running it again would change it again', async () => {
    const saving = new Dispatcher(core, [define('save', { changes: () => true }), define('read')]);
    expect((await saving.run('save', {}, { platform: 'slack' })).view).toEqual(longView);
    expect((await saving.run('read', {}, { platform: 'slack' })).view).not.toEqual(longView);
  });

  it('shows the answer whole when its options would not fit a custom id, rather than drop a part', async () => {
    const d = new Dispatcher(core, [define('read')]);
    const typed = 'x'.repeat(120);
    expect((await d.run('read', { text: typed }, { platform: 'discord' })).view).toEqual(longView);
    expect((await d.run('read', { text: 'short' }, { platform: 'discord' })).view.actions.at(-1)?.type).toBe('select');
  });

  it('carries typed role names as "#<number>" references when the names would not fit', async () => {
    const names = ['Full-Stack AI Engineer', 'Machine Learning Engineer', 'AI Solutions Architect', 'LLM Fine-tuning Engineer'];
    const res = await dispatcher.run('compare', { role_a: names[0], role_b: names[1], role_c: names[2], role_d: names[3] }, { platform: 'discord' });
    const menu = res.view.actions.at(-1);
    expect(menu?.type).toBe('select');
    if (menu?.type !== 'select') return;
    for (const option of menu.options) {
      expect(Object.values(option.invoke.args).filter((v) => v.startsWith('#'))).toHaveLength(4);
      expect(encodeInvocation(option.invoke).length).toBeLessThanOrEqual(DL.customId);
    }
  });
});
