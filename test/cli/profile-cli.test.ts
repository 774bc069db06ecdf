import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/exit-codes.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { ProfileKey, Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { memoryIo } from '../helpers/streams.js';

/** `rolecall profile export | delete --user …`, the built CLI (npm run build) over a real SQLite file and a real Postgres. */

const CLI = new URL('../../dist/app/cli.js', import.meta.url).pathname;
const ROOT = new URL('../..', import.meta.url).pathname;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    // Only what the CLI needs: no token or database of the machine running the tests leaks in.
    const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** main() itself, with ROLECALL_DB set for the run. */
async function inProcess(args: string[], env: Record<string, string>): Promise<Run> {
  const m = memoryIo('', true);
  const before = process.env.ROLECALL_DB;
  process.env.ROLECALL_DB = env.ROLECALL_DB;
  try {
    return { code: await main(args, m.io), stdout: m.stdout(), stderr: m.stderr() };
  } finally {
    if (before === undefined) delete process.env.ROLECALL_DB;
    else process.env.ROLECALL_DB = before;
  }
}

const DISCORD_ID = '222222222222222222';
const discordKey: ProfileKey = { platform: 'discord', workspaceId: '', userId: DISCORD_ID };
const slackKey: ProfileKey = { platform: 'slack', workspaceId: 'T0123ABCD', userId: 'U0456EFGH' };
const SAVED = { currentRole: 'ml-engineer', goalRole: 'ai-engineer', market: 'india' as const, skills: ['python', 'pytorch'], otherSkills: ['basket weaving'] };
const AT = new Date('2026-03-01T10:00:00.000Z');
const later = () => new Date(Date.now() + 3_600_000);

/** A profile and conversation contexts in two servers and a DM, as a person using RoleCall leaves them. */
async function seed(store: Store): Promise<void> {
  await store.profiles.put(discordKey, SAVED, AT);
  await store.profiles.put(slackKey, { skills: ['sql'], otherSkills: [] }, AT);
  for (const guild of ['G1', 'G2', '']) {
    await store.conversations.put({ platform: 'discord', workspaceId: guild, conversationId: `c-${guild}`, userId: DISCORD_ID }, { q: 1 }, later());
  }
}

describe('rolecall profile (SQLite)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rolecall-profile-cli-'));
    env = { ROLECALL_DB: join(dir, 'rolecall.db') };
    const store = SqliteStore.open(env.ROLECALL_DB!);
    await seed(store);
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('export prints the JSON /profile export gives, and only that, on stdout', async () => {
    const run = await cli(['profile', 'export', '--user', `discord:${DISCORD_ID}`], env);
    expect(run).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({
      user: discordKey,
      profile: {
        currentRole: 'ml-engineer',
        goalRole: 'ai-engineer',
        market: 'india',
        skills: ['python', 'pytorch'],
        unrecognisedSkills: ['basket weaving'],
        updatedAt: AT.toISOString(),
      },
    });
    const slack = await cli(['profile', 'export', '--user', 'slack:T0123ABCD/U0456EFGH'], env);
    expect(slack.code).toBe(EXIT.ok);
    expect(JSON.parse(slack.stdout)).toMatchObject({ user: slackKey, profile: { skills: ['sql'] } });
  });

  it('delete erases the profile and every conversation context, prints the counts; then export says there is none', async () => {
    const run = await cli(['profile', 'delete', '--user', `discord:${DISCORD_ID}`], env);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(new RegExp(`^Erased for discord:${DISCORD_ID}:\\n  profile +1\\n  conversation contexts +3\\n$`));
    const after = await cli(['profile', 'export', '--user', `discord:${DISCORD_ID}`], env);
    expect(after).toEqual({ code: EXIT.failed, stdout: '', stderr: `rolecall profile: No profile is saved for discord:${DISCORD_ID}.\n` });
    // The same person again, or an id nobody has: nothing to erase, which exits 1 (a mistyped id, most often).
    const again = await cli(['profile', 'delete', '--user', `discord:${DISCORD_ID}`], env);
    expect(again.code).toBe(EXIT.failed);
    expect(again.stdout).toMatch(/profile +0\n {2}conversation contexts +0/);
    expect(again.stderr).toContain(`Nothing was saved for discord:${DISCORD_ID}`);
    // The Slack person is untouched.
    const store = SqliteStore.open(env.ROLECALL_DB!);
    expect(await store.profiles.get(slackKey)).toMatchObject({ skills: ['sql'] });
    await store.close();
  });

  it('refuses a malformed --user, a missing --user or subcommand, and the chat-only subcommands, with usage (exit 2)', async () => {
    const bad: Array<[string[], RegExp]> = [
      [['export', '--user', 'discord:12345'], /not a Discord user id: expected discord:<17 to 20 digits>/],
      [['export', '--user', `discord:${DISCORD_ID}0000`], /not a Discord user id/],
      [['delete', '--user', `discord:${DISCORD_ID.slice(0, 10)}abcdefgh`], /not a Discord user id/],
      [['delete', '--user', 'slack:T0123ABCD'], /not a Slack user/],
      [['delete', '--user', 'slack:t0123abcd/U0456EFGH'], /not a Slack user/],
      [['delete', '--user', 'slack:T0123ABCD/C0456EFGH'], /not a Slack user/],
      [['delete', '--user', 'slack:T0123ABCD/U0456EFGH/x'], /not a Slack user/],
      [['delete', '--user', DISCORD_ID], /names no user: --user takes discord:<user id>, slack:<team id>\/<user id>/],
      [['delete', '--user', `teams:${DISCORD_ID}`], /names no user/],
      [['delete'], /delete needs --user/],
      [['--user', `discord:${DISCORD_ID}`], /missing subcommand: export or delete/],
      [['show', '--user', `discord:${DISCORD_ID}`], /\/profile show is a chat command/],
      [['export', `discord:${DISCORD_ID}`], /unexpected argument/],
      [['export', '--user'], /argument missing|--user/],
    ];
    // A few through the built CLI, the rest in-process (the same main(), without a process each).
    const spawned = new Set([0, 4, 9]);
    for (const [i, [args, message]] of bad.entries()) {
      const run = spawned.has(i) ? await cli(['profile', ...args], env) : await inProcess(['profile', ...args], env);
      expect(run.code, args.join(' ')).toBe(EXIT.usage);
      expect(run.stdout).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).toContain('Usage: rolecall profile export --user <user>');
    }
    // Nothing was erased by any of them.
    const store = SqliteStore.open(env.ROLECALL_DB!);
    expect(await store.profiles.get(discordKey)).toBeDefined();
    await store.close();
  });

  it('is in the help: rolecall help lists it, rolecall help profile and --help show its usage', async () => {
    expect((await cli(['help'], env)).stdout).toMatch(/profile export\|delete --user <user> +A person's saved data/);
    for (const args of [
      ['help', 'profile'],
      ['profile', '--help'],
    ]) {
      const run = await cli(args, env);
      expect(run.code).toBe(EXIT.ok);
      expect(run.stdout).toContain('rolecall profile delete --user <user>');
      expect(run.stdout).toContain('--user slack:T0123ABCD/U0456EFGH');
    }
  });
});

