import { z } from 'zod';
import { defineCommand, MAX_OPTION_LENGTH } from './command.js';
import { kbView, roleRef } from '../src/views/format.js';
import type { View } from '../src/views/view.js';

/** "python, pytorch; sql" or "python pytorch sql" → skills. Commas win when present. */
export function splitSkills(text: string): string[] {
  const parts = /[,;|\n]/.test(text) ? text.split(/[,;|\n]+/) : text.split(/\s+/);
  return parts.map((s) => s.trim()).filter(Boolean);
}

export const match = defineCommand({
  name: 'match',
  description: 'Which roles fit the skills you have, ranked by overlap with their must-haves',
  usage: '/match <skill>, <skill>, ...',
  examples: ['/match python, pytorch, sql, docker', '/match communication, RAG, API integration'],
  options: [{ name: 'skills', kind: 'text', description: 'Your skills, separated by commas', required: true, maxLength: MAX_OPTION_LENGTH }],
  input: z.object({
    skills: z
      .string()
      .trim()
      .min(1, 'list a few skills, separated by commas')
      .max(MAX_OPTION_LENGTH * 2)
      .transform(splitSkills)
      .pipe(z.array(z.string()).min(1, 'list a few skills, separated by commas').max(30, 'at most 30 skills at once')),
  }),
  parseText: (text) => ({ skills: text }),
  run({ skills }, core): View {
    const results = core.match(skills, 5);
    if (results.length === 0) {
      return kbView(core.kb, {
        kind: 'match',
        title: 'No role matches those skills',
        description: 'Use tool and technique names from job posts, such as Python, PyTorch, RAG, SQL, Docker.',
        tone: 'warning',
        private: true,
      });
    }
    return kbView(core.kb, {
      kind: 'match',
      title: `Best matches for ${skills.length} skill${skills.length === 1 ? '' : 's'}`,
      description: `Ranked by how many of each role's must-have skills you cover.`,
      fields: results.map((m, i) => ({
        label: `${i + 1}. ${m.role.name}`,
        value: [
          `${m.matchedMustHave.length} of ${m.role.mustHave.length} must-haves (${Math.round(m.coverage * 100)}%)`,
          m.matchedNiceToHave.length ? `+ ${m.matchedNiceToHave.length} nice-to-have` : '',
          m.missingMustHave.length ? `Missing: ${m.missingMustHave.slice(0, 4).join(', ')}${m.missingMustHave.length > 4 ? ', …' : ''}` : 'Nothing missing',
        ]
          .filter(Boolean)
          .join('\n'),
      })),
      actions: results.map((m) => ({ type: 'button' as const, label: m.role.name, invoke: { command: 'role', args: { name: roleRef(m.role) } } })),
    });
  },
});
