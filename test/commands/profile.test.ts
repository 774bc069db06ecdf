import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.js';
import { parseProfileText } from '../../commands/profile.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { consoleChat } from '../../src/platforms/console/index.js';
import type { ProfileKey } from '../../src/store/store.js';
import { testCore } from '../helpers/core.js';
import { tempStore } from '../spotlight/helpers.js';

/** /profile on the console chat (the real chat over in-memory streams) and its rules, over a real SQLite file. */
let t: ReturnType<typeof tempStore>;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const dispatcher = () => new Dispatcher(testCore());
const consoleKey: ProfileKey = { platform: 'console', workspaceId: '', userId: 'local' };
const ctx = (): CommandContext => ({ platform: 'discord', invoker: { userId: '222222222222222222', workspaceId: 'G1' }, profiles: t.store });
const discordKey: ProfileKey = { platform: 'discord', workspaceId: '', userId: '222222222222222222' };

async function consoleLines(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  const running = await consoleChat.start({ env: {} as never, dispatcher: dispatcher(), input, output, color: false, profiles: t.store });
  input.end(`${lines.join('\n')}\n`);
  await running.done;
  return printed;
}

describe('/profile on the console chat', () => {
  it('runs every subcommand: set, show, learned, forget, export, delete', async () => {
    const out = await consoleLines([
      '/profile set current: Prompt Engineer goal: AI Solutions Architect market: india skills: Python, torch, Docker, underwater basket weaving',
      '/profile learned CUDA',
      '/profile forget docker',
      '/profile show',
      '/profile export',
    ]);
    expect(out).toContain('Profile saved');
    expect(out).toMatch(/kept as you typed them: underwater basket weaving/);
    expect(out).toContain('Skill added');
    expect(out).toContain('Skill removed');
    expect(out).toContain('the README’s Privacy section');
    // The section it points to exists and says how long a profile is kept and how to erase it.
    const privacy = /^## Privacy\n([\s\S]*?)^## /m.exec(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'))?.[1] ?? '';
    expect(privacy).toMatch(/12 months/);
    expect(privacy).toContain('/profile delete');
    expect(out).toContain('"unrecognisedSkills"');
    expect(await t.store.profiles.get(consoleKey)).toMatchObject({
      currentRole: 'prompt-engineer',
      goalRole: 'ai-solutions-architect',
      market: 'india',
      skills: ['python', 'pytorch', 'cuda'],
      otherSkills: ['underwater basket weaving'],
    });
    const gone = await consoleLines(['/profile delete', '/profile show']);
    expect(gone).toContain('Profile deleted');
    expect(gone).toContain('You have no saved profile');
    expect(await t.store.profiles.get(consoleKey)).toBeUndefined();
  });
});

describe('/profile rules', () => {
  it('parses the text syntax', () => {
    expect(parseProfileText('set current: ML Engineer goal=AI Engineer market india skills: python, sql')).toEqual({
      subcommand: 'set',
      current: 'ML Engineer',
      goal: 'AI Engineer',
      market: 'india',
      skills: 'python, sql',
    });
    expect(parseProfileText('learned Rust async')).toEqual({ subcommand: 'learned', skill: 'Rust async' });
    expect(parseProfileText('')).toEqual({});
  });

  it('keeps what is left out, clears with none/all, and every answer is private', async () => {
    const d = dispatcher();
    await d.run('profile', { subcommand: 'set', current: 'ML Engineer', market: 'us', skills: 'python, sql' }, ctx());
    const r = await d.run('profile', { subcommand: 'set', goal: 'AI Engineer' }, ctx());
    expect(r.view.private).toBe(true);
    expect(await t.store.profiles.get(discordKey)).toMatchObject({
      currentRole: 'ml-engineer',
      goalRole: 'ai-engineer',
      market: 'us',
      skills: ['python', 'sql'],
    });
    await d.run('profile', { subcommand: 'set', market: 'none', skills: 'all' }, ctx());
    const p = await t.store.profiles.get(discordKey);
    expect(p).toMatchObject({ currentRole: 'ml-engineer', skills: [], otherSkills: [] });
    expect(p?.market).toBeUndefined();
    for (const sub of ['show', 'export', 'delete']) expect((await d.run('profile', { subcommand: sub }, ctx())).view.private).toBe(true);
  });

  it('refuses an unknown role, goal = current, and asks back an ambiguous role; nothing stored half-way', async () => {
    const d = dispatcher();
    await d.run('profile', { subcommand: 'set', skills: 'python' }, ctx());
    const unknown = await d.run('profile', { subcommand: 'set', current: 'Underwater Welder', skills: 'go' }, ctx());
    expect(unknown.view.kind).toBe('not_found');
    expect(unknown.view.description).toContain('Nothing was saved');
    const same = await d.run('profile', { subcommand: 'set', current: 'ML Engineer', goal: 'ml engineer', skills: 'go' }, ctx());
    expect(same.view.title).toBe('Your goal is your current role');
    const ambiguous = await d.run('profile', { subcommand: 'set', goal: 'engineer', skills: 'go' }, ctx());
    expect(['ambiguous', 'not_found']).toContain(ambiguous.view.kind);
    expect(await t.store.profiles.get(discordKey)).toMatchObject({ skills: ['python'] });
    expect((await t.store.profiles.get(discordKey))?.currentRole).toBeUndefined();
  });

  it('caps skills at 50 and the option at 1,000 characters, says so, and saves nothing', async () => {
    const d = dispatcher();
    const many = Array.from({ length: 200 }, (_, i) => `s${i}`).join(',');
    const r = await d.run('profile', { subcommand: 'set', skills: many }, ctx());
    expect(r.view.title).toBe('At most 50 skills');
    expect(r.view.description).toMatch(/1,000 characters\. Nothing was saved/);
    const long = await d.run('profile', { subcommand: 'set', skills: 'x'.repeat(10_000) }, ctx());
    expect(long.outcome).toBe('invalid');
    expect(long.view.description).toMatch(/at most 1,000 characters; nothing was saved/);
    expect(await t.store.profiles.get(discordKey)).toBeUndefined();
  });

  it('answers clearly where it cannot answer privately, and where no profiles are kept', async () => {
    const d = dispatcher();
    const publicOnly = await d.run('profile', { subcommand: 'show' }, { ...ctx(), privateAnswers: false });
    expect(publicOnly.view.title).toBe('RoleCall cannot answer you privately here');
    const web = await d.run('profile', { subcommand: 'show' }, { platform: 'web' });
    expect(web.view.title).toBe('Profiles are not kept here');
  });
});
