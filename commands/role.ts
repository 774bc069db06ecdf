import * as z from 'zod';
import { defineCommand, roleText } from './command.js';
import { roleCard } from '../src/views/cards/role-card.js';
import { resolutionData, unresolvedAnswer } from './command-data.js';
import { roleRef } from '../src/views/format.js';
import type { Role } from '../src/core/schema/role.js';
import type { Core } from '../src/core/index.js';
import type { View } from '../src/views/view.js';
import { forYou, profileSkills, type RoleFit, roleFits, savedProfile, shortList } from './personal.js';

/** "You have 3 of 7 must-have skills; still to learn: CUDA, Triton, …; nice-to-haves you have: Docker." */
function fitSentence(core: Core, role: Role, skills: string[]): string {
  const [fit] = roleFits(core, [role], skills) as [RoleFit];
  const total = role.mustHave.length;
  const head =
    fit.missing.length === 0
      ? `You have all ${total} must-have skills`
      : `You have ${fit.have.length} of ${total} must-have skills; still to learn: ${shortList(fit.missing)}`;
  return `${head}${fit.niceHave.length ? `; nice-to-haves you have: ${shortList(fit.niceHave)}` : ''}.`;
}

/** The role card, opened by a "For you" line when the asker's profile has skills. */
function personalCard(core: Core, role: Role, skills: string[]): View {
  const card = roleCard(core, role);
  if (skills.length === 0) return card;
  return forYou(card, fitSentence(core, role, skills));
}

export const role = defineCommand({
  name: 'role',
  description: 'Show a role card: what the job is, layer, difficulty, pay in the US and India, skills',
  usage: '/role <role name>',
  examples: ['/role AI Engineer', '/role mlops', '/role prompt enginer'],
  options: [{ name: 'name', kind: 'role', description: 'A role title, alias or abbreviation', required: true }],
  input: z.object({ name: roleText }),
  parseText: (text) => ({ name: text }),
  async run({ name }, core, ctx) {
    const res = core.resolve(name);
    if (res.status !== 'found') {
      return unresolvedAnswer(core, res, (r) => ({ command: 'role', args: { name: roleRef(r) } }));
    }
    return { view: personalCard(core, res.role, profileSkills(await savedProfile(ctx))), data: resolutionData(res) };
  },
});
