import { Dispatcher } from '../../src/app/dispatch.js';
import { commands } from '../../commands/index.js';
import type { CommandContext } from '../../commands/index.js';
import type { Core } from '../../src/core/index.js';
import { LayerCode, Difficulty } from '../../src/core/schema/common.js';
import { MAX_COMPARE } from '../../src/core/compare.js';
import { COMPARE_SLOTS } from '../../commands/compare.js';
import { DEEP_DIVE_PARTS } from '../../src/views/deep-dive/index.js';
import { spotlightFor } from '../../src/views/cards/spotlight.js';
import { encodeInvocation } from '../../src/views/invocation-codec.js';
import type { Invocation, View } from '../../src/views/view.js';
import type { WorkspaceSettings } from '../../src/core/schema/settings.js';
import type { SettingsStore } from '../../src/store/settings-store.js';

/**
 * Every View a user can get from the registry, through the Dispatcher: every command over every
 * role, every deep-dive part, every company tier, market, layer and difficulty, plus everything one
 * click away from those (buttons and select options are followed until nothing new turns up).
 */
export interface RenderedView {
  /** How it was asked for: "/prep #8", "click rc1:…". */
  asked: string;
  /** The argument values it was asked with (user input a View may echo). */
  args: string[];
  view: View;
}

/** One string of a View with where it sits: "sections[2].items[0]". */
export interface ViewText {
  at: string;
  text: string;
}

const consoleContext: CommandContext = { platform: 'console' };

/** What each command is asked, as structured input (the form Discord and buttons use). */
export function everyRequest(core: Core): Array<[string, Record<string, string>]> {
  const kb = core.kb;
  const refs = kb.roles.map((r) => `#${r.number}`);
  const out: Array<[string, Record<string, string>]> = [];
  const add = (name: string, args: Record<string, string> = {}) => out.push([name, args]);
  for (const ref of refs) {
    add('role', { name: ref });
    add('path', { from: ref });
    add('prep', { role: ref });
    add('certs', { role: ref });
    add('projects', { role: ref });
    for (const market of ['us', 'india', 'uk', 'both']) add('salary', { role: ref, market });
  }
  // Every pair, both ways for /path; /compare once per pair, and a few of three and four roles.
  for (const a of refs) {
    for (const b of refs) {
      if (a === b) continue;
      add('path', { from: a, to: b });
      if (a < b) add('compare', { role_a: a, role_b: b });
    }
  }
  for (let i = 0; i + MAX_COMPARE <= refs.length; i += MAX_COMPARE) {
    const group = refs.slice(i, i + MAX_COMPARE);
    add('compare', Object.fromEntries(group.slice(0, 3).map((r, j) => [COMPARE_SLOTS[j]!, r])));
    add('compare', Object.fromEntries(group.map((r, j) => [COMPARE_SLOTS[j]!, r])));
  }
  add('roles');
  for (const layer of LayerCode.options) {
    add('roles', { layer });
    add('projects', { layer });
    for (const difficulty of Difficulty.options) add('roles', { layer, difficulty });
  }
  for (const difficulty of Difficulty.options) add('roles', { difficulty });
  for (const education of ['none', 'bachelor', 'master', 'phd']) add('roles', { education });
  for (const availability of ['niche', 'medium', 'high']) add('roles', { availability });
  const skills = new Set(kb.roles.flatMap((r) => [...r.mustHave, ...r.niceToHave]));
  for (const skill of skills) add('skills', { skill });
  add('skills', { skill: 'no such skill at all' });
  for (const role of kb.roles) add('match', { skills: role.mustHave.join(', ') });
  add('match', { skills: 'knitting' });
  for (const part of DEEP_DIVE_PARTS) add('deepdive', { part });
  add('companies');
  for (const which of ['1', '2', '3', '4', '5', 'india']) add('companies', { which });
  add('certs');
  add('projects');
  add('sources');
  add('about');
  add('help');
  add('spotlight', { subcommand: 'help' });
  add('settings');
  // Names that do not resolve, so the ambiguous and not-found answers are rendered too.
  for (const query of ['AI Scientist', 'Engineer', 'AI/ML Developer', 'Data Engineer', 'zzzz']) {
    add('role', { name: query });
    add('prep', { role: query });
  }
  return out;
}

const keyOf = (inv: Invocation) => JSON.stringify([inv.command, Object.entries(inv.args).sort()]);

