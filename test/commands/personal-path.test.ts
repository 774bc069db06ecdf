import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.js';
import { path } from '../../commands/path.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import type { Role } from '../../src/core/schema/role.js';
import type { ProfileData, ProfileKey } from '../../src/store/store.js';
import type { View } from '../../src/views/view.js';
import { testCore } from '../helpers/core.js';
import { danglingSlots } from '../helpers/sentence-checks.js';
import { tempStore } from '../spotlight/helpers.js';

/** /path from the saved profile over a real SQLite file: the current role, the goal, the skills each step adds, and what is missing. */
let t: ReturnType<typeof tempStore>;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const core = testCore();
const dispatcher = new Dispatcher(core);
const key: ProfileKey = { platform: 'discord', workspaceId: '', userId: '333333333333333333' };
const ctx = (): CommandContext => ({ platform: 'discord', invoker: { userId: key.userId, workspaceId: 'G1' }, profiles: t.store });
const save = (data: Partial<ProfileData>) => t.store.profiles.put(key, { skills: [], otherSkills: [], ...data });

const role = (name: string): Role => {
  const r = core.resolve(name);
  if (r.status !== 'found') throw new Error(`no role ${name}`);
  return r.role;
};
const prompt = role('Prompt Engineer');
const ai = role('AI Engineer');
const architect = role('AI Solutions Architect');

const forYou = (view: View) => view.fields.find((f) => f.label === 'For you')?.value;
const section = (view: View, heading: string) => view.sections.find((s) => s.heading === heading);
const steps = (view: View) => section(view, 'Skills each step adds')?.items;

describe('the data these tests route through', () => {
  it('runs Prompt Engineer → AI Engineer → AI Solutions Architect, with RAG a must-have of both AI Engineer and the architect', () => {
    const route = core.path(prompt.id, architect.id);
    expect(route.status === 'found' && route.steps.map((s) => s.to.id)).toEqual([ai.id, architect.id]);
    expect(ai.mustHave).toEqual(expect.arrayContaining(['Python', 'Docker/K8s', 'RAG']));
    expect(architect.mustHave).toContain('RAG');
    expect(prompt.mustHave).not.toContain('RAG');
  });
});

describe('/path to <role> with a saved current role', () => {
  it('routes from the current role, says so in a For you line, and answers privately', async () => {
    await save({ currentRole: ai.id });
    const plain = await dispatcher.run('path', { from: ai.name, to: architect.name }, { platform: 'console' });
    for (const r of [
      await dispatcher.run('path', { to: architect.name }, ctx()),
      await dispatcher.runText('path', `to ${architect.name}`, ctx()),
      await dispatcher.runText('path', `-> ${architect.name}`, ctx()),
    ]) {
      expect(r.outcome).toBe('ok');
      expect(r.view.title).toBe(`${ai.name} → ${architect.name}`);
      expect(r.view.fields[0]).toEqual({ label: 'For you', value: `From your current role, ${ai.name}, to ${architect.name}.` });
      expect(danglingSlots(forYou(r.view)!)).toEqual([]);
      expect(r.view.private).toBe(true);
      expect(section(r.view, 'Steps')).toEqual(section(plain.view, 'Steps'));
      expect(r.view.chart).toEqual(plain.view.chart);
    }
  });

  it('says it is your current role when the destination is it', async () => {
    await save({ currentRole: ai.id });
    const r = await dispatcher.run('path', { to: 'AI Engineer' }, ctx());
    expect(r.view.title).toBe('You are already there');
    expect(forYou(r.view)).toBe(`${ai.name} is your current role.`);
  });

  it('offers the roles a destination it cannot resolve may be, each keeping the profile as the start', async () => {
    await save({ currentRole: ai.id });
    const r = await dispatcher.run('path', { to: 'zzqx underwater basket weaver' }, ctx());
    expect(r.outcome).toBe('ok');
    expect(r.view.kind).toBe('not_found');
    for (const a of r.view.actions) if (a.type === 'button' && a.invoke.command === 'path') expect(Object.keys(a.invoke.args)).toEqual(['to']);
  });
});