describe('rolecall profile (Postgres)', () => {
  let db: TestDatabase;
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase('rolecall_profile_cli');
    url = await db.freshSchema();
    const store = await PgStore.open({ url });
    await seed(store);
    await store.close();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('exports, then deletes the profile and every conversation context; export then says there is none', async () => {
    const env = { ROLECALL_DB: url };
    const exported = await cli(['profile', 'export', '--user', `discord:${DISCORD_ID}`], env);
    expect(exported.code).toBe(EXIT.ok);
    expect(JSON.parse(exported.stdout)).toMatchObject({ user: discordKey, profile: { skills: ['python', 'pytorch'], unrecognisedSkills: ['basket weaving'] } });
    const run = await cli(['profile', 'delete', '--user', `discord:${DISCORD_ID}`], env);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toMatch(/profile +1\n {2}conversation contexts +3\n$/);
    const after = await cli(['profile', 'export', '--user', `discord:${DISCORD_ID}`], env);
    expect(after.code).toBe(EXIT.failed);
    expect(after.stderr).toContain(`No profile is saved for discord:${DISCORD_ID}`);
    const store = await PgStore.open({ url });
    try {
      expect(await store.profiles.get(discordKey)).toBeUndefined();
      expect(await store.conversations.get({ platform: 'discord', workspaceId: 'G1', conversationId: 'c-G1', userId: DISCORD_ID })).toBeUndefined();
      expect(await store.profiles.get(slackKey)).toBeDefined();
    } finally {
      await store.close();
    }
  });

  it('a database that cannot be reached is a failure (exit 1) with no password in the message', async () => {
    const run = await cli(['profile', 'export', '--user', `discord:${DISCORD_ID}`], {
      ROLECALL_DB: 'postgres://rolecall:s3cret-pw@127.0.0.1:1/none',
      ROLECALL_DB_STARTUP_TIMEOUT_MS: '0',
    });
    expect(run.code).toBe(EXIT.failed);
    expect(run.stderr).toMatch(/^rolecall profile: /m);
    expect(run.stderr).not.toContain('s3cret-pw');
  });
});
