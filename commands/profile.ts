import * as z from 'zod';
import type { Core } from '../src/core/index.js';
import type { Role } from '../src/core/schema/role.js';
import { unresolvedView } from '../src/views/cards/resolution-views.js';
import { roleRef } from '../src/views/format.js';
import type { View } from '../src/views/view.js';
import type { Profile, ProfileData, ProfileKey } from '../src/store/store.js';
import { type CommandContext, defineCommand, MAX_OPTION_LENGTH } from './command.js';
import { splitSkills } from './match.js';
import { emptyProfile, MAX_PROFILE_SKILLS, MAX_SKILL_LENGTH, MAX_SKILLS_TEXT, profileKey, sortSkills } from './profile-data.js';
import { exportJson, exportView, profileNotice, profileView } from './profile-views.js';

/**
 * /profile: a saved career profile (current role, goal role, market, skills) that the other
 * commands use to answer for the asker. One definition for every front end: Discord's
 * subcommands (src/platforms/discord/profile-command.ts), Slack's and the console's text, the
 * CLI's `rolecall profile`. Every answer is private; contents are never logged.
 */

export const PROFILE_ACTIONS = ['show', 'set', 'learned', 'forget', 'export', 'delete'] as const;

/** "all" or "none" clears the option's value. */
const CLEAR = new Set(['all', 'none']);

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max.toLocaleString('en')} characters; nothing was saved`)
    .optional();

const input = z.object({
  subcommand: z.enum(PROFILE_ACTIONS, { error: `expected one of: ${PROFILE_ACTIONS.join(', ')}` }).default('show'),
  current: optionalText(MAX_OPTION_LENGTH, 'a role name'),
  goal: optionalText(MAX_OPTION_LENGTH, 'a role name'),
  market: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['us', 'india', 'uk', 'all', 'none'], { error: 'expected a market: us, india or uk (or none to clear it)' }))
    .optional(),
  skills: optionalText(MAX_SKILLS_TEXT, 'the skills option'),
  /** learned / forget: one skill. */
  skill: optionalText(MAX_SKILL_LENGTH, 'a skill'),
});
type Input = z.infer<typeof input>;

const USAGE =
  '/profile show | set [current:<role>] [goal:<role>] [market:us|india|uk] [skills:<skill>, <skill>, ...] | learned <skill> | forget <skill> | export | delete';

/** "set current: Prompt Engineer goal: AI Solutions Architect market: india skills: python, pytorch" → raw input. */
export function parseProfileText(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const action = first.toLowerCase();
  const tail = trimmed.slice(first.length).trim();
  if (!first) return {};
  if (action === 'learned' || action === 'forget') return { subcommand: action, ...(tail ? { skill: tail } : {}) };
  if (action !== 'set') return { subcommand: action, ...(rest.length ? { skill: tail } : {}) };
  const raw: Record<string, unknown> = { subcommand: 'set' };
  // Each option is its name, ":" or "=" (or a space), then everything up to the next option name.
  const parts = tail.split(/(?:^|\s+)(current|goal|market|skills)\s*(?:[:=]\s*|\s+)/i);
  for (let i = 1; i < parts.length; i += 2) raw[parts[i]!.toLowerCase()] = parts[i + 1]?.trim() ?? '';
  return raw;
}

type Resolved = { ok: true; id: string | undefined } | { ok: false; view: View };

/** A role option: left out keeps the saved value, all/none clears, else it must resolve to one role. */
function resolveRole(core: Core, typed: string | undefined, saved: string | undefined, option: 'current' | 'goal'): Resolved {
  if (typed === undefined) return { ok: true, id: saved };
  if (CLEAR.has(typed.toLowerCase())) return { ok: true, id: undefined };
  const res = core.resolve(typed);
  if (res.status === 'found') return { ok: true, id: res.role.id };
  const retry = (r: Role) => ({ command: 'profile', args: { subcommand: 'set', [option]: roleRef(r) } });
  const asked = unresolvedView(core, res, retry, `${option} role`);
  return { ok: false, view: { ...asked, description: `${asked.description ?? ''} Nothing was saved.`.trim() } };
}

async function save(ctx: Required<Pick<CommandContext, 'profiles'>>, key: ProfileKey, data: ProfileData): Promise<Profile> {
  const at = new Date();
  await ctx.profiles.profiles.put(key, data, at);
  return { ...data, updatedAt: at };
}

const tooMany = (n: number) =>
  profileNotice(
    `At most ${MAX_PROFILE_SKILLS} skills`,
    `That would make ${n} skills; a profile keeps at most ${MAX_PROFILE_SKILLS}, and one skills option at most ${MAX_SKILLS_TEXT.toLocaleString('en')} characters. Nothing was saved.`,
  );

async function set(i: Input, core: Core, ctx: Required<Pick<CommandContext, 'profiles'>>, key: ProfileKey, saved: Profile | undefined): Promise<View> {
  const before = saved ?? { ...emptyProfile(), updatedAt: new Date(0) };
  if ([i.current, i.goal, i.market, i.skills].every((v) => v === undefined)) {
    return profileNotice('Nothing to set', `Give at least one option: ${USAGE.split(' | ')[1]}.`);
  }
  const current = resolveRole(core, i.current, before.currentRole, 'current');
  if (!current.ok) return current.view;
  const goal = resolveRole(core, i.goal, before.goalRole, 'goal');
  if (!goal.ok) return goal.view;
  if (current.id && current.id === goal.id) {
    return profileNotice('Your goal is your current role', 'Pick a goal role other than the role you have now. Nothing was saved.');
  }
  const market = i.market === undefined ? before.market : CLEAR.has(i.market) ? undefined : (i.market as ProfileData['market']);
  let skills = { skills: before.skills, otherSkills: before.otherSkills };
  const said: string[] = [];
  if (i.skills !== undefined) {
    if (CLEAR.has(i.skills.toLowerCase())) skills = { skills: [], otherSkills: [] };
    else {
      const typed = splitSkills(i.skills);
      const long = typed.find((s) => s.length > MAX_SKILL_LENGTH);
      if (long) return profileNotice('A skill is too long', `One skill is at most ${MAX_SKILL_LENGTH} characters. Nothing was saved.`);
      skills = sortSkills(core, typed);
      if (skills.skills.length + skills.otherSkills.length > MAX_PROFILE_SKILLS) return tooMany(skills.skills.length + skills.otherSkills.length);
      if (skills.otherSkills.length) said.push(`Not in the data's vocabulary, kept as you typed them: ${skills.otherSkills.join(', ')}.`);
    }
  }
  const data: ProfileData = {
    ...(current.id ? { currentRole: current.id } : {}),
    ...(goal.id ? { goalRole: goal.id } : {}),
    ...(market ? { market } : {}),
    ...skills,
  };
  return profileView(core, await save(ctx, key, data), 'Profile saved', said);
}

