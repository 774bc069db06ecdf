import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { CONSOLE_USER, consoleChat } from '../../src/platforms/console/index.js';
import type { ProfileKey } from '../../src/store/store.js';
import { testCore } from '../helpers/core.js';
import { tempStore } from '../spotlight/helpers.js';

/** /profile through the console chat front end (consoleChat.start over in-memory streams), over a real SQLite file. */
let t: ReturnType<typeof tempStore>;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const core = testCore();
const key: ProfileKey = { platform: 'console', workspaceId: '', userId: CONSOLE_USER };
const roleName = (id: string) => core.kb.roles.find((r) => r.id === id)!.name;

/** Types the lines into the chat and returns what it printed after each, in order. */
async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  const running = await consoleChat.start({ env: {} as never, dispatcher: new Dispatcher(core), input, output, color: false, profiles: t.store });
  input.end(`${lines.join('\n')}\n`);
  await running.done;
  return printed;
}

describe('/profile on the console chat', () => {
  it('show with no profile says so', async () => {
    expect(await chat(['/profile show'])).toContain('You have no saved profile');
    expect(await chat(['/profile'])).toContain('You have no saved profile');
  });

  it('set saves every option and says which skills it kept as typed; learned, forget, export', async () => {
    const out = await chat([
      '/profile set current: Prompt Engineer goal: AI Solutions Architect market: uk skills: Python, torch, Docker, basket weaving',
      '/profile learned CUDA',
      '/profile forget docker',
      '/profile forget COBOL',
      '/profile export',
    ]);
    expect(out).toContain('Profile saved');
    expect(out).toContain('kept as you typed them: basket weaving');
    expect(out).toContain(roleName('ai-solutions-architect'));
    expect(out).toContain('Skill added');
    expect(out).toContain('Skill removed');
    expect(out).toContain('Not in your profile');
    const json = out.slice(out.indexOf('Your data'));
    expect(JSON.parse(/\{[\s\S]*\n\s*\}/.exec(json)?.[0] ?? 'null')).toMatchObject({
      user: key,
      profile: { currentRole: 'prompt-engineer', goalRole: 'ai-solutions-architect', market: 'uk', skills: ['python', 'pytorch', 'cuda'] },
    });
  });

  it('asks back an ambiguous role (a number picks it), refuses goal = current and over 50 skills, saving nothing meanwhile', async () => {
    await t.store.profiles.put(key, { skills: ['python'], otherSkills: [] });
    const out = await chat([
      '/profile set goal: ml',
      '/profile set current: ML Engineer goal: ml engineer',
      `/profile set skills: ${Array.from({ length: 200 }, (_, i) => `s${i}`).join(',')}`,
    ]);
    expect(out).toContain('Which goal role did you mean?');
    expect(out).toContain('Nothing was saved');
    expect(out).toContain('Your goal is your current role');
    expect(out).toContain('At most 50 skills');
    expect(await t.store.profiles.get(key)).toMatchObject({ skills: ['python'], otherSkills: [] });
    expect((await t.store.profiles.get(key))?.goalRole).toBeUndefined();
    // The choices are numbered: picking ML Engineer saves it.
    const asked = await chat(['/profile set goal: ml']);
    const n = new RegExp(`\\[(\\d+)\\]\\u00a0${roleName('ml-engineer')}`).exec(asked)?.[1];
    expect(n, 'ML Engineer is a numbered choice').toBeDefined();
    expect(await chat(['/profile set goal: ml', n!])).toContain('Profile saved');
    expect((await t.store.profiles.get(key))?.goalRole).toBe('ml-engineer');
  });

  it('a personalised /role opens with "For you"; delete (the numbered button) erases it, and show is empty', async () => {
    await t.store.profiles.put(key, { skills: ['python', 'sql'], otherSkills: [] });
    expect(await chat([`/role ${roleName('ml-engineer')}`])).toMatch(/For you[\s\S]*You have \d+ of \d+ must-have skills/);
    const shown = await chat(['/profile show']);
    const del = /\[(\d+)\]\u00a0Delete my profile/.exec(shown)?.[1];
    expect(del, 'Delete my profile is a numbered button').toBeDefined();
    const out = await chat(['/profile show', del!, '/profile show', `/role ${roleName('ml-engineer')}`]);
    expect(out).toContain('Profile deleted');
    expect(out.slice(out.indexOf('Profile deleted'))).toContain('You have no saved profile');
    expect(out.slice(out.lastIndexOf('You have no saved profile'))).not.toContain('For you');
    expect(await t.store.profiles.get(key)).toBeUndefined();
  });
});
