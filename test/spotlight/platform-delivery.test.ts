import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REST } from 'discord.js';
import { DiscordSpotlightPoster } from '../../src/platforms/discord/spotlight-poster.js';
import { SlackSpotlightPoster, spotlightSlackClient } from '../../src/platforms/slack/spotlight-poster.js';
import type { SpotlightPoster } from '../../src/spotlight/poster.js';
import { systemClock } from '../../src/spotlight/clock.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import type { NewSubscription } from '../../src/store/spotlight-store.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { FakeSlackApi } from '../fakes/slack/index.js';
import { countBy, FakeClock, tempStore, testCore } from './helpers.js';

const core = testCore();
const SLACK_TOKEN = 'xoxb-delivery-test';
const MONDAY = new Date('2026-04-06T15:00:00Z');

let discord: FakeDiscord;
let slack: FakeSlackApi;
let rest: REST;
let t: ReturnType<typeof tempStore>;
beforeAll(async () => {
  discord = new FakeDiscord();
  await discord.start();
  slack = await FakeSlackApi.start({ token: SLACK_TOKEN });
  rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
});
afterAll(async () => {
  await discord?.stop();
  await slack?.close();
});
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const subscription = (platform: 'discord' | 'slack', workspaceId: string, channelId: string, seed: number): NewSubscription => ({
  platform,
  workspaceId,
  channelId,
  dayOfWeek: 1,
  localTime: '15:00',
  timezone: 'UTC',
  filter: {},
  createdBy: 'test',
  rotationSeed: seed,
});

/** A poster whose process "dies" right after the platform accepted: the answer never comes back. */
function dyingAfterAccept(real: SpotlightPoster): { poster: SpotlightPoster; accepted: Promise<void> } {
  let accepted!: () => void;
  const done = new Promise<void>((resolve) => (accepted = resolve));
  return {
    accepted: done,
    poster: {
      platform: real.platform,
      async post(target, view, claimId, opts) {
        await real.post(target, view, claimId, opts);
        accepted();
        return new Promise(() => {});
      },
    },
  };
}

