import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REST } from 'discord.js';
import { DiscordSpotlightPoster } from '../../src/platforms/discord/spotlight-poster.js';
import { SlackSpotlightPoster, spotlightSlackClient } from '../../src/platforms/slack/spotlight-poster.js';
import type { SpotlightPoster } from '../../src/spotlight/poster.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import type { NewSubscription } from '../../src/store/spotlight-store.js';
import { spotlightThreadFor } from '../../src/views/cards/spotlight-thread.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { FakeSlackApi } from '../fakes/slack/index.js';
import { danglingSlots, missingVerbs } from '../helpers/sentence-checks.js';
import { FakeClock, tempStore, testCore } from './helpers.js';

const core = testCore();
const SLACK_TOKEN = 'xoxb-threads-test';
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

const sub = (platform: 'discord' | 'slack', workspaceId: string, channelId: string, thread: boolean): NewSubscription => ({
  platform,
  workspaceId,
  channelId,
  dayOfWeek: 1,
  localTime: '15:00',
  timezone: 'UTC',
  filter: {},
  createdBy: 'test',
  rotationSeed: 11,
  thread,
});

const service = (poster: SpotlightPoster) => new SpotlightService({ store: t.store, core, clock: new FakeClock(MONDAY, false), posters: [poster] });
const slackPoster = () => new SlackSpotlightPoster(spotlightSlackClient({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_API_URL: slack.url }), { maxPerSecond: null });

/** Discord: the threads started on the channel's messages, and the bot's messages in each. */
function discordThreads(channelId: string) {
  const posts = discord.rest.messages.get(channelId) ?? [];
  return posts.filter((m) => m.thread).map((m) => ({ post: m.id, thread: m.thread!.id, inThread: discord.rest.messages.get(m.thread!.id) ?? [] }));
}

/** Slack: the channel's top-level posts and their replies. */
function slackThreads(channelId: string) {
  const all = slack.messagesIn(channelId);
  const posts = all.filter((m) => m.thread_ts === undefined);
  return { posts, replies: all.filter((m) => m.thread_ts !== undefined) };
}

describe('the discussion question', () => {
  it('is one sentence set from the role, the same for a week and varied across weeks', () => {
    const roleId = core.kb.roles[0]!.id;
    const weeks = Array.from({ length: 12 }, (_, i) => spotlightThreadFor(core, roleId, `2026-W${String(i + 1).padStart(2, '0')}`)!);
    expect(spotlightThreadFor(core, roleId, '2026-W01')).toEqual(weeks[0]);
    expect(new Set(weeks.map((w) => w.view.description)).size).toBeGreaterThan(1);
    for (const role of core.kb.roles) {
      const { name, view } = spotlightThreadFor(core, role.id, '2026-W14')!;
      expect(name.length).toBeLessThanOrEqual(100);
      for (const text of [name, view.title, view.description ?? '']) {
        expect(danglingSlots(text), text).toEqual([]);
        expect(missingVerbs(text), text).toEqual([]);
      }
    }
  });
});

