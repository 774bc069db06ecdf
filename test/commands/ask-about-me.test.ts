import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import type { ProfileData, ProfileKey } from '../../src/store/store.js';
import type { View } from '../../src/views/view.js';
import { testCore } from '../helpers/core.js';
import { tempStore } from '../spotlight/helpers.js';

/** /ask about the asker, end to end through the Dispatcher over a real SQLite profile: the answering command reads the profile. */
let t: ReturnType<typeof tempStore>;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const dispatcher = new Dispatcher(testCore());
const key: ProfileKey = { platform: 'discord', workspaceId: '', userId: '444444444444444444' };
const ctx = (): CommandContext => ({ platform: 'discord', invoker: { userId: key.userId, workspaceId: 'G1' }, profiles: t.store });
const save = (data: Partial<ProfileData>) => t.store.profiles.put(key, { skills: [], otherSkills: [], ...data });
const ask = async (question: string) => (await dispatcher.run('ask', { question }, ctx())).view;
const forYou = (view: View) => view.fields.find((f) => f.label === 'For you')?.value;
const text = (view: View) => JSON.stringify(view);

describe('/ask about me, with and without a saved profile', () => {
  it('"what should I learn next?" routes from the saved current role to the saved goal, privately, with the skills each step adds', async () => {
    await save({ currentRole: 'prompt-engineer', goalRole: 'ai-solutions-architect', skills: ['python'] });
    const view = await ask('what should I learn next?');
    expect(view.title).toMatch(/^Prompt Engineer.* → AI Solutions Architect/);
    expect(forYou(view)).toMatch(/current role, Prompt Engineer.*, to your goal, AI Solutions Architect/);
    expect(view.private).toBe(true);
    expect(text(view)).toContain('Skills each step adds');
  });

  it('"which role fits my skills?" matches on the saved skills', async () => {
    await save({ skills: ['python', 'pytorch', 'docker-k8s'] });
    const view = await ask('which role fits my skills?');
    expect(text(view)).toMatch(/saved skills/i);
    expect(view.private).toBe(true);
  });

  it('"what would I earn as an ML Engineer?" uses the saved market', async () => {
    await save({ market: 'india' });
    const view = await ask('what would I earn as an ML Engineer?');
    expect(forYou(view)).toMatch(/India, your profile's market/);
    expect(text(view)).toContain('LPA');
  });

  it('without a profile, never a confident answer about the asker: it says how to save one', async () => {
    const learn = await ask('what should I learn next?');
    expect(text(learn)).toMatch(/\/profile set/);
    expect(forYou(learn)).toBeUndefined();
    const fits = await ask('which role fits me?');
    expect(forYou(fits)).toBeUndefined();
    expect(text(fits)).toMatch(/\/profile set|skills/);
  });
});
