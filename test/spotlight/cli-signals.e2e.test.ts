import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FakeSlackApi } from '../fakes/slack/index.js';

const MAIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'xoxb-signals';
const CHANNELS = 12;

let slack: FakeSlackApi;
let dir: string;
beforeAll(async () => {
  slack = await FakeSlackApi.start({ token: TOKEN, latencyMs: { min: 50, max: 100 } });
  dir = mkdtempSync(join(tmpdir(), 'rolecall-cli-signals-'));
});
afterAll(async () => {
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rolecall spotlight run --once under SIGTERM', () => {
  it('finishes the sends in flight, claims nothing new, leaves no claim half done, and exits promptly', { timeout: 120_000 }, async () => {
    const db = join(dir, 'rolecall.db');
    const store = SqliteStore.open(db);
    const since = new Date(Date.now() - 8 * 86_400_000);
    for (let i = 0; i < CHANNELS; i++) {
      await store.spotlight.subscriptions.upsert(
        {
          platform: 'slack',
          workspaceId: slack.teamId,
          channelId: `C0SIG${i}`,
          dayOfWeek: 1,
          localTime: '00:00',
          timezone: 'UTC',
          filter: {},
          createdBy: 't',
          rotationSeed: i,
        },
        since,
      );
    }
    // Slack is paced at 10 posts/s: twelve channels take over a second, so the signal lands mid fan-out.
    const env = {
      ...process.env,
      ROLECALL_DB: db,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: 'unused',
      SLACK_API_URL: slack.url,
      DISCORD_TOKEN: '',
      LOG_LEVEL: 'silent',
    };
    const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, 'spotlight', 'run', '--once'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
    const posted = () => Array.from({ length: CHANNELS }, (_, i) => slack.messagesIn(`C0SIG${i}`).length).reduce((a, b) => a + b, 0);
    while (posted() === 0) await sleep(5);
    await sleep(150);
    proc.kill('SIGTERM');
    const signalledAt = performance.now();
    const code = await exited;
    const seconds = (performance.now() - signalledAt) / 1000;

    expect(code, stderr).toBe(143);
    expect(stderr).toContain('SIGTERM: finishing the sends in flight');
    expect(stderr).toContain('stopped by SIGTERM');
    expect(seconds).toBeLessThan(6 + 2); // within the stop timeout, not after the remaining fan-out
    const claims = (await Promise.all((await store.spotlight.subscriptions.list()).map((s) => store.spotlight.claims.history(s.id, 1)))).flat();
    // Nothing half done: every claim was sent and marked; no claim is left in flight.
    expect(claims.filter((c) => c.state !== 'sent')).toEqual([]);
    expect(claims.length).toBe(posted());
    expect(posted()).toBeLessThan(CHANNELS);
    for (let i = 0; i < CHANNELS; i++) expect(slack.messagesIn(`C0SIG${i}`).length).toBeLessThanOrEqual(1);
    expect(stdout).toMatch(/spotlight run at .*: 12 due, \d+ posted, \d+ skipped, 0 failed/);
    await store.close();
  });
});