/** `ctx` names the platform: the console's answers are whole, Discord's and Slack's open on one screen. */
export async function everyView(core: Core, ctx: CommandContext = consoleContext): Promise<RenderedView[]> {
  const dispatcher = new Dispatcher(core, commands);
  const out: RenderedView[] = [];
  const seen = new Set<string>();
  const queue: Invocation[] = [];
  const follow = (view: View) => {
    for (const action of view.actions) {
      for (const invoke of action.type === 'button' ? [action.invoke] : action.type === 'select' ? action.options.map((o) => o.invoke) : []) {
        const key = keyOf(invoke);
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(invoke);
        }
      }
    }
  };
  for (const [name, args] of everyRequest(core)) {
    seen.add(keyOf({ command: name, args }));
    const res = await dispatcher.run(name, args, ctx);
    out.push({ asked: `/${name} ${JSON.stringify(args)}`, args: Object.values(args), view: res.view });
    follow(res.view);
  }
  for (let inv = queue.shift(); inv; inv = queue.shift()) {
    const res = await dispatcher.runInvocation(inv, ctx);
    out.push({ asked: `click ${encodeInvocation(inv)}`, args: Object.values(inv.args), view: res.view });
    follow(res.view);
  }
  // The weekly spotlight of every role, as /spotlight preview shows it in the console.
  for (const role of core.kb.roles) {
    const spotlight = { authorize: async () => ({ ok: true as const }), featured: () => spotlightFor(core, role.id)! };
    const res = await dispatcher.run('spotlight', { subcommand: 'preview' }, { ...ctx, spotlight });
    out.push({ asked: `/spotlight preview (${role.name})`, args: [], view: res.view });
  }
  // /settings' answers in a workspace, over a store in memory: the defaults, a change, a reset, a refusal.
  const kept = new Map<string, WorkspaceSettings>();
  const store: SettingsStore = {
    get: async () => (kept.has('w') ? { settings: kept.get('w')!, updatedAt: new Date(0) } : undefined),
    put: async (_key, value) => void kept.set('w', value),
    remove: async () => kept.delete('w'),
  };
  for (const [raw, allowed] of [
    [{ action: 'show' }, true],
    [{ action: 'set', market: 'india', visibility: 'private', answer_in: 'C0123ABC, C0456DEF' }, true],
    [{ action: 'set', channel: 'C0123ABC', visibility: 'public' }, true],
    [{ action: 'show' }, true],
    [{ action: 'set', market: 'us' }, false],
    [{ action: 'reset' }, true],
    [{ action: 'reset' }, true],
  ] as const) {
    const settings = {
      store,
      workspace: { platform: 'slack' as const, workspaceId: 'T0123ABC' },
      channelId: 'C0123ABC',
      authorize: async () => (allowed ? { ok: true as const } : { ok: false as const, reason: 'Only workspace admins and owners can change them.' }),
    };
    const res = await dispatcher.run('settings', raw, { ...ctx, settings });
    out.push({ asked: `/settings ${JSON.stringify(raw)}`, args: Object.values(raw), view: res.view });
  }
  return out;
}

/** Every user-visible string of a View, with its place. */
export function viewTexts(view: View): ViewText[] {
  const out: ViewText[] = [];
  const add = (at: string, text: string | undefined) => {
    if (text !== undefined) out.push({ at, text });
  };
  add('title', view.title);
  add('description', view.description);
  view.fields.forEach((f, i) => {
    add(`fields[${i}].label`, f.label);
    add(`fields[${i}].value`, f.value);
  });
  view.sections.forEach((s, i) => {
    add(`sections[${i}].heading`, s.heading);
    add(`sections[${i}].body`, s.body);
    s.items?.forEach((item, j) => add(`sections[${i}].items[${j}]`, item));
  });
  view.table?.columns.forEach((c, i) => add(`table.columns[${i}]`, c));
  view.table?.rows.forEach((row, i) => row.forEach((cell, j) => add(`table.rows[${i}][${j}]`, cell)));
  if (view.chart) {
    add('chart.title', view.chart.title);
    add('chart.alt', view.chart.alt);
  }
  view.actions.forEach((a, i) => {
    if (a.type === 'button' || a.type === 'link') add(`actions[${i}].label`, a.label);
    else {
      add(`actions[${i}].placeholder`, a.placeholder);
      a.options.forEach((o, j) => {
        add(`actions[${i}].options[${j}].label`, o.label);
        add(`actions[${i}].options[${j}].description`, o.description);
      });
    }
  });
  if (view.footer) add('footer', `${view.footer.source} ${view.footer.asOf}`);
  return out;
}
