import * as z from 'zod';
import { defineCommand, roleText, type CommandResult } from './command.js';
import { unresolvedAnswer } from './command-data.js';
import { LAYER_CHOICES, layerInput } from './roles.js';
import { audienceText, careerActions } from '../src/views/audience.js';
import { kbView, layerLabel, roleRef } from '../src/views/format.js';
import { projectsForLayer } from '../src/core/extras.js';
import type { PortfolioProject } from '../src/core/schema/reference.js';
import type { Section } from '../src/views/view.js';
import type { Core } from '../src/core/index.js';
import { seedNames } from '../src/views/deep-dive/format.js';
import type { Role } from '../src/core/schema/role.js';

/** For the role with a deep-dive (AI Engineer): what its articles advise about a portfolio. */
function deepDiveAdvice(core: Core, role: Role): Section[] {
  const deep = core.kb.aiEngineer;
  if (deep.meta.role !== role.id) return [];
  return deep.breakingIn.advice
    .filter((a) => a.topic === 'portfolio')
    .map((a) => ({ heading: `Portfolio advice, per ${seedNames(deep, a.sources.seeds)}`, items: a.points }));
}

const LAYER_WORD = /^(?:layer\s*|l)?[1-6]$|^cross(?:-cutting)?$/i;

export const projects = defineCommand({
  name: 'projects',
  description: 'Portfolio project ideas with tips, for a role, a layer of the stack, or all',
  usage: '/projects [role | layer]',
  examples: ['/projects', '/projects RAG Engineer', '/projects L3'],
  options: [
    { name: 'role', kind: 'role', description: 'Projects for this role', required: false },
    {
      name: 'layer',
      kind: 'choice',
      description: 'Projects for this layer of the stack',
      required: false,
      choices: LAYER_CHOICES,
    },
  ],
  input: z
    .object({ role: roleText.optional(), layer: layerInput.optional() })
    .refine((i) => !(i.role && i.layer), { message: 'give a role or a layer, not both' }),
  parseText: (text) => (LAYER_WORD.test(text.trim()) ? { layer: text } : { role: text }),
  run({ role: query, layer }, core): CommandResult {
    const kb = core.kb;
    let list: PortfolioProject[] = kb.reference.projects;
    let scope = 'every role';
    let role: Role | undefined;
    if (query !== undefined) {
      const res = core.resolve(query);
      if (res.status !== 'found') return unresolvedAnswer(core, res, (r) => ({ command: 'projects', args: { role: roleRef(r) } }));
      role = res.role;
      list = core.extras(role).projects;
      scope = role.name;
    } else if (layer !== undefined) {
      list = projectsForLayer(kb, layer);
      scope = layerLabel(kb, layer);
    }
    const view = kbView(kb, {
      kind: 'projects',
      title: `Portfolio projects: ${scope}`,
      description:
        list.length === 1
          ? '1 project idea from the reference, with a tip on what makes it count.'
          : `${list.length} project ideas from the reference, each with a tip on what makes it count.`,
      sections: [
        ...list.map((p) => ({
          heading: p.title,
          body: p.tip,
          items: [`For ${audienceText(kb, p.appliesTo)} (layer ${p.layers})`],
        })),
        ...(role ? deepDiveAdvice(core, role) : []),
      ],
      actions: role ? careerActions(role, 'projects') : [],
    });
    return { view, data: { kind: 'projects', role: role?.id ?? null, layer: layer ?? null, projects: list } };
  },
});
