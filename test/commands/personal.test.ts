import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import type { ProfileData, ProfileKey } from '../../src/store/store.js';
import type { View } from '../../src/views/view.js';
import { testCore } from '../helpers/core.js';
import { danglingSlots } from '../helpers/sentence-checks.js';
import { tempStore } from '../spotlight/helpers.js';

/** "For you" lines from a saved profile, over a real SQLite file: with one, without, and with a store that fails. */
let t: ReturnType<typeof tempStore>;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const core = testCore();
const dispatcher = new Dispatcher(core);
const key: ProfileKey = { platform: 'discord', workspaceId: '', userId: '222222222222222222' };
const ctx = (): CommandContext => ({ platform: 'discord', invoker: { userId: key.userId, workspaceId: 'G1' }, profiles: t.store });
const save = (data: Partial<ProfileData>) => t.store.profiles.put(key, { skills: [], otherSkills: [], ...data });
/** The store closed under the command: every read throws. */
const failing = async (): Promise<CommandContext> => {
  await t.store.close();
  return ctx();
};

const forYou = (view: View) => view.fields.find((f) => f.label === 'For you')?.value;
/** The For you line reads as a sentence (every-sentence.test.ts checks the rest of each View). */
const clean = (view: View) => expect(danglingSlots(forYou(view) ?? '')).toEqual([]);

describe('/role with a saved profile', () => {
  const role = core.kb.roles.find((r) => r.mustHave.length >= 4 && r.niceToHave.length >= 1)!;
  it('opens with how many must-haves you have, what is left to learn and the nice-to-haves you have, privately', async () => {
    await save({ skills: [role.mustHave[0]!, role.mustHave[1]!, role.niceToHave[0]!] });
    const r = await dispatcher.run('role', { name: `#${role.number}` }, ctx());
    expect(r.outcome).toBe('ok');
    expect(r.view.fields[0]!.label).toBe('For you');
    const line = forYou(r.view)!;
    expect(line).toMatch(new RegExp(`^You have 2 of ${role.mustHave.length} must-have skills; still to learn: `));
    expect(line).toContain(role.mustHave[2]!);
    expect(line).toContain(`nice-to-haves you have: ${role.niceToHave[0]}`);
    expect(r.view.private).toBe(true);
    clean(r.view);
  });

  it('is the plain card without skills, without a profile, without a store, and when the store fails', async () => {
    const plain = await dispatcher.run('role', { name: `#${role.number}` }, { platform: 'console' });
    expect((await dispatcher.run('role', { name: `#${role.number}` }, ctx())).view).toEqual(plain.view);
    await save({ market: 'india' });
    for (const c of [ctx(), { platform: 'cli' as const, profiles: t.store }, await failing()]) {
      const r = await dispatcher.run('role', { name: `#${role.number}` }, c);
      expect(r.outcome).toBe('ok');
      expect(forYou(r.view)).toBeUndefined();
      expect(r.view).toEqual(plain.view);
    }
  });
});

describe('/salary with a saved market', () => {
  it("shows the profile's market when none is given, and says so; an explicit market wins", async () => {
    await save({ market: 'india' });
    const r = await dispatcher.run('salary', { role: 'ML Engineer' }, ctx());
    expect(forYou(r.view)).toBe("Shown for India, your profile's market.");
    expect(r.view.fields.map((f) => f.label)).toEqual(['For you', 'India']);
    expect(r.view.private).toBe(true);
    clean(r.view);
    const text = await dispatcher.runText('salary', 'ML Engineer', ctx());
    expect(forYou(text.view)).toBe("Shown for India, your profile's market.");
    for (const market of ['us', 'both']) {
      const explicit = await dispatcher.run('salary', { role: 'ML Engineer', market }, ctx());
      expect(forYou(explicit.view)).toBeUndefined();
      expect(explicit.view.private).toBeUndefined();
    }
  });

  it('shows both markets without a profile market, without a store, and when the store fails', async () => {
    const plain = await dispatcher.run('salary', { role: 'ML Engineer' }, { platform: 'console' });
    expect(plain.view.fields.map((f) => f.label)).toEqual(['US', 'India']);
    expect((await dispatcher.run('salary', { role: 'ML Engineer' }, ctx())).view).toEqual(plain.view);
    await save({ skills: ['python'] });
    expect((await dispatcher.run('salary', { role: 'ML Engineer' }, ctx())).view).toEqual(plain.view);
    await save({ market: 'india' });
    const r = await dispatcher.run('salary', { role: 'ML Engineer' }, await failing());
    expect(r.outcome).toBe('ok');
    expect(r.view).toEqual(plain.view);
  });
});

