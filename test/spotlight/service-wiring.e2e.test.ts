import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv, type Env } from '../../src/config/env.js';
import { silentLogger } from '../../src/observability/logger.js';
import { SPOTLIGHT_STOP_TIMEOUT_MS, startService } from '../../src/service/service.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { NewSubscription } from '../../src/store/spotlight-store.js';
import { FakeDiscord, payloads } from '../fakes/discord/index.js';
import { FakeSlackApi, ResponseUrlReceiver, SlackSender } from '../fakes/slack/index.js';
import { testCore } from './helpers.js';

const core = testCore();
const SLACK_TOKEN = 'xoxb-wiring-test';
const SIGNING_SECRET = 'wiring-test-signing-secret';

let discord: FakeDiscord;
let slack: FakeSlackApi;
let responses: ResponseUrlReceiver;
let dir: string;
let env: Env;

beforeAll(async () => {
  discord = new FakeDiscord({ globalRateLimit: 50 });
  await discord.start();
  slack = await FakeSlackApi.start({ token: SLACK_TOKEN });
  responses = await ResponseUrlReceiver.start();
  dir = mkdtempSync(join(tmpdir(), 'rolecall-wiring-'));
  env = parseEnv({
    PORT: '0',
    ROLECALL_DB: join(dir, 'rolecall.db'),
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    SPOTLIGHT_ENABLED: 'true',
  });
});
afterAll(async () => {
  await discord?.stop();
  await slack?.close();
  await responses?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Monday 00:00 UTC: a slot always behind us in the current week, so start-up's catch-up posts it
 * (subscribed the week before, so this week's slot counts).
 */
async function seed(channels: Array<{ platform: 'discord' | 'slack'; workspaceId: string; channelId: string }>): Promise<void> {
  const store = SqliteStore.open(env.ROLECALL_DB);
  for (const [i, c] of channels.entries()) {
    const sub: NewSubscription = { ...c, dayOfWeek: 1, localTime: '00:00', timezone: 'UTC', filter: {}, createdBy: 'U0ADMIN', rotationSeed: i + 1 };
    await store.spotlight.subscriptions.upsert(sub, new Date(Date.now() - 8 * 86_400_000));
  }
  await store.close();
}

const messagesIn = (ids: string[]) => ids.map((id) => discord.rest.messages.get(id)?.length ?? 0);

describe('the service wiring: npm start with the spotlight on', () => {
  it('catches up at start, answers /spotlight on both platforms, and stops the scheduler first, in time', async () => {
    await seed([
      { platform: 'discord', workspaceId: discord.guildId, channelId: discord.channelId },
      { platform: 'slack', workspaceId: slack.teamId, channelId: 'C0WIRED' },
    ]);
    const service = await startService({ env, logger: silentLogger(), core });
    try {
      expect(service.spotlight).toBeDefined();
      expect(await service.spotlight!.catchUp).toMatchObject({ due: 2, posted: 2, failed: 0 });
      expect(discord.rest.messages.get(discord.channelId)).toHaveLength(1);
      expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0WIRED')).toHaveLength(1);

      const cb = await discord.roundTrip(
        discord.interaction.chatInput('spotlight', [payloads.subcommand('status')], { memberPermissions: payloads.MODERATOR_PERMISSIONS }),
      );
      expect((cb.data.embeds as Array<{ title: string }>)[0]!.title).toBe('Weekly role spotlight');
      expect(JSON.stringify(cb.data)).toContain('posted');

      slack.setUser('U0ADMIN', { isAdmin: true });
      const sender = new SlackSender({
        baseUrl: `http://127.0.0.1:${service.http.port}`,
        signingSecret: SIGNING_SECRET,
        workspace: { teamId: slack.teamId, botUserId: slack.botUserId },
        responses,
      });
      const ack = await sender.command('/spotlight', 'now', { userId: 'U0ADMIN', channelId: 'C0WIRED' });
      const [answer] = await responses.waitFor(ack.responseId);
      expect(String(answer!.body.text)).toContain('Nothing posted');

      const metrics = await (await fetch(`http://127.0.0.1:${service.http.port}/metrics`)).text();
      expect(metrics).toMatch(/rolecall_spotlight_posts_total\{platform="discord"\} 1/);
      expect(metrics).toMatch(/rolecall_spotlight_posts_total\{platform="slack"\} 1/);
    } finally {
      const started = performance.now();
      await service.stop('test over');
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });

  it('stopped during a catch-up fan-out: finishes within 10 s, and the next start posts the rest, each channel once', async () => {
    const channels = Array.from({ length: 120 }, (_, i) => discord.addChannel(`wired-${i}`));
    await seed(channels.map((channelId) => ({ platform: 'discord' as const, workspaceId: discord.guildId, channelId })));
    const first = await startService({ env, logger: silentLogger(), core });
    await expect.poll(() => messagesIn(channels).filter((n) => n > 0).length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(10);
    const started = performance.now();
    await first.stop('SIGTERM');
    const stopMs = performance.now() - started;
    expect(stopMs).toBeLessThan(SPOTLIGHT_STOP_TIMEOUT_MS + 4_000);
    const afterStop = messagesIn(channels);
    expect(afterStop.every((n) => n <= 1)).toBe(true);
    expect(afterStop.filter((n) => n === 0).length).toBeGreaterThan(0);

    const second = await startService({ env, logger: silentLogger(), core });
    try {
      const catchUp = await second.spotlight!.catchUp;
      expect(catchUp?.failed).toBe(0);
      expect(messagesIn(channels)).toEqual(channels.map(() => 1));
    } finally {
      await second.stop('test over');
    }
  });
});
