import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processState } from '../../src/spotlight/owner.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { FakeSlackApi } from '../fakes/slack/index.js';

/**
 * The built `rolecall spotlight run --once`, SIGKILLed with its process group mid fan-out while
 * its parent lives on and never reaps it (a container whose PID 1 does not wait): the run stays
 * a zombie, which still answers kill(pid, 0) with its old start time. An immediate rerun must
 * still see it as dead and recover its claims at once, not skip them as "being sent by another
 * run" until the 2-minute lease ends: 0 duplicates and 0 missing across both platforms.
 */

const CLI = fileURLToPath(new URL('../../dist/app/cli.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLACK_TOKEN = 'xoxb-zombie';
/** Per platform: ten channels in all. */
const CHANNELS = 5;
/** Slow answers, given after the post took effect: the killed run leaves posts made but not marked. */
const LATENCY = { min: 150, max: 300 };

let discord: FakeDiscord;
let slack: FakeSlackApi;
let dir: string;
beforeAll(async () => {
  discord = new FakeDiscord({ nonceWindowMs: 0 }); // only the rerun's lookup can prevent a duplicate
  await discord.start();
  discord.rest.setLatency(LATENCY);
  slack = await FakeSlackApi.start({ token: SLACK_TOKEN, latencyMs: LATENCY });
  dir = mkdtempSync(join(tmpdir(), 'rolecall-zombie-'));
});
afterAll(async () => {
  await discord?.stop();
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

function cliEnv(db: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ROLECALL_DB: db,
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: 'unused-by-the-cli',
    SLACK_API_URL: slack.url,
    SPOTLIGHT_CONCURRENCY: '2',
    LOG_LEVEL: 'silent',
  };
}

const stateOf = (pid: number) => processState(pid) ?? 'gone';

describe('rolecall spotlight run --once killed with its process group, left a zombie by a parent that never reaps', () => {
  it('the immediate rerun recovers its claims: every channel ends with exactly one spotlight', { timeout: 90_000 }, async () => {
    const db = join(dir, 'rolecall.db');
    const store = SqliteStore.open(db);
    const discordChannels = Array.from({ length: CHANNELS }, (_, i) => discord.addChannel(`zombie-${i}`));
    const slackChannels = Array.from({ length: CHANNELS }, (_, i) => `C0ZOMBIE${i}`);
    // Monday 00:00 UTC, subscribed last week: due now, whatever day the suite runs.
    const since = new Date(Date.now() - 8 * 86_400_000);
    const base = { dayOfWeek: 1, localTime: '00:00', timezone: 'UTC', filter: {}, createdBy: 'zombie' };
    for (const [i, channelId] of discordChannels.entries()) {
      await store.spotlight.subscriptions.upsert({ ...base, platform: 'discord', workspaceId: discord.guildId, channelId, rotationSeed: i }, since);
    }
    for (const [i, channelId] of slackChannels.entries()) {
      await store.spotlight.subscriptions.upsert({ ...base, platform: 'slack', workspaceId: slack.teamId, channelId, rotationSeed: i + 7 }, since);
    }
    const counts = () => [
      ...discordChannels.map((c) => [`discord:${c}`, discord.rest.messages.get(c)?.length ?? 0] as const),
      ...slackChannels.map((c) => [`slack:${c}`, slack.messagesIn(c).length] as const),
    ];
    const posted = () => counts().reduce((n, [, c]) => n + c, 0);

    // The parent: a shell that starts the run in a process group of its own (setsid), then
    // becomes `sleep`, which never calls wait(). Itself detached, so the test can end it and its
    // children whatever happens.
    const victimLog = join(dir, 'victim.log');
    const parent = spawn('sh', ['-c', `setsid "${process.execPath}" "${CLI}" spotlight run --once >"${victimLog}" 2>&1 & echo $!; exec sleep 60`], {
      cwd: ROOT,
      env: cliEnv(db),
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const pid = await new Promise<number>((resolve, reject) => {
        parent.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
        parent.once('error', reject);
      });
      expect(pid).toBeGreaterThan(0);

      // Mid fan-out: some channels posted, most not.
      const deadline = Date.now() + 60_000;
      while (posted() < 3) {
        if (Date.now() > deadline || stateOf(pid) === 'gone') throw new Error(`the run never got going: ${readFileSync(victimLog, 'utf8')}`);
        await sleep(5);
      }
      process.kill(-pid, 'SIGKILL'); // kill -9 -<pgid>: the run and its whole process group
      const postedAtKill = posted();

      // The parent lives on without reaping: the run is a zombie, not gone.
      let state = stateOf(pid);
      for (let i = 0; i < 200 && state !== 'Z'; i++) {
        await sleep(10);
        state = stateOf(pid);
      }
      expect(state).toBe('Z');
      expect(stateOf(parent.pid!)).not.toBe('gone');
      expect(postedAtKill).toBeLessThan(2 * CHANNELS);
      // It left claims in flight, held by the zombie: what the rerun has to recover.
      const inFlight = await store.spotlight.claims.inFlight();
      expect(inFlight.length).toBeGreaterThan(0);
      expect(inFlight.every((c) => c.owner.split(':')[1] === String(pid))).toBe(true);

      // At once, long before the 2-minute lease ends.
      const started = performance.now();
      const rerun = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, [CLI, 'spotlight', 'run', '--once'], { cwd: ROOT, env: cliEnv(db), encoding: 'utf8' }, (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toMatch(/10 due, \d+ posted, \d+ skipped, 0 failed/);
      expect(stateOf(pid)).toBe('Z'); // still a zombie all along the rerun
      expect(seconds).toBeLessThan(30);

      const final = counts();
      expect(final.filter(([, c]) => c > 1)).toEqual([]); // duplicates
      expect(final.filter(([, c]) => c === 0)).toEqual([]); // missing
      const claims = (await Promise.all((await store.spotlight.subscriptions.list()).map((s) => store.spotlight.claims.history(s.id, 1)))).flat();
      expect(claims.map((c) => c.state)).toEqual(Array(2 * CHANNELS).fill('sent'));
      expect(await store.spotlight.claims.inFlight()).toEqual([]);
    } finally {
      // The parent's group (sh, now sleep); once it is gone, the zombie is reaped by PID 1.
      try {
        process.kill(-parent.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await store.close();
    }
  });
});
