import * as z from 'zod';
import { defineCommand, MAX_OPTION_LENGTH, type CommandResult } from './command.js';
import type { JsonData } from './command-data.js';
import { kbView, roleRef } from '../src/views/format.js';
import type { SkillHit } from '../src/core/skills.js';

export const skills = defineCommand({
  name: 'skills',
  description: 'Which roles need a skill, as a must-have or a nice-to-have',
  usage: '/skills <skill>',
  examples: ['/skills CUDA', '/skills Kubernetes', '/skills RAG'],
  options: [{ name: 'skill', kind: 'text', description: 'A skill, tool or language, e.g. PyTorch', required: true, maxLength: 100 }],
  input: z.object({ skill: z.string().trim().min(1, 'give a skill, e.g. PyTorch').max(MAX_OPTION_LENGTH) }),
  parseText: (text) => ({ skill: text }),
  run({ skill }, core): CommandResult {
    const hits = core.rolesForSkill(skill);
    const ids = (list: SkillHit[]) => list.map((h) => ({ role: h.role.id, skill: h.skill }));
    const data: JsonData = {
      kind: 'skills',
      query: hits.query,
      mustHave: ids(hits.mustHave),
      niceToHave: ids(hits.niceToHave),
      clusters: hits.clusters,
      suggestions: hits.suggestions,
    };
    const count = hits.mustHave.length + hits.niceToHave.length;
    const shown = skill.slice(0, 60);
    if (count === 0) {
      const view = kbView(core.kb, {
        kind: 'skills',
        title: `No role lists "${shown}"`,
        description: hits.suggestions.length
          ? 'Skills with a similar name are listed below.'
          : 'Try a tool or technique name such as PyTorch, RAG, CUDA or SQL.',
        sections: hits.suggestions.length ? [{ heading: 'Similar skills', items: hits.suggestions }] : [],
        tone: 'warning',
        private: true,
      });
      return { view, data };
    }
    const view = kbView(core.kb, {
      kind: 'skills',
      title: `Roles that use ${shown}`,
      description: `${hits.mustHave.length} list it as a must-have, ${hits.niceToHave.length} as a nice-to-have.`,
      sections: [
        ...(hits.mustHave.length ? [{ heading: 'Must-have', items: hits.mustHave.map((h) => `${h.role.name} (${h.skill})`) }] : []),
        ...(hits.niceToHave.length ? [{ heading: 'Nice to have', items: hits.niceToHave.map((h) => `${h.role.name} (${h.skill})`) }] : []),
        ...hits.clusters.map((c) => ({ heading: `Skill cluster: ${c.cluster}`, body: c.why })),
      ],
      actions: [
        {
          type: 'select',
          placeholder: 'Open a role card',
          options: [...hits.mustHave, ...hits.niceToHave].slice(0, 25).map((h) => ({
            label: h.role.name,
            invoke: { command: 'role', args: { name: roleRef(h.role) } },
          })),
        },
      ],
    });
    return { view, data };
  },
});
