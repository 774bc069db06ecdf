import type { Core } from '../src/core/index.js';
import type { PathStep } from '../src/core/career-path.js';
import type { Role } from '../src/core/schema/role.js';
import { skillAtoms } from '../src/core/skills.js';
import { notice } from '../src/views/cards/notice.js';
import { roleRef } from '../src/views/format.js';
import type { Section, View } from '../src/views/view.js';
import type { CommandContext } from './command.js';
import { profileSkills, profilesHere, roleFits, savedProfile } from './personal.js';

/**
 * /path without a starting role: the asker's saved current role (and goal, when no destination is
 * given), or the message saying what to give or to save. Nothing of the profile is logged.
 */

/** The saved roles a personalised /path runs between, with the saved skills for its per-step list. */
export type ProfileRoute = { from: Role; to: Role; goal: boolean; skills: string[] } | { view: View };

/** `to`: the destination asked for; undefined routes to the profile's goal. */
export async function profileRoute(core: Core, ctx: CommandContext, to: Role | undefined): Promise<ProfileRoute> {
  const profile = await savedProfile(ctx);
  // A role id the data no longer has counts as not saved.
  const saved = (id: string | undefined) => (id ? core.kb.byId.get(id) : undefined);
  const current = saved(profile?.currentRole);
  const goal = to ? undefined : saved(profile?.goalRole);
  const kept = profilesHere(ctx);
  const destination = to ?? goal;
  if (!current) {
    const route = `/path <from> to ${destination ? destination.name : '<to>'}`;
    if (destination) {
      const save = kept ? ', or save your current role with /profile set current:<role>' : '';
      return { view: notice('Where from?', `Give a starting role: ${route}${save}.`) };
    }
    const save = kept ? ' Or save your current role and goal with /profile set current:<role> goal:<role>, and /path on its own routes between them.' : '';
    return { view: notice('Which roles?', `Give a starting role and a goal: ${route}, or a role alone for its next moves: /path <from>.${save}`) };
  }
  if (!destination) {
    const view = notice('Where to?', `Give a goal: /path to <role>, or save yours with /profile set goal:<role>.`);
    return {
      view: {
        ...view,
        actions: [{ type: 'button', label: `Moves from ${current.name}`.slice(0, 80), invoke: { command: 'path', args: { from: roleRef(current) } } }],
      },
    };
  }
  return { from: current, to: destination, goal: !to, skills: profileSkills(profile) };
}

/** "From your current role, Prompt Engineer, to your goal, AI Solutions Architect." */
export function routeSentence(route: { from: Role; to: Role; goal: boolean }): string {
  if (route.from.id === route.to.id) return `${route.to.name} is your current role.`;
  return `From your current role, ${route.from.name}, to ${route.goal ? 'your goal, ' : ''}${route.to.name}.`;
}

/**
 * For each step, the destination's must-haves that the role before it does not already ask for
 * (atoms meet, as /compare groups skills) and that the saved skills do not cover (by /role's rule,
 * or atoms meeting a saved skill's). All of them: a role has at most a handful of must-haves.
 */
export function stepSkills(core: Core, steps: readonly PathStep[], skills: string[]): Section {
  const fits = roleFits(
    core,
    steps.map((s) => s.to),
    skills,
  );
  const own = new Set(skills.flatMap((s) => [...skillAtoms(s)]));
  const items = steps.map((step, i) => {
    const before = new Set(step.from.mustHave.flatMap((s) => [...skillAtoms(s)]));
    const adds = fits[i]!.missing.filter((s) => ![...skillAtoms(s)].some((a) => before.has(a) || own.has(a)));
    return `${step.from.name} → ${step.to.name}: ${adds.length ? adds.join(', ') : 'nothing new to learn'}`;
  });
  const n = skills.length;
  return {
    heading: 'Skills each step adds',
    body: `The must-haves of each role that the role before it does not ask for${n ? `, less your ${n} saved skill${n === 1 ? '' : 's'}` : ''}.`,
    items,
  };
}
