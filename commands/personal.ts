import type { Core } from '../src/core/index.js';
import type { Role } from '../src/core/schema/role.js';
import { withDeadline } from './store-deadline.js';
import type { Profile, ProfileData } from '../src/store/store.js';
import type { Field, View } from '../src/views/view.js';
import type { CommandContext } from './command.js';
import { profileKey } from './profile-data.js';

/**
 * Personalised answers: the asker's saved profile, read so that it can never fail the answer, and
 * the "For you" line an answer shows from it. An answer with that line is private, since it
 * tells the asker's skills or market to whoever else would see it.
 */

/**
 * The asker's profile, or undefined where none is kept (the CLI, the pages), where the answer
 * could not be private (a mention with no one to whisper to), or when the store fails or does not
 * answer within its read budget: that costs the "For you" line, never the answer (nor its
 * deadline). Nothing of the profile is logged.
 */
export async function savedProfile(ctx: CommandContext): Promise<Profile | undefined> {
  const key = profileKey(ctx);
  if (!key || !ctx.profiles || ctx.privateAnswers === false) return undefined;
  try {
    return await withDeadline(ctx.profiles.profiles.get(key));
  } catch {
    return undefined;
  }
}

/** Whether this front end keeps the asker's profile and can answer them privately, so a /profile hint makes sense here. */
export const profilesHere = (ctx: CommandContext): boolean => Boolean(ctx.profiles && profileKey(ctx) && ctx.privateAnswers !== false);

/** Every skill of a profile, for matching: the recognised keys and the rest as typed. */
export const profileSkills = (p: Pick<ProfileData, 'skills' | 'otherSkills'> | undefined): string[] => (p ? [...p.skills, ...p.otherSkills] : []);

/** The answer opened by a "For you" line, and private, since the line tells the asker's skills or market. */
export function forYou(view: View, sentence: string): View {
  const line: Field = { label: 'For you', value: sentence };
  return { ...view, fields: [line, ...view.fields], private: true };
}

export interface RoleFit {
  role: Role;
  have: string[];
  missing: string[];
  niceHave: string[];
  /** The /match rank among all roles; undefined when nothing of the role is covered. */
  rank: number | undefined;
}

/** Which of each role's must-haves and nice-to-haves the skills cover, by /match's rules (one core.match for all). */
export function roleFits(core: Core, roles: readonly Role[], skills: string[]): RoleFit[] {
  const matches = core.match(skills, core.kb.roles.length);
  return roles.map((role) => {
    const m = matches.find((x) => x.role.id === role.id);
    if (!m) return { role, have: [], missing: [...role.mustHave], niceHave: [], rank: undefined };
    return { role, have: m.matchedMustHave, missing: m.missingMustHave, niceHave: m.matchedNiceToHave, rank: m.rank };
  });
}

/** At most `max` items, "…" for the rest. */
export const shortList = (items: readonly string[], max = 5) => `${items.slice(0, max).join(', ')}${items.length > max ? ', …' : ''}`;