describe('recovering a send whose answer was lost, without posting twice', () => {
  it('Discord, nonce forgotten: the recovering run finds the message and marks the claim sent', async () => {
    const channelId = discord.addChannel('crash');
    discord.rest.setNonceWindow(0); // as if the recovery came after Discord's few minutes
    try {
      const { poster, accepted } = dyingAfterAccept(new DiscordSpotlightPoster(rest));
      const a = new SpotlightService({ store: t.store, core, clock: new FakeClock(MONDAY, false), posters: [poster] });
      await t.store.spotlight.subscriptions.upsert(subscription('discord', discord.guildId, channelId, 7), MONDAY);
      void a.runOnce(MONDAY);
      await accepted;
      const [claim] = await t.store.spotlight.claims.history(1, 1);
      expect(claim).toMatchObject({ state: 'claimed' });

      // Process B on the same database file, once A's lease has run out.
      const later = new Date(MONDAY.getTime() + 3 * 60_000);
      const b = new SpotlightService({ store: t.reopen(), core, clock: new FakeClock(later, false), posters: [new DiscordSpotlightPoster(rest)] });
      const summary = await b.runOnce(later);
      expect(summary).toMatchObject({ recovered: 1, posted: 1, failed: 0 });
      expect(summary.outcomes[0]).toMatchObject({ alreadyPosted: true });

      const sends = discord.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channelId}/messages`);
      expect(sends.map((r) => (r.body as { nonce: string }).nonce)).toEqual([claim!.id]);
      expect(discord.requests.some((r) => r.method === 'GET' && r.path === `/api/v10/channels/${channelId}/messages`)).toBe(true);
      const messages = discord.rest.messages.get(channelId)!;
      expect(messages).toHaveLength(1);
      expect((await t.store.spotlight.claims.get(1, claim!.weekKey))!).toMatchObject({ state: 'sent', messageId: messages[0]!.id, recoveries: 1 });
    } finally {
      discord.rest.setNonceWindow(5 * 60_000);
    }
  });

  it('the fake Discord forgets a nonce after its window: the same nonce then creates a second message', async () => {
    const channelId = discord.addChannel('window');
    const post = (nonce: string) => rest.post(`/channels/${channelId}/messages`, { body: { content: 'x', nonce, enforce_nonce: true } });
    await post('n1');
    await post('n1');
    expect(discord.rest.messages.get(channelId)).toHaveLength(1);
    discord.rest.setNonceWindow(0);
    try {
      await post('n1');
      expect(discord.rest.messages.get(channelId)).toHaveLength(2);
    } finally {
      discord.rest.setNonceWindow(5 * 60_000);
    }
  });

  it('Slack: the claim id rides in the message metadata; recovery finds it in conversations.history', async () => {
    const client = spotlightSlackClient({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_API_URL: slack.url });
    const { poster, accepted } = dyingAfterAccept(new SlackSpotlightPoster(client, { maxPerSecond: null }));
    const a = new SpotlightService({ store: t.store, core, clock: new FakeClock(MONDAY, false), posters: [poster] });
    await t.store.spotlight.subscriptions.upsert(subscription('slack', slack.teamId, 'C0CRASH', 3), MONDAY);
    void a.runOnce(MONDAY);
    await accepted;
    const [claim] = await t.store.spotlight.claims.history(1, 1);
    const [post] = slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0CRASH');
    expect(post!.body.metadata).toEqual({ event_type: 'rolecall_spotlight', event_payload: { claim_id: claim!.id } });

    const later = new Date(MONDAY.getTime() + 3 * 60_000);
    const b = new SpotlightService({
      store: t.reopen(),
      core,
      clock: new FakeClock(later, false),
      posters: [new SlackSpotlightPoster(client, { maxPerSecond: null })],
    });
    expect(await b.runOnce(later)).toMatchObject({ recovered: 1, posted: 1, failed: 0 });
    const history = slack.callsTo('conversations.history').filter((c) => c.body.channel === 'C0CRASH');
    expect(history.at(-1)!.body).toMatchObject({ include_all_metadata: 'true' });
    expect(slack.messagesIn('C0CRASH')).toHaveLength(1);
    expect(await t.store.spotlight.claims.get(1, claim!.weekKey)).toMatchObject({ state: 'sent', messageId: slack.messagesIn('C0CRASH')[0]!.ts });
  });

  it('Slack: a recovered claim that had not landed is posted once, with its metadata', async () => {
    const client = spotlightSlackClient({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_API_URL: slack.url });
    const hang: SpotlightPoster = { platform: 'slack', post: () => new Promise(() => {}) };
    await t.store.spotlight.subscriptions.upsert(subscription('slack', slack.teamId, 'C0NEVER', 4), MONDAY);
    const a = new SpotlightService({ store: t.store, core, clock: new FakeClock(MONDAY, false), posters: [hang] });
    void a.runOnce(MONDAY);
    await new Promise((r) => setTimeout(r, 50));
    expect(await t.store.spotlight.claims.history(1, 1)).toMatchObject([{ state: 'claimed' }]);
    const later = new Date(MONDAY.getTime() + 3 * 60_000);
    const b = new SpotlightService({
      store: t.reopen(),
      core,
      clock: new FakeClock(later, false),
      posters: [new SlackSpotlightPoster(client, { maxPerSecond: null })],
    });
    expect(await b.runOnce(later)).toMatchObject({ recovered: 1, posted: 1 });
    const [message] = slack.messagesIn('C0NEVER');
    expect(slack.messagesIn('C0NEVER')).toHaveLength(1);
    expect(message!.metadata?.event_type).toBe('rolecall_spotlight');
  });
});

describe('1,000 channels against the fake Discord and the fake Slack, with their rate limits', () => {
  it('posts every channel exactly once, within the limits, and nothing on a second run', { timeout: 120_000 }, async () => {
    discord.setGlobalRateLimit(50); // Discord's documented global limit; beyond it, 429
    slack.limitRatePerChannel('chat.postMessage', 1); // "about one message per second per channel"
    slack.limitRate('chat.postMessage', 50); // a stand-in for the unpublished workspace-wide limit
    try {
      const discordChannels = Array.from({ length: 500 }, (_, i) => discord.addChannel(`fan-${i}`));
      const slackChannels = Array.from({ length: 500 }, (_, i) => `C0FAN${i}`);
      for (const [i, id] of discordChannels.entries()) await t.store.spotlight.subscriptions.upsert(subscription('discord', discord.guildId, id, i), MONDAY);
      for (const [i, id] of slackChannels.entries()) await t.store.spotlight.subscriptions.upsert(subscription('slack', slack.teamId, id, i), MONDAY);
      const firstRequest = discord.requests.length;
      const slackCallsBefore = slack.callsTo('chat.postMessage').length;

      // MONDAY's week at real speed from its slot: a run acts only on its current week.
      const t0 = Date.now();
      const clock = { now: () => new Date(MONDAY.getTime() + (Date.now() - t0)), sleep: systemClock.sleep };
      const service = new SpotlightService({
        store: t.store,
        core,
        clock,
        concurrency: 8,
        posters: [
          new DiscordSpotlightPoster(rest),
          // 40/s keeps the test short; production paces Slack at 10/s (SLACK_SPOTLIGHT_PER_SECOND).
          new SlackSpotlightPoster(spotlightSlackClient({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_API_URL: slack.url }), { maxPerSecond: 40 }),
        ],
      });
      const started = performance.now();
      const summary = await service.runOnce(MONDAY);
      const seconds = (performance.now() - started) / 1000;
      expect(summary).toMatchObject({ due: 1000, posted: 1000, failed: 0, skipped: 0 });

      for (const id of discordChannels) expect(discord.rest.messages.get(id), id).toHaveLength(1);
      const slackCalls = slack.callsTo('chat.postMessage').slice(slackCallsBefore);
      const accepted = slackCalls.filter((c) => c.response.ok === true);
      expect([...countBy(accepted, (c) => String(c.body.channel)).entries()].sort()).toEqual(slackChannels.map((c) => [c, 1] as [string, number]).sort());

      const discordRequests = discord.requests.slice(firstRequest);
      const limited = discordRequests.filter((r) => r.status === 429).length;
      expect(limited / discordRequests.length).toBeLessThanOrEqual(0.01);
      // Slack is paced at 40/s under a 50/s limit; Discord at 45/s under 50/s: ~12 s, not minutes.
      expect(seconds).toBeLessThan(60);

      const again = await service.runOnce();
      expect(again).toMatchObject({ posted: 0, skipped: 1000 });
      await service.stop();
    } finally {
      discord.setGlobalRateLimit(null);
      slack.limitRatePerChannel('chat.postMessage', undefined);
      slack.limitRate('chat.postMessage', undefined);
    }
  });
});
