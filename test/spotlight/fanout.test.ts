import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Metrics } from '../../src/observability/metrics.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import type { NewSubscription } from '../../src/store/spotlight-store.js';
import { countBy, FakeClock, FakePoster, tempStore, testCore } from './helpers.js';

const core = testCore();
const MONDAY = new Date('2026-04-06T15:00:00Z');

/** 1,000 channels straight through the store (subscribe's checks are covered elsewhere). */
async function seed(t: ReturnType<typeof tempStore>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const platform = i % 2 === 0 ? 'discord' : 'slack';
    const sub: NewSubscription = {
      platform,
      workspaceId: platform === 'discord' ? `g${i % 7}` : `T${i % 5}`,
      channelId: `ch${i}`,
      dayOfWeek: 1,
      localTime: '15:00',
      timezone: 'UTC',
      filter: {},
      createdBy: 'u',
      rotationSeed: i * 7919,
    };
    await t.store.spotlight.subscriptions.upsert(sub, MONDAY);
  }
}

describe('fan-out to 1,000 channels under a platform rate limit', () => {
  let t: ReturnType<typeof tempStore>;
  let clock: FakeClock;
  beforeEach(async () => {
    t = tempStore();
    await seed(t, 1000);
    clock = new FakeClock(MONDAY);
  });
  afterEach(() => t.cleanup());

  it('paced at the limit: every channel exactly once, bounded concurrency, no 429s', async () => {
    // Discord's global limit is 50 requests/s; Slack's chat.postMessage is looser, 20/s here.
    const discord = new FakePoster('discord', { clock, limitPerSecond: 50, maxPerSecond: 50, latencyMs: 120 });
    const slack = new FakePoster('slack', { clock, limitPerSecond: 20, maxPerSecond: 20, latencyMs: 200 });
    const metrics = new Metrics();
    const service = new SpotlightService({ store: t.store, core, clock, metrics, posters: [discord, slack], concurrency: 8 });
    const summary = await service.runOnce(MONDAY);
    expect(summary).toMatchObject({ due: 1000, posted: 1000, failed: 0, skipped: 0 });
    expect(discord.posts).toHaveLength(500);
    expect(slack.posts).toHaveLength(500);
    expect([...countBy([...discord.posts, ...slack.posts], (p) => p.channelId).values()].every((n) => n === 1)).toBe(true);
    expect(discord.rateLimited + slack.rateLimited).toBe(0);
    expect(discord.inFlight + slack.inFlight).toBe(0);
    expect(Math.max(discord.maxInFlight, slack.maxInFlight)).toBeLessThanOrEqual(8);
    // Slack at 20/s bounds the run: 500 posts take ~25 virtual seconds, not much more.
    const seconds = (clock.now().getTime() - MONDAY.getTime()) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(24);
    expect(seconds).toBeLessThan(30);
    const discordSpan = (discord.posts.at(-1)!.at - discord.posts[0]!.at) / 1000;
    expect(500 / discordSpan).toBeGreaterThan(40);
    expect((await metrics.spotlightPosts.get()).values.map((v) => v.value).sort()).toEqual([500, 500]);
    // A second run in the same week posts nothing.
    expect(await service.runOnce(clock.now())).toMatchObject({ posted: 0, skipped: 1000 });
  });

  it('without pacing: 429s are retried after Retry-After and still land exactly once', async () => {
    const discord = new FakePoster('discord', { clock, limitPerSecond: 50, latencyMs: 20 });
    const slack = new FakePoster('slack', { clock, limitPerSecond: 50, latencyMs: 20 });
    const service = new SpotlightService({ store: t.store, core, clock, posters: [discord, slack], concurrency: 16, retry: { maxAttempts: 8 } });
    const summary = await service.runOnce(MONDAY);
    expect(summary).toMatchObject({ posted: 1000, failed: 0 });
    expect(discord.rateLimited + slack.rateLimited).toBeGreaterThan(0);
    expect([...countBy([...discord.posts, ...slack.posts], (p) => p.channelId).values()].every((n) => n === 1)).toBe(true);
    const claims = await Promise.all([1, 500, 1000].map((id) => t.store.spotlight.claims.get(id, '2026-W15')));
    expect(claims.every((c) => c?.state === 'sent')).toBe(true);
  });
});
