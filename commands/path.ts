import * as z from 'zod';
import { defineCommand, roleText, type CommandContext } from './command.js';
import { unresolvedAnswer, type JsonData } from './command-data.js';
import type { PathStep } from '../src/core/career-path.js';
import { kbView, progressionText, roleRef } from '../src/views/format.js';
import { pathChart } from '../src/views/chart.js';
import type { View } from '../src/views/view.js';
import type { Core } from '../src/core/index.js';
import type { Role } from '../src/core/schema/role.js';
import { forYou } from './personal.js';
import { profileRoute, routeSentence, stepSkills } from './path-personal.js';

type PathData = Extract<JsonData, { kind: 'path' }>;
type PathAnswer = View | { view: View; data: JsonData };
const stepIds = (steps: readonly PathStep[]) => steps.map((s) => ({ from: s.from.id, to: s.to.id, via: s.via }));
const pathData = (fields: Pick<PathData, 'status' | 'from'> & Partial<PathData>): PathData => ({
  kind: 'path',
  to: null,
  roles: [],
  steps: [],
  reverse: null,
  next: [],
  ...fields,
});

export const path = defineCommand({
  name: 'path',
  description: 'Career path from one role to another, step by step (or the next moves from a role)',
  usage: '/path [<from role>] [to <to role>]',
  examples: ['/path AI Engineer to AI Solutions Architect', '/path Prompt Engineer', '/path to AI Solutions Architect', '/path'],
  options: [
    { name: 'from', kind: 'role', description: 'Where you are now (default: your saved current role)', required: false },
    {
      name: 'to',
      kind: 'role',
      description: 'Where you want to go (leave out for the next moves, or for your saved goal)',
      required: false,
    },
  ],
  // Both left out: from the profile's current role to its goal; from alone: the next moves.
  input: z.object({ from: roleText.optional(), to: roleText.optional() }),
  parseText(text) {
    const t = text.trim();
    if (!t) return {};
    const only = /^(?:to|->|→|=>)\s+(.*)$/i.exec(t);
    if (only) return { to: only[1] };
    const m = /^(.*?)\s+(?:to|->|→|=>)\s+(.*)$/i.exec(t);
    return m ? { from: m[1], to: m[2] } : { from: t };
  },
  run({ from, to }, core, ctx): PathAnswer | Promise<PathAnswer> {
    return from ? explicitPath(core, from, to) : personalPath(core, ctx, to);
  },
});

/** /path without a starting role: from the saved current role, to `to` or the saved goal, privately. */
async function personalPath(core: Core, ctx: CommandContext, to: string | undefined): Promise<PathAnswer> {
  const b = to ? core.resolve(to) : undefined;
  if (b && b.status !== 'found') return unresolvedAnswer(core, b, (r) => ({ command: 'path', args: { to: roleRef(r) } }));
  const route = await profileRoute(core, ctx, b?.role);
  if ('view' in route) return route.view;
  const answer = routeAnswer(core, route.from, route.to, route.skills);
  return { view: forYou(answer.view, routeSentence(route)), data: answer.data };
}

function explicitPath(core: Core, from: string, to: string | undefined): { view: View; data: JsonData } {
  const a = core.resolve(from);
  if (a.status !== 'found') {
    return unresolvedAnswer(core, a, (r) => {
      const args: Record<string, string> = { from: roleRef(r) };
      if (to) args.to = to.slice(0, 40);
      return { command: 'path', args };
    });
  }
  if (!to) return movesAnswer(core, a.role);
  const b = core.resolve(to);
  if (b.status !== 'found') {
    return unresolvedAnswer(core, b, (r) => ({ command: 'path', args: { from: roleRef(a.role), to: roleRef(r) } }));
  }
  return routeAnswer(core, a.role, b.role);
}

/** The next moves from a role: its career progression, the roles one move away, the seniority ladder. */
function movesAnswer(core: Core, role: Role): { view: View; data: JsonData } {
  const next = core.nextRoles(role.id);
  const data = pathData({ status: 'next', from: role.id, next: next.map((n) => ({ role: n.role.id, via: n.via })) });
  const view = kbView(core.kb, {
    kind: 'path',
    title: `Career moves from ${role.name}`,
    description: 'The next steps the reference lists for this role, and the pathway tracks it is on.',
    sections: [
      { heading: 'Career progression', items: progressionText(core.kb, role) },
      ...(next.length ? [{ heading: 'Roles one move away', items: next.map((n) => `${n.role.name} (${n.via})`) }] : []),
      { heading: 'Seniority ladder (any track)', items: core.kb.reference.pathways.ladder.map((r) => `${r.level}: ${r.years}`) },
    ],
    actions: next.slice(0, 5).map((n) => ({
      type: 'button' as const,
      label: `Path to ${n.role.name}`.slice(0, 80),
      invoke: { command: 'path', args: { from: roleRef(role), to: roleRef(n.role) } },
    })),
    // The role's page carries its career progression and next moves.
    page: { kind: 'role', role: role.id },
  });
  return { view, data };
}

/** The route between two roles; with the asker's saved skills, also what each step adds to learn. */
function routeAnswer(core: Core, a: Role, b: Role, skills?: string[]): { view: View; data: JsonData } {
  const result = core.path(a.id, b.id);
  const ends = { from: a.id, to: b.id };
  if (result.status === 'same') {
    const view = kbView(core.kb, { kind: 'path', title: `You are already there`, description: `Both ends are ${a.name}.` });
    return { view, data: pathData({ status: 'same', ...ends, roles: [a.id] }) };
  }
  if (result.status === 'none') {
    const data = pathData({ status: 'none', ...ends, reverse: result.reverse ? stepIds(result.reverse) : null });
    const view = kbView(core.kb, {
      kind: 'path',
      title: `No listed path from ${a.name} to ${b.name}`,
      description: result.reverse
        ? `The reference lists the move the other way, in ${result.reverse.length} step(s): ${[result.reverse[0]!.from, ...result.reverse.map((s) => s.to)].map((r) => r.name).join(' → ')}.`
        : 'Neither role’s career progression nor any pathway track links them. Compare them to see the skills gap.',
      actions: [{ type: 'button', label: 'Compare them', invoke: { command: 'compare', args: { role_a: roleRef(a), role_b: roleRef(b) } } }],
      tone: 'warning',
      page: { kind: 'path', from: a.id, to: b.id },
    });
    return { view, data };
  }
  const data = pathData({ status: 'found', ...ends, roles: [result.from.id, ...result.steps.map((s) => s.to.id)], steps: stepIds(result.steps) });
  const view = kbView(core.kb, {
    kind: 'path',
    title: `${a.name} → ${b.name}`,
    description: `${result.steps.length} move${result.steps.length === 1 ? '' : 's'}: ${[result.from, ...result.steps.map((s) => s.to)].map((r) => r.name).join(' → ')}`,
    sections: [
      { heading: 'Steps', items: result.steps.map((s) => `${s.from.name} → ${s.to.name} (${s.via})`) },
      ...(skills ? [stepSkills(core, result.steps, skills)] : []),
    ],
    chart: pathChart(result.steps),
    actions: [
      { type: 'button', label: 'Compare them', invoke: { command: 'compare', args: { role_a: roleRef(a), role_b: roleRef(b) } } },
      { type: 'button', label: b.name.slice(0, 80), invoke: { command: 'role', args: { name: roleRef(b) } } },
    ],
    page: { kind: 'path', from: a.id, to: b.id },
  });
  return { view, data };
}
