import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { EXIT } from '../../src/exit-codes.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { ProfileKey, Store } from '../../src/store/store.js';
import { payloads } from '../fakes/discord/index.js';
import { embedOf, isEphemeral, startHarness, type Harness } from '../discord/harness.js';
import { blockTexts, SlackHarness } from '../slack/harness.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

/**
 * A profile's contents never reach a log, at any level: /profile set, show, export and delete
 * and the personalised /role and /match run through the real Discord front end (fake Discord,
 * the real Dispatcher and pino logger at trace), and `rolecall profile export` runs at debug.
 * The skills are made-up words, so any occurrence in a log can only have come from the profile.
 */

const SKILLS = ['zzqxskill', 'vvbrwonkskill'];
/** Roles no other step of the test names, so a log line holding them can only be the profile's. */
const CURRENT = 'Prompt Engineer';
const GOAL = 'AI Solutions Architect';
const PERSONAL = [...SKILLS, CURRENT, GOAL, 'prompt-engineer', 'ai-solutions-architect'];

const leaks = (text: string) => PERSONAL.filter((p) => text.toLowerCase().includes(p.toLowerCase()));

describe('profile contents never reach a log (Discord, trace level)', () => {
  let dir: string;
  let store: SqliteStore;
  let h: Harness;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rolecall-profile-log-'));
    store = SqliteStore.open(join(dir, 'rolecall.db'));
    h = await startHarness(createCore(), { logLevel: 'trace', start: { profiles: store } });
  });
  afterAll(async () => {
    await h?.stop();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const profile = (sub: string, options?: Record<string, payloads.OptionInput>) =>
    h.fake.answer(h.fake.interaction.chatInput('profile', [payloads.subcommand(sub, options)]));
  const text = (data: Record<string, unknown>) => JSON.stringify(embedOf(data));

  it('logs each interaction, and none of the skills or roles the profile holds', async () => {
    const set = await profile('set', { current: CURRENT, goal: GOAL, market: 'india', skills: `python, ${SKILLS.join(', ')}` });
    expect(isEphemeral(set.data)).toBe(true);
    expect(text(set.data)).toContain(SKILLS[0]);
    expect(text((await profile('show')).data)).toContain(SKILLS[1]);
    expect(text((await profile('export')).data)).toContain(SKILLS[0]);

    // The personalised answers: /role opens with a For you line, /match with no skills uses the saved ones.
    const role = await h.fake.answer(h.fake.interaction.chatInput('role', { name: 'ML Engineer' }));
    expect(text(role.data)).toContain('For you');
    const match = await h.fake.answer(h.fake.interaction.chatInput('match'));
    expect(text(match.data)).toMatch(/Matched on your 3 saved skills/);

    const deleted = await profile('delete');
    expect(text(deleted.data)).toContain('Profile deleted');
    expect(await store.profiles.get({ platform: 'discord', workspaceId: '', userId: h.fake.member.id } satisfies ProfileKey)).toBeUndefined();

    // The capture works: it holds every interaction's line (so a leak would have been seen).
    // (An interaction's line is written once it is answered, so the last ones may trail the answer.)
    const interactions = () => h.logs.lines.filter((l) => l.msg === 'interaction');
    await vi.waitFor(() => expect(interactions()).toHaveLength(6), { timeout: 5_000 });
    expect(interactions().map((l) => l.command)).toEqual(['profile', 'profile', 'profile', 'role', 'match', 'profile']);
    expect(interactions().every((l) => l.outcome === 'ok')).toBe(true);
    expect(leaks(h.logs.lines.map((l) => JSON.stringify(l)).join('\n'))).toEqual([]);
  });
});

describe('profile contents never reach a log (Slack, trace level, Bolt included)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(createCore(), { logLevel: 'trace' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const answer = async (command: string, text: string) => {
    const sent = await h.sender.command(command, text);
    expect(sent.status).toBe(200);
    const [response] = await h.responses.waitFor(sent.responseId);
    return blockTexts(response!.body.blocks);
  };

  it('logs each interaction, and none of the skills or roles the profile holds', async () => {
    expect(await answer('/profile', `set current: ${CURRENT} goal: ${GOAL} market: india skills: python, ${SKILLS.join(', ')}`)).toContain(SKILLS[0]);
    expect(await answer('/profile', 'show')).toContain(SKILLS[1]);
    expect(await answer('/profile', 'export')).toContain(SKILLS[0]);
    expect(await answer('/role', 'ML Engineer')).toContain('For you');
    expect(await answer('/match', '')).toMatch(/Matched on your 3 saved skills/);
    expect(await answer('/profile', 'delete')).toContain('Profile deleted');

    const interactions = () => h.logs.filter((l) => l.msg === 'interaction');
    await vi.waitFor(() => expect(interactions()).toHaveLength(6), { timeout: 5_000 });
    expect(interactions().map((l) => l.command)).toEqual(['profile', 'profile', 'profile', 'role', 'match', 'profile']);
    // Bolt's own debug lines (each request's handling) are in the capture too.
    expect(h.logs.filter((l) => l.source !== undefined && Number(l.level) <= 20).length).toBeGreaterThan(0);
    expect(leaks(h.logs.items.map((l) => JSON.stringify(l)).join('\n'))).toEqual([]);
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const CLI = new URL('../../dist/app/cli.js', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
    execFile(process.execPath, [CLI, ...args], { env: childEnv, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('rolecall profile export writes the profile to stdout only (built CLI, LOG_LEVEL=debug)', () => {
  const key: ProfileKey = { platform: 'discord', workspaceId: '', userId: '333333333333333333' };
  const seed = (s: Store) =>
    s.profiles.put(key, { currentRole: 'prompt-engineer', goalRole: 'ai-solutions-architect', skills: ['python'], otherSkills: SKILLS });
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rolecall-profile-log-cli-'));
    db = await createTestDatabase('rolecall_profile_log');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('on SQLite and on Postgres: the JSON on stdout holds the skills, stderr none of them', async () => {
    const sqlite = SqliteStore.open(join(dir, 'rolecall.db'));
    await seed(sqlite);
    await sqlite.close();
    const url = await db.freshSchema();
    const pg = await PgStore.open({ url });
    await seed(pg);
    await pg.close();
    for (const ROLECALL_DB of [join(dir, 'rolecall.db'), url]) {
      const run = await cli(['profile', 'export', '--user', `discord:${key.userId}`], { ROLECALL_DB, LOG_LEVEL: 'debug' });
      expect(run.code).toBe(EXIT.ok);
      expect(JSON.parse(run.stdout).profile.unrecognisedSkills).toEqual(SKILLS);
      expect(leaks(run.stderr)).toEqual([]);
    }
  });
});
