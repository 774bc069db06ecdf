import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { systemClock } from '../../src/spotlight/clock.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { testCore } from '../helpers/core.js';

const CHANNELS = 120;

/** What `npm start` runs (the bundle, dist/app/main.js), as a real process. */
function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, ['dist/app/main.js'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('close', (code) => resolve({ code, at: Date.now() })));
  return { child, exited, output: () => out };
}

describe('SIGTERM during a spotlight fan-out', () => {
  const fake = new FakeDiscord({ heartbeatIntervalMs: 5_000 });
  const channels: string[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    await fake.start();
    // A slow platform: the fan-out is still going when the signal arrives.
    fake.setGlobalRateLimit(20);
    const db = join(mkdtempSync(join(tmpdir(), 'rolecall-shutdown-')), 'rolecall.db');
    const store = SqliteStore.open(db);
    // Subscribed last week, so this week's Monday 00:00 slot counts (a later subscription starts next week).
    const lastWeek = { now: () => new Date(Date.now() - 8 * 86_400_000), sleep: systemClock.sleep };
    const service = new SpotlightService({ store, core: testCore(), clock: lastWeek });
    for (let i = 0; i < CHANNELS; i++) {
      const channelId = fake.addChannel(`spotlight-${i}`);
      channels.push(channelId);
      // Monday 00:00 UTC lies in the past of every moment of the current ISO week: due now.
      const res = await service.subscribe({
        channel: { platform: 'discord', workspaceId: fake.guildId, channelId },
        createdBy: 'test',
        day: 'monday',
        time: '00:00',
        timezone: 'UTC',
      });
      expect(res.ok).toBe(true);
    }
    await service.stop();
    await store.close();
    env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      ROLECALL_DB: db,
      PORT: '0',
      SPOTLIGHT_CONCURRENCY: '4',
    };
  });

  afterAll(async () => {
    await fake.stop();
  });

  const created = () => channels.map((id) => fake.rest.messages.get(id)?.length ?? 0);
  const total = () => created().reduce((a, b) => a + b, 0);

  it('exits within 10 s, and a restart posts the rest: every channel exactly once', async () => {
    const first = startBot(env);
    await expect.poll(total, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(10);
    const signalled = Date.now();
    first.child.kill('SIGTERM');
    const { code, at } = await first.exited;
    expect(code, first.output()).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    const afterFirst = total();
    expect(afterFirst).toBeLessThan(CHANNELS);

    const second = startBot(env);
    await expect.poll(total, { timeout: 60_000, interval: 100 }).toBe(CHANNELS);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    // Nothing twice, nothing lost: one message per channel, each sent with its claim as nonce.
    expect(created().every((n) => n === 1)).toBe(true);
    const posts = fake.requests.filter((r) => r.method === 'POST' && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path) && r.status === 200);
    for (const p of posts) {
      const body = p.body as { nonce?: string; enforce_nonce?: boolean; allowed_mentions?: unknown };
      expect(body.enforce_nonce).toBe(true);
      expect(body.nonce).toBeTruthy();
      expect(body.allowed_mentions).toEqual({ parse: [] });
    }
  }, 120_000);
});
