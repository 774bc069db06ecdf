import * as z from 'zod';
import { defineCommand, roleText, type CommandResult } from './command.js';
import { unresolvedAnswer, type JsonData } from './command-data.js';
import type { PathStep } from '../src/core/career-path.js';
import { kbView, progressionText, roleRef } from '../src/views/format.js';
import { pathChart } from '../src/views/chart.js';

type PathData = Extract<JsonData, { kind: 'path' }>;
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
  usage: '/path <from role> to <to role>',
  examples: ['/path AI Engineer to AI Solutions Architect', '/path Prompt Engineer'],
  options: [
    { name: 'from', kind: 'role', description: 'Where you are now', required: true },
    { name: 'to', kind: 'role', description: 'Where you want to go (leave out to see the next moves)', required: false },
  ],
  input: z.object({ from: roleText, to: roleText.optional() }),
  parseText(text) {
    const m = /^(.*?)\s+(?:to|->|→|=>)\s+(.*)$/i.exec(text.trim());
    return m ? { from: m[1], to: m[2] } : { from: text };
  },
  run({ from, to }, core): CommandResult {
    const a = core.resolve(from);
    if (a.status !== 'found') {
      return unresolvedAnswer(core, a, (r) => {
        const args: Record<string, string> = { from: roleRef(r) };
        if (to) args.to = to.slice(0, 40);
        return { command: 'path', args };
      });
    }
    if (!to) {
      const next = core.nextRoles(a.role.id);
      const data = pathData({ status: 'next', from: a.role.id, next: next.map((n) => ({ role: n.role.id, via: n.via })) });
      const view = kbView(core.kb, {
        kind: 'path',
        title: `Career moves from ${a.role.name}`,
        description: 'The next steps the reference lists for this role, and the pathway tracks it is on.',
        sections: [
          { heading: 'Career progression', items: progressionText(core.kb, a.role) },
          ...(next.length ? [{ heading: 'Roles one move away', items: next.map((n) => `${n.role.name} (${n.via})`) }] : []),
          { heading: 'Seniority ladder (any track)', items: core.kb.reference.pathways.ladder.map((r) => `${r.level}: ${r.years}`) },
        ],
        actions: next.slice(0, 5).map((n) => ({
          type: 'button' as const,
          label: `Path to ${n.role.name}`.slice(0, 80),
          invoke: { command: 'path', args: { from: roleRef(a.role), to: roleRef(n.role) } },
        })),
        // The role's page carries its career progression and next moves.
        page: { kind: 'role', role: a.role.id },
      });
      return { view, data };
    }
    const b = core.resolve(to);
    if (b.status !== 'found') {
      return unresolvedAnswer(core, b, (r) => ({ command: 'path', args: { from: roleRef(a.role), to: roleRef(r) } }));
    }
    const result = core.path(a.role.id, b.role.id);
    const ends = { from: a.role.id, to: b.role.id };
    if (result.status === 'same') {
      const view = kbView(core.kb, { kind: 'path', title: `You are already there`, description: `Both ends are ${a.role.name}.` });
      return { view, data: pathData({ status: 'same', ...ends, roles: [a.role.id] }) };
    }
    if (result.status === 'none') {
      const data = pathData({ status: 'none', ...ends, reverse: result.reverse ? stepIds(result.reverse) : null });
      const view = kbView(core.kb, {
        kind: 'path',
        title: `No listed path from ${a.role.name} to ${b.role.name}`,
        description: result.reverse
          ? `The reference lists the move the other way, in ${result.reverse.length} step(s): ${[result.reverse[0]!.from, ...result.reverse.map((s) => s.to)].map((r) => r.name).join(' → ')}.`
          : 'Neither role’s career progression nor any pathway track links them. Compare them to see the skills gap.',
        actions: [{ type: 'button', label: 'Compare them', invoke: { command: 'compare', args: { role_a: roleRef(a.role), role_b: roleRef(b.role) } } }],
        tone: 'warning',
        page: { kind: 'path', from: a.role.id, to: b.role.id },
      });
      return { view, data };
    }
    const data = pathData({ status: 'found', ...ends, roles: [result.from.id, ...result.steps.map((s) => s.to.id)], steps: stepIds(result.steps) });
    const view = kbView(core.kb, {
      kind: 'path',
      title: `${a.role.name} → ${b.role.name}`,
      description: `${result.steps.length} move${result.steps.length === 1 ? '' : 's'}: ${[result.from, ...result.steps.map((s) => s.to)].map((r) => r.name).join(' → ')}`,
      sections: [{ heading: 'Steps', items: result.steps.map((s) => `${s.from.name} → ${s.to.name} (${s.via})`) }],
      chart: pathChart(result.steps),
      actions: [
        { type: 'button', label: 'Compare them', invoke: { command: 'compare', args: { role_a: roleRef(a.role), role_b: roleRef(b.role) } } },
        { type: 'button', label: b.role.name.slice(0, 80), invoke: { command: 'role', args: { name: roleRef(b.role) } } },
      ],
      page: { kind: 'path', from: a.role.id, to: b.role.id },
    });
    return { view, data };
  },
});
