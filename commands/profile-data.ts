import type { Core } from '../src/core/index.js';
import type { Role } from '../src/core/schema/role.js';
import type { Profile, ProfileData, ProfileKey } from '../src/store/store.js';
import type { CommandContext } from './command.js';

/**
 * The saved profile as the commands see it: whose it is (the key from the context), reading it
 * for a personalised answer without ever failing that answer, and the skill vocabulary rules.
 */

/** At most this many skills in a profile, and this many characters in one skills option. */
export const MAX_PROFILE_SKILLS = 50;
export const MAX_SKILLS_TEXT = 1000;
/** One skill's text. */
export const MAX_SKILL_LENGTH = 100;

/** Who is asking, as the profiles table keys them; undefined where no user is known (the public pages). */
export function profileKey(ctx: CommandContext): ProfileKey | undefined {
  const userId = ctx.invoker?.userId;
  if (!userId || ctx.platform === 'cli') return undefined;
  // A Slack user id is unique within its team only; a Discord user is one person in every server.
  const workspaceId = ctx.platform === 'slack' ? (ctx.invoker?.workspaceId ?? '') : '';
  return { platform: ctx.platform, workspaceId, userId };
}

/**
 * The asker's profile for a personalised answer. A store that cannot be read costs the "for you"
 * line, never the answer (and nothing about the profile is logged: there is no logger here).
 */
export async function savedProfile(ctx: CommandContext): Promise<Profile | undefined> {
  const key = profileKey(ctx);
  if (!key || !ctx.profiles) return undefined;
  try {
    return await ctx.profiles.profiles.get(key);
  } catch {
    return undefined;
  }
}

export const emptyProfile = (): ProfileData => ({ skills: [], otherSkills: [] });

/** Skills sorted into the data's vocabulary (keys, deduplicated) and the rest (as typed, deduplicated). */
export function sortSkills(core: Core, typed: readonly string[]): { skills: string[]; otherSkills: string[] } {
  const skills: string[] = [];
  const otherSkills: string[] = [];
  for (const text of typed) {
    const key = core.recogniseSkill(text);
    if (key) {
      if (!skills.includes(key)) skills.push(key);
    } else if (!otherSkills.some((o) => o.toLowerCase() === text.toLowerCase())) otherSkills.push(text);
  }
  return { skills, otherSkills };
}

/** Every skill of the profile, for matching: the recognised keys and the rest as typed. */
export const allSkills = (p: Pick<ProfileData, 'skills' | 'otherSkills'>): string[] => [...p.skills, ...p.otherSkills];

export interface RoleFit {
  have: string[];
  missing: string[];
  niceHave: string[];
}

/** Which of the role's must-haves (and nice-to-haves) the profile's skills cover, by the /match rules. */
export function roleFit(core: Core, role: Role, profile: Pick<ProfileData, 'skills' | 'otherSkills'>): RoleFit {
  const [m] = core.match(allSkills(profile), core.kb.roles.length).filter((x) => x.role.id === role.id);
  if (!m) return { have: [], missing: [...role.mustHave], niceHave: [] };
  return { have: m.matchedMustHave, missing: m.missingMustHave, niceHave: m.matchedNiceToHave };
}

const list = (items: readonly string[], max = 5) => `${items.slice(0, max).join(', ')}${items.length > max ? ', …' : ''}`;

/** "You have 3 of 7 must-have skills; still to learn: CUDA, Triton, …. Nice-to-haves you have: Docker." */
export function fitSentence(role: Role, fit: RoleFit): string {
  const total = role.mustHave.length;
  const head =
    fit.missing.length === 0
      ? `You have all ${total} must-have skills.`
      : `You have ${fit.have.length} of ${total} must-have skills; still to learn: ${list(fit.missing)}.`;
  return fit.niceHave.length ? `${head} Nice-to-haves you have: ${list(fit.niceHave)}.` : head;
}
