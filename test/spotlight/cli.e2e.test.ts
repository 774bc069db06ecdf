import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { main } from '../../src/cli/main.js';
import { spotlightCli, type SpotlightCliDeps } from '../../src/cli/spotlight.js';
import { parseEnv, type Env } from '../../src/config/env.js';
import { systemClock, type Clock } from '../../src/spotlight/clock.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { DiscordErrors, FakeDiscord } from '../fakes/discord/index.js';
import { FakeSlackApi, type RecordedCall } from '../fakes/slack/index.js';
import { memoryIo } from '../helpers/streams.js';
import { testCore } from './helpers.js';

const core = testCore();
const SLACK_TOKEN = 'xoxb-cli-test';
const MONDAY = Date.parse('2026-04-06T15:00:00Z');
const week = (n: number, hour = 15) => new Date(MONDAY + n * 7 * 86_400_000 + (hour - 15) * 3_600_000).toISOString();

let discord: FakeDiscord;
let slack: FakeSlackApi;
beforeAll(async () => {
  discord = new FakeDiscord();
  await discord.start();
  slack = await FakeSlackApi.start({ token: SLACK_TOKEN });
});
afterAll(async () => {
  await discord?.stop();
  await slack?.close();
});

let dir: string;
let env: Env;
beforeEach(() => {
  testNow = MONDAY - 86_400_000;
  dir = mkdtempSync(join(tmpdir(), 'rolecall-cli-spotlight-'));
  env = envWith({});
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function envWith(over: Record<string, string | undefined>): Env {
  return parseEnv({
    ROLECALL_DB: join(dir, 'rolecall.db'),
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: 'unused-by-the-cli',
    SLACK_API_URL: slack.url,
    ...over,
  });
}

/**
 * The CLI's "now": each `--at` moves it there (a run posts only its current week), and calls
 * without one stay at the last moment. It starts the day before week 0's slot, so channels
 * added first are due in week 0.
 */
let testNow = MONDAY - 86_400_000;
const testClock: Clock = { now: () => new Date(testNow), sleep: systemClock.sleep };

async function cli(args: string[], deps: SpotlightCliDeps = {}) {
  const at = args.indexOf('--at');
  if (at >= 0 && !Number.isNaN(Date.parse(args[at + 1] ?? ''))) testNow = Date.parse(args[at + 1]!);
  const m = memoryIo();
  const code = await spotlightCli(args, m.io, { env, core, clock: testClock, ...deps });
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

const discordTarget = (channel: string) => `discord:${discord.guildId}/${channel}`;
const slackTarget = (channel: string) => `slack:${slack.teamId}/${channel}`;
const discordPosts = (channel: string) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`);
const slackPosts = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
const slackTitle = (call: RecordedCall) => (call.body.blocks as Array<{ type: string; text: { text: string } }>).find((b) => b.type === 'header')!.text.text;

describe('rolecall spotlight add + run --once against the fake Discord and fake Slack', () => {
  it('posts exactly one spotlight to each due channel, and nothing on a second run that week', async () => {
    const dch = discord.addChannel('spotlight-a');
    const added = await cli(['add', discordTarget(dch), '--day', 'monday', '--time', '15:00', '--tz', 'UTC']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('Subscribed: weekly role spotlight');
    expect(discord.requests.some((r) => r.method === 'GET' && r.path === `/api/v10/channels/${dch}`)).toBe(true);

    const addedSlack = await cli(['add', slackTarget('C0CLIA001'), '--tz', 'Europe/London', '--layer', 'l5', '--by', 'U0OPS']);
    expect(addedSlack.code).toBe(0);
    expect(slack.callsTo('chat.postEphemeral').at(-1)!.body).toMatchObject({ channel: 'C0CLIA001', user: 'U0OPS' });

    const listed = JSON.parse((await cli(['list', '--json'])).stdout) as { subscriptions: Array<Record<string, unknown>> };
    expect(listed.subscriptions.map((s) => [s.platform, s.channelId, s.timezone, s.createdBy])).toEqual([
      ['discord', dch, 'UTC', 'cli'],
      ['slack', 'C0CLIA001', 'Europe/London', 'U0OPS'],
    ]);

    const first = await cli(['run', '--once', '--at', week(0)]);
    expect(first.stdout).toContain('2 due, 2 posted, 0 skipped, 0 failed');
    expect(first.code).toBe(0);
    const [post] = discordPosts(dch);
    expect(discordPosts(dch)).toHaveLength(1);
    const store = SqliteStore.open(env.ROLECALL_DB);
    const claim = (await store.spotlight.claims.history(1, 1))[0]!;
    await store.close();
    expect(post!.body).toMatchObject({ nonce: claim.id, enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(claim).toMatchObject({ state: 'sent', messageId: discord.rest.messages.get(dch)![0]!.id });
    expect(slackPosts('C0CLIA001')).toHaveLength(1);
    expect(slackPosts('C0CLIA001')[0]!.body).toMatchObject({ link_names: 'false', unfurl_links: 'false' });

    const again = await cli(['run', '--once', '--at', week(0, 40)]);
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('2 due, 0 posted, 2 skipped, 0 failed');
    expect(discordPosts(dch)).toHaveLength(1);
    expect(slackPosts('C0CLIA001')).toHaveLength(1);
  });

  it('walks all 31 roles in 31 consecutive weeks on both platforms, with no repeat, escaped on Slack', async () => {
    const dch = discord.addChannel('spotlight-walk');
    expect((await cli(['add', discordTarget(dch)])).code).toBe(0);
    expect((await cli(['add', slackTarget('C0WALK001'), '--no-check'])).code).toBe(0);
    for (let n = 0; n < 31; n++) expect((await cli(['run', '--once', '--at', week(n)])).stdout).toContain('2 due, 2 posted');
    const discordRoles = discord.rest.messages.get(dch)!.map((m) => (m.embeds[0] as APIEmbed).title);
    const slackRoles = slackPosts('C0WALK001').map(slackTitle);
    for (const titles of [discordRoles, slackRoles]) {
      expect(titles).toHaveLength(31);
      expect(new Set(titles).size).toBe(31);
    }
    const names = (titles: Array<string | undefined>) => new Set(titles.map((t) => t?.replace(/^Role of the week: \d+\. /, '')));
    expect(names(discordRoles)).toEqual(new Set(core.kb.roles.map((r) => r.name)));
    expect(names(slackRoles.map((t) => t.replace(/&amp;/g, '&')))).toEqual(new Set(core.kb.roles.map((r) => r.name)));
    // The one role with "&" in its name: escaped for Slack, plain in Discord's embed title.
    const ethics = slackPosts('C0WALK001').find((c) => String(c.body.text).includes('Ethics'))!;
    expect(String(ethics.body.text)).toContain('AI Ethics &amp; Governance Lead');
    expect(String(ethics.body.text)).not.toMatch(/&(?!amp;|lt;|gt;)/);
    // Week 32 starts a new cycle, and never with the role just shown.
    await cli(['run', '--once', '--at', week(31)]);
    const next = discord.rest.messages.get(dch)!.at(-1)!.embeds[0]!.title;
    expect(next).not.toBe(discordRoles.at(-1));
  });

  it('pauses a channel that fails permanently, with the reason, shown in status, and does not retry it', async () => {
    const gone = discord.addChannel('gone');
    expect((await cli(['add', discordTarget(gone)])).code).toBe(0);
    expect((await cli(['add', slackTarget('C0GONE001'), '--no-check'])).code).toBe(0);
    discord.setChannelError(gone, DiscordErrors.UnknownChannel);
    slack.failChannel('C0GONE001', 'channel_not_found');
    const run = await cli(['run', '--once', '--at', week(0)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('2 due, 0 posted, 0 skipped, 2 failed');
    expect(run.stdout).toContain(`failed  ${discordTarget(gone)}: Unknown Channel (HTTP 404, code 10003) (paused until resumed)`);
    expect(run.stdout).toContain(`failed  ${slackTarget('C0GONE001')}: Slack: channel_not_found (paused until resumed)`);
    expect(discordPosts(gone)).toHaveLength(1);
    const status = await cli(['status', discordTarget(gone)]);
    expect(status.stdout).toContain('Paused: the bot cannot post here: Unknown Channel (HTTP 404, code 10003)');
    expect((await cli(['status', slackTarget('C0GONE001')])).stdout).toContain('Paused: the bot cannot post here: Slack: channel_not_found');
    const later = await cli(['run', '--once', '--at', week(1)]);
    expect(later.stdout).toContain('0 due');
    expect(discordPosts(gone)).toHaveLength(1);
    // Fixed and resumed: this week's failed spotlight is posted by the next run.
    discord.setChannelError(gone, null);
    expect((await cli(['resume', discordTarget(gone)])).code).toBe(0);
    expect((await cli(['run', '--once', '--at', week(1, 16)])).stdout).toContain('1 posted');
    expect(discord.rest.messages.get(gone)).toHaveLength(1);
  });

  it('refuses to subscribe a channel it cannot post in, and says why', async () => {
    const res = await cli(['add', discordTarget('123456789012345678')]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('I cannot post in this channel');
    expect(res.stdout).toContain('Discord does not know this channel');
    slack.failChannel('C0NOTIN01', 'not_in_channel');
    const s = await cli(['add', slackTarget('C0NOTIN01'), '--by', 'U0OPS']);
    expect(s.code).toBe(1);
    expect(s.stdout).toContain('RoleCall is not a member of this channel');
    expect(JSON.parse((await cli(['list', '--json'])).stdout)).toEqual({ subscriptions: [] });
  });
});

describe('rolecall spotlight: the dates agree', () => {
  it('subscribed on Sunday 29 Nov 2026 at 21:00 UTC: add, status, preview and run all mean Monday 30 Nov', async () => {
    testNow = Date.parse('2026-11-29T21:00:00Z');
    const dch = discord.addChannel('late-sunday');
    const added = await cli(['add', discordTarget(dch)]);
    expect(added.stdout.replace(/\s+/g, ' ')).toContain('The next one is due Mon, 30 Nov 2026, 15:00');
    const status = await cli(['status', discordTarget(dch)]);
    expect(status.stdout).toContain('Mon, 30 Nov 2026, 15:00');
    expect(status.stdout).not.toContain('23 Nov');
    const preview = await cli(['preview', discordTarget(dch)]);
    expect(preview.stdout).toContain('Mon, 30 Nov 2026, 15:00');
    expect(preview.stdout).toContain('2026-W49');
    expect(preview.stdout).not.toContain('23 Nov');
    const now = await cli(['run', '--once']);
    expect(now.stdout).toContain('0 due, 0 posted');
    expect(discordPosts(dch)).toHaveLength(0);
    const monday = await cli(['run', '--once', '--at', '2026-11-30T15:00:00Z']);
    expect(monday.stdout).toContain('1 due, 1 posted');
    expect(discordPosts(dch)).toHaveLength(1);
  });

  it('--at only backfills the current week, and says so otherwise', async () => {
    testNow = Date.parse('2026-04-08T12:00:00Z'); // Wednesday of 2026-W15: its spotlights start in W16
    const dch = discord.addChannel('at-checks');
    expect((await cli(['add', discordTarget(dch)])).code).toBe(0);
    const future = await cli(['run', '--once', '--at', '2026-04-20T15:00:00Z'], {
      clock: { now: () => new Date('2026-04-15T12:00:00Z'), sleep: systemClock.sleep },
    });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('--at 2026-04-20T15:00:00.000Z is in the future (it is 2026-04-15T12:00:00.000Z); run --once never posts ahead of time');
    const old = await cli(['run', '--once', '--at', '2026-04-01T15:00:00Z'], {
      clock: { now: () => new Date('2026-04-15T12:00:00Z'), sleep: systemClock.sleep },
    });
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('is not in the current week; an earlier week is never posted late');
    // Within seven days but in the previous week: the channel is skipped, with the reason.
    const lastWeek = await cli(['run', '--once', '--at', '2026-04-14T15:00:00Z'], {
      clock: { now: () => new Date('2026-04-20T10:00:00Z'), sleep: systemClock.sleep },
    });
    expect(lastWeek.code).toBe(0);
    expect(lastWeek.stdout).toContain(`skipped ${discordTarget(dch)}: 2026-W16 is over in UTC (it is 2026-W17 now); an earlier week is never posted late`);
    expect(discordPosts(dch)).toHaveLength(0);
  });
});

describe('rolecall spotlight: usage and configuration errors', () => {
  it('exits 2 with a clear message for bad usage, before opening the database', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /unknown subcommand "frobnicate"/],
      [['add', 'discord:general'], /bad target "discord:general": not platform:workspace\/channel; write discord:<guild id>\/<channel id>/],
      [['add', 'slack:t1/c1'], /"t1" is no Slack team id: they start with T/],
      [
        ['add', 'slack:T123/C456'],
        /bad target "slack:T123\/C456": "T123" is no Slack team id.*write .*slack:<team id>\/<channel id> \(e\.g\. slack:T0123ABCD\/C0456EFGH\)/,
      ],
      [['add', 'discord:12/34'], /"12" is no Discord guild id: Discord ids are 17–20 digits/],
      [['pause'], /pause needs a target/],
      [['run'], /run needs --once/],
      [['run', '--once', '--at', 'next tuesday'], /--at: "next tuesday" is not a time/],
      [['list', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const res = await cli(args, { env: envWith({ ROLECALL_DB: join(dir, 'never', 'created.db') }) });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(message);
    }
    expect((await cli(['add', discordTarget(discord.channelId), '--time', '25:00'])).stderr).toMatch(/time: expected a 24-hour time/);
  });

  it('names the missing token instead of failing obscurely', async () => {
    const noDiscord = envWith({ DISCORD_TOKEN: undefined, DISCORD_APPLICATION_ID: undefined });
    // Discord and Slack alike: subscribed, with a note that nothing could be checked here.
    const add = await cli(['add', discordTarget(discord.channelId)], { env: noDiscord });
    expect(add.code).toBe(0);
    expect(add.stderr).toContain('not checked that RoleCall can post in');
    expect(add.stderr).toContain('DISCORD_TOKEN is not set here');
    const status = await cli(['status', discordTarget(discord.channelId)], { env: noDiscord });
    expect(status.stdout).toMatch(/no working discord client/);
    const withToken = await cli(['status', discordTarget(discord.channelId)]);
    expect(withToken.stdout).not.toMatch(/no working discord client/);
    const none = envWith({ DISCORD_TOKEN: undefined, DISCORD_APPLICATION_ID: undefined, SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined });
    const run = await cli(['run', '--once'], { env: none });
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toContain('nothing to post with: set DISCORD_TOKEN and/or SLACK_BOT_TOKEN');
    const rejected = await cli(['run', '--once'], { env: envWith({ DISCORD_TOKEN: 'not-the-token' }) });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('Discord rejected DISCORD_TOKEN (401 Unauthorized)');
    expect(rejected.stderr).not.toContain('not-the-token');
  });

  it('leaves a platform without a token to another run, and says so', async () => {
    const dch = discord.addChannel('discord-only');
    expect((await cli(['add', discordTarget(dch)])).code).toBe(0);
    expect((await cli(['add', slackTarget('C0LATER01'), '--no-check'])).code).toBe(0);
    const discordOnly = envWith({ SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined });
    const run = await cli(['run', '--once', '--at', week(0)], { env: discordOnly });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 posted, 1 skipped');
    expect(run.stdout).toContain('1 slack spotlight(s) due, but SLACK_BOT_TOKEN is not set here');
    expect(slackPosts('C0LATER01')).toHaveLength(0);
  });

  it('is reached from `rolecall spotlight`, with its own flags and help', async () => {
    const m = memoryIo();
    expect(await main(['spotlight', '--help'], m.io)).toBe(0);
    expect(m.stdout()).toContain('run --once [--at <ISO time>]');
    const bad = memoryIo();
    expect(await main(['spotlight', 'run', '--at', '2026-04-06T15:00:00Z'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('run needs --once');
  });
});
