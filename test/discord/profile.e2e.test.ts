import type { APIApplicationCommandAutocompleteInteraction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileKey } from '../../src/store/store.js';
import { payloads, type Callback } from '../fakes/discord/index.js';
import { testCore } from '../helpers/core.js';
import { tempStore } from '../spotlight/helpers.js';
import { componentsOf, embedOf, field, isEphemeral, startHarness, type EmbedJSON, type Harness } from './harness.js';

/**
 * /profile through the fake Discord and the bot as production starts it (startDiscord with the
 * service's store as its profiles), every subcommand, over a real SQLite file. Each answer must
 * carry the ephemeral flag (64): a profile is shown to its owner only.
 */
const core = testCore();
let t: ReturnType<typeof tempStore>;
let h: Harness;

beforeAll(async () => {
  t = tempStore();
  h = await startHarness(core, { start: { profiles: t.store, store: t.store } });
});
afterAll(async () => {
  await h?.stop();
  await t?.cleanup();
});

const key = (): ProfileKey => ({ platform: 'discord', workspaceId: '', userId: h.fake.member.id });
const saved = () => t.store.profiles.get(key());
const roleName = (id: string) => core.kb.roles.find((r) => r.id === id)!.name;

/** The answer and whether it was private: a deferred answer's flag is on the defer, its content on the edit. */
async function answer(interaction: Parameters<Harness['fake']['answer']>[0]): Promise<{ data: Record<string, unknown>; ephemeral: boolean }> {
  const first = await h.fake.roundTrip(interaction, 20_000);
  const cb: Callback = first.type === 5 ? await h.fake.answer(interaction) : first;
  return { data: cb.data, ephemeral: isEphemeral(first.data) };
}

const profile = async (sub: string, options?: Record<string, string>) => {
  const a = await answer(h.fake.interaction.chatInput('profile', [payloads.subcommand(sub, options)]));
  expect(a.ephemeral, `/profile ${sub} is ephemeral`).toBe(true);
  return { ...a, embed: embedOf(a.data) };
};

/** Every text of an embed, for "it says so" checks. */
const textOf = (e: EmbedJSON) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n');

