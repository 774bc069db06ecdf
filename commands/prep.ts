import * as z from 'zod';
import { defineCommand, roleText } from './command.js';
import { unresolvedView } from '../src/views/cards/resolution-views.js';
import { careerActions } from '../src/views/audience.js';
import { kbView, layerLabel, roleRef } from '../src/views/format.js';
import type { Section, View } from '../src/views/view.js';

export const prep = defineCommand({
  name: 'prep',
  description: 'Interview prep for a role: the rounds, their topics, the take-home and what frontier labs ask',
  usage: '/prep <role>',
  examples: ['/prep AI Engineer', '/prep MLOps Engineer', '/prep research scientist'],
  options: [{ name: 'role', kind: 'role', description: 'A role title, alias or abbreviation', required: true }],
  input: z.object({ role: roleText }),
  parseText: (text) => ({ role: text }),
  run({ role: query }, core): View {
    const res = core.resolve(query);
    if (res.status !== 'found') return unresolvedView(core, res, (r) => ({ command: 'prep', args: { role: roleRef(r) } }));
    const role = res.role;
    const extras = core.extras(role);
    const sections: Section[] = extras.interviewRounds.map(({ round, topics, task }) => ({
      heading: `${round.name} (${round.scope})`,
      ...(task ? { body: `Take-home for ${layerLabel(core.kb, role.layer)} roles: ${task}` } : {}),
      items: [...topics, ...round.companyFocus.map((c) => `${c.company}: ${c.focus}`), ...round.notes],
    }));
    const labs = core.kb.reference.frontierLabs;
    if (extras.frontierRequirements.length > 0) {
      sections.push(
        { heading: `Frontier labs (${labs.labs.join(', ')}): what they require`, items: extras.frontierRequirements },
        { heading: 'What makes a candidate stand out at the labs', items: labs.standOut },
      );
    }
    return kbView(core.kb, {
      kind: 'prep',
      title: `Interview prep: ${role.name}`,
      description: `The ${extras.interviewRounds.length} interview rounds that apply to ${role.name} (${layerLabel(core.kb, role.layer)})${extras.frontierRequirements.length ? ', and what the frontier labs look for' : ''}.`,
      sections,
      actions: careerActions(role, 'prep'),
    });
  },
});