describe('Discord', () => {
  it('opt-in: one thread on the post, opened with the question; a second run opens none', async () => {
    const channelId = discord.addChannel('threads-on');
    await t.store.spotlight.subscriptions.upsert(sub('discord', discord.guildId, channelId, true), MONDAY);
    const s = service(new DiscordSpotlightPoster(rest, { maxPerSecond: null }));
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 1 });
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 0 });
    const threads = discordThreads(channelId);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.inThread).toHaveLength(1);
    expect(threads[0]!.inThread[0]!.embeds[0]?.description).toMatch(/\?/);
    const [claim] = await t.store.spotlight.claims.history(1, 1);
    expect(claim).toMatchObject({ state: 'sent', threadState: 'opened', threadId: threads[0]!.thread });
  });

  it('opt-out: no thread', async () => {
    const channelId = discord.addChannel('threads-off');
    await t.store.spotlight.subscriptions.upsert(sub('discord', discord.guildId, channelId, false), MONDAY);
    expect(await service(new DiscordSpotlightPoster(rest, { maxPerSecond: null })).runOnce(MONDAY)).toMatchObject({ posted: 1 });
    expect(discordThreads(channelId)).toEqual([]);
    expect(discord.requests.some((r) => r.path.includes(`/channels/${channelId}/`) && r.path.endsWith('/threads'))).toBe(false);
  });

  it('a thread call that fails after the post: the rerun opens it once and does not post again', async () => {
    const channelId = discord.addChannel('threads-crash');
    await t.store.spotlight.subscriptions.upsert(sub('discord', discord.guildId, channelId, true), MONDAY);
    const s = service(new DiscordSpotlightPoster(rest, { maxPerSecond: null }));
    // The only request under this prefix after the post is the thread's.
    discord.rest.failNext(`/channels/${channelId}/messages/`, { status: 400 });
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 1 });
    expect(discordThreads(channelId)).toEqual([]);
    expect((await t.store.spotlight.claims.history(1, 1))[0]).toMatchObject({ threadState: 'opening' });
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 0 });
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 0 });
    expect(discord.rest.messages.get(channelId)).toHaveLength(1);
    const threads = discordThreads(channelId);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.inThread).toHaveLength(1);
    expect((await t.store.spotlight.claims.history(1, 1))[0]).toMatchObject({ threadState: 'opened' });
  });

  it('a crash after the thread was started: recovery finds it on the message and only adds the question', async () => {
    const channelId = discord.addChannel('threads-half');
    await t.store.spotlight.subscriptions.upsert(sub('discord', discord.guildId, channelId, true), MONDAY);
    const s = service(new DiscordSpotlightPoster(rest, { maxPerSecond: null }));
    // The thread is created, then the opening message fails.
    const real = new DiscordSpotlightPoster(rest, { maxPerSecond: null });
    const halfway: SpotlightPoster = {
      platform: 'discord',
      post: (...a) => real.post(...a),
      async openThread(target, start) {
        await rest.post(`/channels/${target.channelId}/messages/${start.messageId}/threads`, { body: { name: start.name } });
        return { ok: false, kind: 'temporary', reason: 'crashed' };
      },
    };
    expect(await service(halfway).runOnce(MONDAY)).toMatchObject({ posted: 1 });
    expect(discordThreads(channelId)[0]!.inThread).toEqual([]);
    await s.runOnce(MONDAY);
    const threads = discordThreads(channelId);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.inThread).toHaveLength(1);
  });
});

describe('Slack', () => {
  it('opt-in: the first reply in the post’s thread asks the question; a second run adds none', async () => {
    await t.store.spotlight.subscriptions.upsert(sub('slack', slack.teamId, 'C0THREAD', true), MONDAY);
    const s = service(slackPoster());
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 1 });
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 0 });
    const { posts, replies } = slackThreads('C0THREAD');
    expect(posts).toHaveLength(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.thread_ts).toBe(posts[0]!.ts);
    expect(JSON.stringify(replies[0]!.blocks)).toMatch(/\?/);
  });

  it('opt-out: no reply', async () => {
    await t.store.spotlight.subscriptions.upsert(sub('slack', slack.teamId, 'C0NOTHREAD', false), MONDAY);
    expect(await service(slackPoster()).runOnce(MONDAY)).toMatchObject({ posted: 1 });
    expect(slackThreads('C0NOTHREAD').replies).toEqual([]);
  });

  it('a reply that landed but whose answer was lost: the rerun finds it with conversations.replies and posts nothing', async () => {
    await t.store.spotlight.subscriptions.upsert(sub('slack', slack.teamId, 'C0LOST', true), MONDAY);
    const real = slackPoster();
    let lost = true;
    const losing: SpotlightPoster = {
      platform: 'slack',
      post: (...a) => real.post(...a),
      async openThread(target, start, opts) {
        const r = await real.openThread(target, start, opts);
        if (!lost) return r;
        lost = false;
        return { ok: false, kind: 'temporary', reason: 'answer lost' };
      },
    };
    const s = service(losing);
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 1 });
    expect(await s.runOnce(MONDAY)).toMatchObject({ posted: 0 });
    const { posts, replies } = slackThreads('C0LOST');
    expect(posts).toHaveLength(1);
    expect(replies).toHaveLength(1);
    expect(slack.callsTo('conversations.replies').length).toBeGreaterThan(0);
    expect((await t.store.spotlight.claims.history(1, 1))[0]).toMatchObject({ threadState: 'opened', threadId: replies[0]!.ts });
  });

  it('a thread call that fails once: the rerun opens it exactly once', async () => {
    await t.store.spotlight.subscriptions.upsert(sub('slack', slack.teamId, 'C0FAIL', true), MONDAY);
    const real = slackPoster();
    let fail = true;
    const failing: SpotlightPoster = {
      platform: 'slack',
      post: (...a) => real.post(...a),
      openThread(target, start, opts) {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('process died'));
        }
        return real.openThread(target, start, opts);
      },
    };
    const s = service(failing);
    await s.runOnce(MONDAY);
    expect(slackThreads('C0FAIL').replies).toEqual([]);
    await s.runOnce(MONDAY);
    await s.runOnce(MONDAY);
    expect(slackThreads('C0FAIL')).toMatchObject({ posts: [expect.anything()], replies: [expect.anything()] });
  });
});