/** The JSON of an export as Discord shows it: its field and continuations, markdown escapes undone. */
const exported = (e: EmbedJSON) =>
  (e.fields ?? [])
    .filter((f) => f.name === 'JSON' || f.name === 'JSON (cont.)')
    .map((f) => f.value)
    .join('\n')
    .replace(/\\([\\`*_~|[\]>#-])/g, '$1');

/** An autocomplete of a /profile set option, nested under its subcommand as Discord sends it. */
function completeSet(option: string, value: string): APIApplicationCommandAutocompleteInteraction {
  const i = h.fake.interaction.autocomplete('profile', { name: option, value });
  const focused = i.data.options;
  return { ...i, data: { ...i.data, options: [{ name: 'set', type: 1, options: focused }] } } as APIApplicationCommandAutocompleteInteraction;
}

describe('/profile on Discord, every subcommand, ephemeral', () => {
  it('show with no profile says so and how to start', async () => {
    const { embed } = await profile('show');
    expect(embed.title).toBe('You have no saved profile');
    expect(embed.description).toContain('/profile set current:');
  });

  it('completes the current and goal options with role names', async () => {
    for (const option of ['current', 'goal']) {
      const cb = await h.fake.roundTrip(completeSet(option, 'prompt eng'));
      expect(cb.type).toBe(8);
      const choices = (cb.data.choices ?? []) as Array<{ name: string; value: string }>;
      expect(choices.length).toBeGreaterThan(0);
      expect(choices[0]).toEqual({ name: roleName('prompt-engineer'), value: roleName('prompt-engineer') });
      for (const c of choices) expect(core.resolve(c.value).status).toBe('found');
    }
  });

  it('set with every option saves them, keeps unknown skills and says so', async () => {
    const { embed } = await profile('set', {
      current: 'Prompt Engineer',
      goal: 'AI Solutions Architect',
      market: 'india',
      skills: 'Python, torch, Docker, underwater basket weaving',
    });
    expect(embed.title).toBe('Profile saved');
    expect(embed.description).toContain('kept as you typed them: underwater basket weaving');
    expect(field(embed, 'Current role')).toBe(roleName('prompt-engineer'));
    expect(field(embed, 'Goal role')).toBe(roleName('ai-solutions-architect'));
    expect(field(embed, 'Market')).toBe('India');
    expect(field(embed, 'Kept, but not in the data’s vocabulary')).toBe('underwater basket weaving');
    expect(await saved()).toMatchObject({
      currentRole: 'prompt-engineer',
      goalRole: 'ai-solutions-architect',
      market: 'india',
      skills: ['python', 'pytorch', 'docker'],
      otherSkills: ['underwater basket weaving'],
    });
  });

  it('asks back an ambiguous role, saves nothing, and the chosen one is saved (privately)', async () => {
    const before = await saved();
    const { data, embed } = await profile('set', { goal: 'ml' });
    expect(embed.title).toBe('Which goal role did you mean?');
    expect(embed.description).toContain('Nothing was saved');
    expect(await saved()).toEqual(before);
    const [select] = componentsOf(data);
    const ml = select?.options?.find((o) => o.label === 'ML Engineer');
    expect(ml, 'ML Engineer is among the choices').toBeDefined();
    const chosen = await answer(h.fake.interaction.select(select!.custom_id!, [ml!.value]));
    expect(chosen.ephemeral).toBe(true);
    expect(embedOf(chosen.data).title).toBe('Profile saved');
    expect(await saved()).toMatchObject({ currentRole: 'prompt-engineer', goalRole: 'ml-engineer', market: 'india' });
  });

  it('refuses a goal that is the current role, and saves nothing', async () => {
    const before = await saved();
    const { embed } = await profile('set', { current: 'ML Engineer', goal: 'ml engineer' });
    expect(embed.title).toBe('Your goal is your current role');
    expect(embed.description).toContain('Nothing was saved');
    expect(await saved()).toEqual(before);
  });

  it('caps 200 skills and a 10,000-character skills option, says so, and saves nothing', async () => {
    const before = await saved();
    const many = await profile('set', { skills: Array.from({ length: 200 }, (_, i) => `s${i}`).join(',') });
    expect(many.embed.title).toBe('At most 50 skills');
    expect(many.embed.description).toMatch(/200 skills.*at most 50.*1,000 characters\. Nothing was saved/);
    // Discord enforces the option's max length itself; the bot refuses a longer one all the same.
    const long = await profile('set', { skills: 'x'.repeat(10_000) });
    expect(textOf(long.embed)).toMatch(/at most 1,000 characters; nothing was saved/);
    expect(await saved()).toEqual(before);
  });

  it('learned adds a skill (and says when it is not in the vocabulary); forget removes one', async () => {
    const added = await profile('learned', { skill: 'CUDA' });
    expect(added.embed.title).toBe('Skill added');
    expect(field(added.embed, 'Skills (5 of at most 50)')).toContain('cuda');
    const odd = await profile('learned', { skill: 'Juggling' });
    expect(odd.embed.description).toContain('"Juggling" is not in the data\'s vocabulary');
    const again = await profile('learned', { skill: 'cuda' });
    expect(again.embed.title).toBe('Already in your profile');
    const gone = await profile('forget', { skill: 'docker' });
    expect(gone.embed.title).toBe('Skill removed');
    const notThere = await profile('forget', { skill: 'COBOL' });
    expect(notThere.embed.title).toBe('Not in your profile');
    expect(await saved()).toMatchObject({ skills: ['python', 'pytorch', 'cuda'], otherSkills: ['underwater basket weaving', 'Juggling'] });
  });

  it('export gives everything stored as JSON', async () => {
    const { embed } = await profile('export');
    expect(embed.title).toBe('Your data');
    expect(JSON.parse(exported(embed))).toMatchObject({
      user: key(),
      profile: {
        currentRole: 'prompt-engineer',
        goalRole: 'ml-engineer',
        market: 'india',
        skills: ['python', 'pytorch', 'cuda'],
        unrecognisedSkills: ['underwater basket weaving', 'Juggling'],
      },
    });
  });

  it('a personalised /role is ephemeral and opens with a "For you" line; another person’s is public and plain', async () => {
    const mine = await answer(h.fake.interaction.chatInput('role', { name: 'ML Engineer' }));
    expect(mine.ephemeral).toBe(true);
    const embed = embedOf(mine.data);
    expect(embed.fields?.[0]?.name).toBe('For you');
    expect(embed.fields?.[0]?.value).toMatch(/^You have \d+ of \d+ must-have skills/);
    const stranger = payloads.user('333333333333333333', 'stranger');
    const theirs = await answer(h.fake.interaction.chatInput('role', { name: 'ML Engineer' }, { user: stranger }));
    expect(theirs.ephemeral).toBe(false);
    expect(embedOf(theirs.data).fields?.some((f) => f.name === 'For you')).toBe(false);
  });

  it('delete erases the profile, show is empty again, and /role is plain and public', async () => {
    const { embed } = await profile('delete');
    expect(embed.title).toBe('Profile deleted');
    expect(await saved()).toBeUndefined();
    expect((await profile('show')).embed.title).toBe('You have no saved profile');
    expect((await profile('delete')).embed.title).toBe('You had no saved profile');
    const role = await answer(h.fake.interaction.chatInput('role', { name: 'ML Engineer' }));
    expect(role.ephemeral).toBe(false);
    expect(embedOf(role.data).fields?.some((f) => f.name === 'For you')).toBe(false);
  });
});

describe('/profile export of a large profile', () => {
  const exportFor = async (id: string, otherSkills: string[]) => {
    const user = payloads.user(id, 'hoarder');
    await t.store.profiles.put({ platform: 'discord', workspaceId: '', userId: user.id }, { skills: [], otherSkills });
    const a = await answer(h.fake.interaction.chatInput('profile', [payloads.subcommand('export')], { user }));
    expect(a.ephemeral).toBe(true);
    return embedOf(a.data);
  };
  const skills = (n: number, length: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(2, '0')} ${'k'.repeat(length - 3)}`);

  it('shows every stored skill of 50 skills of 60 characters, as JSON that parses', async () => {
    const otherSkills = skills(50, 60);
    const embed = await exportFor('444444444444444444', otherSkills);
    expect(JSON.parse(exported(embed)).profile.unrecognisedSkills).toEqual(otherSkills);
    expect(embed.footer?.text ?? '').not.toMatch(/Shortened/);
  });

  it('says it was shortened when 50 skills of 100 characters pass Discord’s 6,000 characters', async () => {
    // Known limit: the export then ends short of its last lines; the footer says so.
    const embed = await exportFor('555555555555555555', skills(50, 100));
    expect(embed.footer?.text).toMatch(/Shortened to fit Discord/);
  });
});
