import * as z from 'zod';
import { defineCommand, roleText } from './command.js';
import { unresolvedView } from '../src/views/cards/resolution-views.js';
import { kbView, progressionText, roleRef } from '../src/views/format.js';
import { pathChart } from '../src/views/chart.js';
import type { View } from '../src/views/view.js';

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
  run({ from, to }, core): View {
    const a = core.resolve(from);
    if (a.status !== 'found') {
      return unresolvedView(core, a, (r) => {
        const args: Record<string, string> = { from: roleRef(r) };
        if (to) args.to = to.slice(0, 40);
        return { command: 'path', args };
      });
    }
    if (!to) {
      const next = core.nextRoles(a.role.id);
      return kbView(core.kb, {
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
    }
    const b = core.resolve(to);
    if (b.status !== 'found') {
      return unresolvedView(core, b, (r) => ({ command: 'path', args: { from: roleRef(a.role), to: roleRef(r) } }));
    }
    const result = core.path(a.role.id, b.role.id);
    if (result.status === 'same') {
      return kbView(core.kb, { kind: 'path', title: `You are already there`, description: `Both ends are ${a.role.name}.` });
    }
    if (result.status === 'none') {
      return kbView(core.kb, {
        kind: 'path',
        title: `No listed path from ${a.role.name} to ${b.role.name}`,
        description: result.reverse
          ? `The reference lists the move the other way, in ${result.reverse.length} step(s): ${[result.reverse[0]!.from, ...result.reverse.map((s) => s.to)].map((r) => r.name).join(' → ')}.`
          : 'Neither role’s career progression nor any pathway track links them. Compare them to see the skills gap.',
        actions: [{ type: 'button', label: 'Compare them', invoke: { command: 'compare', args: { role_a: roleRef(a.role), role_b: roleRef(b.role) } } }],
        tone: 'warning',
        page: { kind: 'path', from: a.role.id, to: b.role.id },
      });
    }
    return kbView(core.kb, {
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
  },
});