describe('/path alone, from the current role to the goal', () => {
  it('shows the route and, for each step, the must-haves it adds that the role before and the saved skills do not cover', async () => {
    await save({ currentRole: prompt.id, goalRole: architect.id, skills: ['python', 'docker'] });
    for (const r of [await dispatcher.run('path', {}, ctx()), await dispatcher.runText('path', '', ctx())]) {
      expect(r.outcome).toBe('ok');
      expect(r.view.title).toBe(`${prompt.name} → ${architect.name}`);
      expect(r.view.fields[0]).toEqual({ label: 'For you', value: `From your current role, ${prompt.name}, to your goal, ${architect.name}.` });
      expect(danglingSlots(forYou(r.view)!)).toEqual([]);
      expect(r.view.private).toBe(true);
      expect(section(r.view, 'Skills each step adds')?.body).toBe(
        'The must-haves of each role that the role before it does not ask for, less your 2 saved skills.',
      );
      expect(steps(r.view)).toEqual([
        `${prompt.name} → ${ai.name}: ${ai.mustHave.filter((s) => s !== 'Python' && s !== 'Docker/K8s').join(', ')}`,
        // RAG is already an AI Engineer must-have.
        `${ai.name} → ${architect.name}: ${architect.mustHave.filter((s) => s !== 'RAG').join(', ')}`,
      ]);
    }
  });

  it('lists every new must-have without saved skills, counts a skill typed as "X and Y" by its parts, and says when a step adds nothing', async () => {
    await save({ currentRole: prompt.id, goalRole: architect.id });
    const bare = await dispatcher.run('path', {}, ctx());
    expect(section(bare.view, 'Skills each step adds')?.body).toBe('The must-haves of each role that the role before it does not ask for.');
    expect(steps(bare.view)![0]).toBe(`${prompt.name} → ${ai.name}: ${ai.mustHave.join(', ')}`);

    await save({ currentRole: prompt.id, goalRole: architect.id, otherSkills: ['Kubernetes and Docker'] });
    expect(steps((await dispatcher.run('path', {}, ctx())).view)![0]).not.toContain('Docker/K8s');

    await save({ currentRole: prompt.id, goalRole: ai.id, skills: [], otherSkills: [...ai.mustHave] });
    const all = await dispatcher.run('path', {}, ctx());
    expect(steps(all.view)).toEqual([`${prompt.name} → ${ai.name}: nothing new to learn`]);
    expect(danglingSlots(steps(all.view)![0]!)).toEqual([]);
  });
});

describe('what is missing, said as what to give or save', () => {
  const hint = '/profile set';
  it('without a profile: give the roles, or save them', async () => {
    const neither = await dispatcher.run('path', {}, ctx());
    expect(neither.outcome).toBe('ok');
    expect(neither.view.title).toBe('Which roles?');
    expect(neither.view.description).toBe(
      'Give a starting role and a goal: /path <from> to <to>, or a role alone for its next moves: /path <from>. Or save your current role and goal with /profile set current:<role> goal:<role>, and /path on its own routes between them.',
    );
    const only = await dispatcher.run('path', { to: architect.name }, ctx());
    expect(only.view.title).toBe('Where from?');
    expect(only.view.description).toBe(`Give a starting role: /path <from> to ${architect.name}, or save your current role with /profile set current:<role>.`);
    for (const v of [neither.view, only.view]) {
      expect(v.private).toBe(true);
      expect(forYou(v)).toBeUndefined();
    }
  });

  it('with a goal and no current role: give or save the start, naming the goal', async () => {
    await save({ goalRole: architect.id, skills: ['python'] });
    const r = await dispatcher.run('path', {}, ctx());
    expect(r.view.title).toBe('Where from?');
    expect(r.view.description).toContain(`/path <from> to ${architect.name}, or save your current role with /profile set current:<role>.`);
  });

  it('with a current role and no goal: give or save a goal, with a button to the next moves', async () => {
    await save({ currentRole: ai.id });
    const r = await dispatcher.run('path', {}, ctx());
    expect(r.view.title).toBe('Where to?');
    expect(r.view.description).toBe('Give a goal: /path to <role>, or save yours with /profile set goal:<role>.');
    expect(r.view.private).toBe(true);
    const [button] = r.view.actions;
    expect(button?.type === 'button' && button.label).toBe(`Moves from ${ai.name}`);
    if (button?.type !== 'button') throw new Error('no button');
    const pressed = await dispatcher.runInvocation(button.invoke, ctx());
    expect(pressed.view.title).toBe(`Career moves from ${ai.name}`);
  });

  it('treats a saved role the data no longer has as not saved', async () => {
    await save({ currentRole: 'retired-role' as Role['id'], goalRole: architect.id });
    const r = await dispatcher.run('path', {}, ctx());
    expect(r.outcome).toBe('ok');
    expect(r.view.title).toBe('Where from?');
  });

  it('leaves the /profile hint out where no profile is kept or the answer cannot be private, and keeps it when the store fails', async () => {
    await save({ currentRole: ai.id, goalRole: architect.id });
    const nowhere: CommandContext[] = [
      { platform: 'console' },
      { platform: 'cli', profiles: t.store },
      { ...ctx(), privateAnswers: false },
      { platform: 'web' },
    ];
    for (const c of nowhere) {
      for (const input of [{}, { to: architect.name }]) {
        const r = await dispatcher.run('path', input, c);
        expect(r.outcome).toBe('ok');
        expect(r.view.description).toMatch(/^Give a starting role/);
        expect(r.view.description).not.toContain(hint);
        expect(forYou(r.view)).toBeUndefined();
      }
    }
    await t.store.close();
    const failed = await dispatcher.run('path', {}, ctx());
    expect(failed.outcome).toBe('ok');
    expect(failed.view.title).toBe('Which roles?');
    expect(failed.view.description).toContain(hint);
  });
});