describe('/match and saved skills', () => {
  it('matches on the saved skills when none are given, and says so', async () => {
    await save({ skills: ['python', 'pytorch', 'sql'] });
    for (const r of [await dispatcher.run('match', {}, ctx()), await dispatcher.runText('match', '', ctx())]) {
      expect(r.outcome).toBe('ok');
      expect(r.view.fields[0]).toEqual({ label: 'For you', value: 'Matched on your 3 saved skills.' });
      expect(r.view.title).toBe('Best matches for 3 skills');
      expect(r.view.private).toBe(true);
      expect(r.view.actions.some((a) => a.type === 'button' && a.label === 'Save these skills')).toBe(false);
      clean(r.view);
    }
  });

  it('says how to give skills or save them when there are none, and when the store fails', async () => {
    for (const c of [ctx(), { platform: 'console' as const }, await failing()]) {
      const r = await dispatcher.run('match', {}, c);
      expect(r.outcome).toBe('ok');
      expect(r.view.title).toBe('Which skills?');
      expect(r.view.description).toContain('/profile set skills:');
      expect(r.view.private).toBe(true);
    }
  });

  it('offers to save typed skills; pressing it saves them through the Dispatcher and answers privately', async () => {
    const { encodeInvocation } = await import('../../src/views/invocation-codec.js');
    const r = await dispatcher.runText('match', 'python, torch, Docker', ctx());
    expect(forYou(r.view)).toBeUndefined();
    const button = r.view.actions.find((a) => a.type === 'button' && a.label === 'Save these skills');
    expect(button?.type === 'button' && button.invoke).toEqual({ command: 'profile', args: { subcommand: 'set', skills: 'python, torch, Docker' } });
    if (button?.type !== 'button') throw new Error('no button');
    const pressed = await dispatcher.runEncoded(encodeInvocation(button.invoke), ctx());
    expect(pressed.outcome).toBe('ok');
    expect(pressed.view.title).toBe('Profile saved');
    expect(pressed.view.private).toBe(true);
    expect(await t.store.profiles.get(key)).toMatchObject({ skills: ['python', 'pytorch', 'docker'] });
  });

  it('leaves the button out where no profile is kept, where the answer cannot be private, and when the skills do not fit its id', async () => {
    const noSave = (v: View) => !v.actions.some((a) => a.type === 'button' && a.label === 'Save these skills');
    expect(noSave((await dispatcher.runText('match', 'python, sql', { platform: 'console' })).view)).toBe(true);
    expect(noSave((await dispatcher.runText('match', 'python, sql', { ...ctx(), privateAnswers: false })).view)).toBe(true);
    const long = 'python, pytorch, sql, docker, kubernetes, cuda, triton, rag, langchain, tensorflow, scikit learn';
    const r = await dispatcher.runText('match', long, ctx());
    expect(r.outcome).toBe('ok');
    expect(noSave(r.view)).toBe(true);
  });
});

describe('/compare with saved skills', () => {
  const ai = core.kb.roles.find((r) => r.name === 'AI Engineer')!;
  it('says how many must-haves of each role you cover and which you cover better', async () => {
    await save({ skills: [...ai.mustHave] });
    const r = await dispatcher.runText('compare', 'AI Engineer vs ML Engineer', ctx());
    expect(r.outcome).toBe('ok');
    const n = ai.mustHave.length;
    expect(forYou(r.view)).toMatch(
      new RegExp(`^You cover ${n} of ${n} of AI Engineer’s must-haves and \\d+ of \\d+ of ML Engineer’s; AI Engineer is the closer fit\\.$`),
    );
    expect(r.view.fields[0]!.label).toBe('For you');
    expect(r.view.private).toBe(true);
    clean(r.view);
    const three = await dispatcher.runText('compare', 'AI Engineer vs ML Engineer vs Prompt Engineer', ctx());
    const third = core.resolve('Prompt Engineer');
    const name = third.status === 'found' ? third.role.name : '';
    expect(forYou(three.view)).toMatch(new RegExp(`^You cover ${n} of ${n} of AI Engineer’s must-haves, \\d+ of \\d+ of ML Engineer’s and \\d+ of \\d+ of `));
    expect(forYou(three.view)).toContain(`of ${name}’s; AI Engineer is the closest fit.`);
  });

  it('is the plain comparison without saved skills, without a store, and when the store fails', async () => {
    const plain = await dispatcher.runText('compare', 'AI Engineer vs ML Engineer', { platform: 'discord' });
    expect((await dispatcher.runText('compare', 'AI Engineer vs ML Engineer', ctx())).view).toEqual(plain.view);
    await save({ skills: ['python'] });
    const r = await dispatcher.runText('compare', 'AI Engineer vs ML Engineer', await failing());
    expect(r.outcome).toBe('ok');
    expect(r.view).toEqual(plain.view);
  });
});

describe('For you lines over every role', () => {
  it('read as sentences for each role with one, half and all of its must-haves, and compared with the next role', async () => {
    const problems: string[] = [];
    for (const role of core.kb.roles) {
      for (const skills of [role.mustHave.slice(0, 1), role.mustHave.slice(0, Math.ceil(role.mustHave.length / 2)), [...role.mustHave, ...role.niceToHave]]) {
        await save({ skills });
        const card = await dispatcher.run('role', { name: `#${role.number}` }, ctx());
        const other = core.kb.roles[role.number % core.kb.roles.length]!;
        const cmp = await dispatcher.run('compare', { role_a: `#${role.number}`, role_b: `#${other.number}` }, ctx());
        for (const v of [card.view, cmp.view]) {
          const line = forYou(v);
          if (!line) problems.push(`no line: ${v.title}`);
          else problems.push(...danglingSlots(line).map((p) => `${v.title}: ${p}`));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('names no better fit when the roles tie', async () => {
    await save({ skills: ['underwater basket weaving'] });
    const r = await dispatcher.runText('compare', 'AI Engineer vs ML Engineer', ctx());
    expect(forYou(r.view)).toMatch(/^You cover 0 of \d+ of AI Engineer’s must-haves and 0 of \d+ of ML Engineer’s\.$/);
  });
});