async function learned(i: Input, core: Core, ctx: Required<Pick<CommandContext, 'profiles'>>, key: ProfileKey, saved: Profile | undefined): Promise<View> {
  if (!i.skill) return profileNotice('Which skill?', 'Name the skill: /profile learned <skill>.');
  const before = saved ?? { ...emptyProfile(), updatedAt: new Date(0) };
  const merged = sortSkills(core, [...before.skills, ...before.otherSkills, i.skill]);
  const total = merged.skills.length + merged.otherSkills.length;
  if (total === before.skills.length + before.otherSkills.length) return profileView(core, saved, 'Already in your profile');
  if (total > MAX_PROFILE_SKILLS) return tooMany(total);
  const known = core.recogniseSkill(i.skill) !== undefined;
  const said = known ? [] : [`"${i.skill}" is not in the data's vocabulary; it is kept as you typed it.`];
  return profileView(core, await save(ctx, key, { ...before, ...merged }), 'Skill added', said);
}

async function forget(i: Input, core: Core, ctx: Required<Pick<CommandContext, 'profiles'>>, key: ProfileKey, saved: Profile | undefined): Promise<View> {
  if (!i.skill) return profileNotice('Which skill?', 'Name the skill: /profile forget <skill>.');
  const skill = i.skill;
  const keyOf = core.recogniseSkill(skill);
  const skills = (saved?.skills ?? []).filter((s) => s !== keyOf && s !== skill.toLowerCase());
  const otherSkills = (saved?.otherSkills ?? []).filter((s) => s.toLowerCase() !== skill.toLowerCase());
  if (!saved || (skills.length === saved.skills.length && otherSkills.length === saved.otherSkills.length)) {
    return profileNotice('Not in your profile', `"${skill}" is not among your saved skills; nothing changed.`, 'info');
  }
  return profileView(core, await save(ctx, key, { ...saved, skills, otherSkills }), 'Skill removed');
}

export const profile = defineCommand({
  name: 'profile',
  description: 'Your saved career profile: roles, market and skills that personalise every answer (only you see it)',
  usage: USAGE,
  examples: [
    '/profile set current:Prompt Engineer goal:AI Solutions Architect market:india skills:python, pytorch, docker',
    '/profile learned CUDA',
    '/profile show',
  ],
  options: [],
  input,
  parseText: parseProfileText,
  changes: (i) => i.subcommand !== 'show' && i.subcommand !== 'export',
  // The export is one JSON document: cut into parts it would parse nowhere.
  whole: (i) => i.subcommand === 'export',
  async run(i, core, ctx): Promise<View> {
    const key = profileKey(ctx);
    const profiles = ctx.profiles;
    if (!key || !profiles) {
      return profileNotice('Profiles are not kept here', 'Use /profile on Discord, Slack or the console chat of a RoleCall that has a database.', 'info');
    }
    if (ctx.privateAnswers === false) {
      return profileNotice(
        'RoleCall cannot answer you privately here',
        'A profile is shown only to its owner, and here the answer would be public. Use the /profile slash command, or a direct message with RoleCall.',
      );
    }
    const access = { profiles };
    const saved = await profiles.profiles.get(key);
    switch (i.subcommand) {
      case 'show':
        return profileView(core, saved);
      case 'set':
        return set(i, core, access, key, saved);
      case 'learned':
        return learned(i, core, access, key, saved);
      case 'forget':
        return forget(i, core, access, key, saved);
      case 'export':
        return exportView(exportJson(key, saved));
      case 'delete': {
        const had = (await profiles.eraseUser(key)).hadProfile;
        return profileNotice(
          had ? 'Profile deleted' : 'You had no saved profile',
          had ? 'Your profile is erased, with no copy left in the database; answers are no longer personalised.' : 'There was nothing to delete.',
          had ? 'success' : 'info',
        );
      }
    }
  },
});