describe('an explicit starting role wins over the profile', () => {
  it('answers /path <from> to <to> and /path <from> as without a profile, not privately', async () => {
    await save({ currentRole: ai.id, goalRole: architect.id, skills: ['python'] });
    for (const input of [{ from: prompt.name, to: architect.name }, { from: prompt.name }]) {
      const plain = await dispatcher.run('path', input, { platform: 'console' });
      const r = await dispatcher.run('path', input, ctx());
      expect(r.view).toEqual(plain.view);
      expect(forYou(r.view)).toBeUndefined();
      expect(r.view.private).toBeUndefined();
    }
    expect((await dispatcher.runText('path', 'Prompt Engineer', ctx())).view.title).toBe(`Career moves from ${prompt.name}`);
  });
});

describe('/path input', () => {
  it('reads "to X", "-> X", "→ X", "=> X", nothing, "A to B" and "A" from text', () => {
    expect(path.parseText('to AI Engineer')).toEqual({ to: 'AI Engineer' });
    expect(path.parseText('-> AI Engineer')).toEqual({ to: 'AI Engineer' });
    expect(path.parseText('→ AI Engineer')).toEqual({ to: 'AI Engineer' });
    expect(path.parseText('=> AI Engineer')).toEqual({ to: 'AI Engineer' });
    expect(path.parseText('TO  AI Engineer ')).toEqual({ to: 'AI Engineer' });
    expect(path.parseText('')).toEqual({});
    expect(path.parseText('   ')).toEqual({});
    expect(path.parseText('Prompt Engineer to AI Engineer')).toEqual({ from: 'Prompt Engineer', to: 'AI Engineer' });
    expect(path.parseText('Prompt Engineer -> AI Engineer')).toEqual({ from: 'Prompt Engineer', to: 'AI Engineer' });
    expect(path.parseText('Prompt Engineer')).toEqual({ from: 'Prompt Engineer' });
  });

  it('takes both options as optional, still checked by the schema, and offers both as optional on Discord', async () => {
    expect(path.input.safeParse({}).success).toBe(true);
    expect(path.input.safeParse({ to: 'AI Engineer' }).success).toBe(true);
    expect(path.input.safeParse({ from: '  ' }).success).toBe(false);
    expect(path.input.safeParse({ to: 'x'.repeat(201) }).success).toBe(false);
    expect((await dispatcher.run('path', { to: 42 }, ctx())).outcome).toBe('invalid');
    expect(path.options.map((o) => [o.name, o.required])).toEqual([
      ['from', false],
      ['to', false],
    ]);
    expect(path.examples).toEqual(expect.arrayContaining(['/path to AI Solutions Architect', '/path']));
  });
});
