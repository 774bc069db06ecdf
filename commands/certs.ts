import * as z from 'zod';
import { defineCommand, roleText, type CommandResult } from './command.js';
import { unresolvedAnswer } from './command-data.js';
import { audienceText, careerActions } from '../src/views/audience.js';
import { kbView, roleRef } from '../src/views/format.js';
import type { Certification } from '../src/core/schema/reference.js';
import type { Section } from '../src/views/view.js';
import type { Role } from '../src/core/schema/role.js';

const PRIORITIES = [
  ['high', 'High priority'],
  ['medium', 'Medium priority'],
  ['nice-to-have', 'Nice to have'],
] as const;

export const certs = defineCommand({
  name: 'certs',
  description: 'The certification roadmap by priority, for one role or for all',
  usage: '/certs [role]',
  examples: ['/certs', '/certs ML Engineer', '/certs AI Product Manager'],
  options: [{ name: 'role', kind: 'role', description: 'Only the certifications for this role', required: false }],
  input: z.object({ role: roleText.optional() }),
  parseText: (text) => ({ role: text }),
  run({ role: query }, core): CommandResult {
    const kb = core.kb;
    let list: Certification[] = kb.reference.certifications;
    let role: Role | undefined;
    if (query !== undefined) {
      const res = core.resolve(query);
      if (res.status !== 'found') return unresolvedAnswer(core, res, (r) => ({ command: 'certs', args: { role: roleRef(r) } }));
      role = res.role;
      list = core.extras(role).certifications;
    }
    const line = (c: Certification) =>
      `${c.name}${c.code ? ` (${c.code})` : ''}${role ? '' : `, for ${audienceText(kb, c.appliesTo)}`}${c.note ? `. ${c.note}` : ''}`;
    const sections: Section[] = PRIORITIES.flatMap(([priority, heading]) => {
      const items = list.filter((c) => c.priority === priority).map(line);
      return items.length ? [{ heading, items }] : [];
    });
    const view = kbView(kb, {
      kind: 'certs',
      title: role ? `Certifications for ${role.name}` : 'Certification roadmap',
      description:
        role && list.length === 0 ? `The reference names no certification for ${role.name}. ${kb.reference.certificationNote}` : kb.reference.certificationNote,
      sections,
      actions: role ? careerActions(role, 'certs') : [],
    });
    return { view, data: { kind: 'certs', role: role?.id ?? null, certifications: list } };
  },
});
