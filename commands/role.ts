import * as z from 'zod';
import { defineCommand, roleText } from './command.js';
import { roleCard } from '../src/views/cards/role-card.js';
import { unresolvedView } from '../src/views/cards/resolution-views.js';
import { roleRef } from '../src/views/format.js';

export const role = defineCommand({
  name: 'role',
  description: 'Show a role card: what the job is, layer, difficulty, pay in the US and India, skills',
  usage: '/role <role name>',
  examples: ['/role AI Engineer', '/role mlops', '/role prompt enginer'],
  options: [{ name: 'name', kind: 'role', description: 'A role title, alias or abbreviation', required: true }],
  input: z.object({ name: roleText }),
  parseText: (text) => ({ name: text }),
  run({ name }, core) {
    const res = core.resolve(name);
    if (res.status !== 'found') {
      return unresolvedView(core, res, (r) => ({ command: 'role', args: { name: roleRef(r) } }));
    }
    return roleCard(core, res.role);
  },
});
