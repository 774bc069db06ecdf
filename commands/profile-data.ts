import type { Core } from '../src/core/index.js';
import type { ProfileData, ProfileKey } from '../src/store/store.js';
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
