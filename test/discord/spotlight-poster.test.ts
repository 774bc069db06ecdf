import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAPIError, HTTPError, REST } from '@discordjs/rest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { createCore } from '../../src/core/index.js';
import { canPostWith } from '../../src/platforms/discord/permissions.js';
import { checkDiscordChannel, classifyDiscordError, DiscordSpotlightPoster } from '../../src/platforms/discord/spotlight-poster.js';
import { spotlightFor } from '../../src/views/cards/spotlight.js';
import { DiscordErrors, FakeDiscord } from '../fakes/discord/index.js';

const core = createCore();
const view = spotlightFor(core, core.kb.roles[0]!.id)!;
const opts = () => ({ signal: new AbortController().signal });

let fake: FakeDiscord;
let rest: REST;
beforeAll(async () => {
  fake = new FakeDiscord();
  const { apiUrl } = await fake.start();
  rest = new REST({ api: apiUrl }).setToken(fake.token);
});
afterAll(async () => {
  await fake?.stop();
});

const apiError = (status: number, code: number, message = 'x') =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.com/api/v10/channels/1/messages', { body: undefined, files: undefined });

describe('classifyDiscordError', () => {
  it('treats lost access as permanent, and repeated-invalid statuses too (Discord counts them against the bot)', () => {
    for (const [status, code] of [
      [404, 10003],
      [403, 50001],
      [403, 50013],
      [401, 0],
      [403, 20001],
      [404, 10008],
    ] as const) {
      expect(classifyDiscordError(apiError(status, code))).toMatchObject({ ok: false, kind: 'permanent' });
    }
  });

  it('retries the rest: 5xx, a bad body, timeouts, the network', () => {
    expect(classifyDiscordError(new HTTPError(503, 'Service Unavailable', 'POST', 'u', { body: undefined, files: undefined }))).toMatchObject({
      kind: 'temporary',
      reason: 'Discord answered HTTP 503',
    });
    expect(classifyDiscordError(apiError(400, 50035, 'Invalid Form Body'))).toMatchObject({ kind: 'temporary' });
    expect(classifyDiscordError(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }))).toMatchObject({ kind: 'temporary' });
    expect(classifyDiscordError(new Error('connect ECONNREFUSED'))).toMatchObject({
      kind: 'temporary',
      reason: 'could not reach Discord: connect ECONNREFUSED',
    });
  });
});

describe('canPostWith (interaction app permissions, as the payload carries them)', () => {
  it('needs View Channel, Send Messages (in threads: Send Messages in Threads) and Embed Links', () => {
    const { ViewChannel, SendMessages, EmbedLinks, SendMessagesInThreads, Administrator } = PermissionFlagsBits;
    const bits = (...flags: bigint[]) => flags.reduce((a, b) => a | b, 0n).toString();
    expect(canPostWith(bits(ViewChannel, SendMessages, EmbedLinks))).toEqual({ ok: true });
    expect(canPostWith(bits(ViewChannel))).toEqual({ ok: false, reason: 'The bot lacks Send Messages, Embed Links in this channel' });
    expect(canPostWith(bits(ViewChannel, SendMessages, EmbedLinks), true)).toEqual({
      ok: false,
      reason: 'The bot lacks Send Messages in Threads in this channel',
    });
    expect(canPostWith(bits(ViewChannel, SendMessagesInThreads, EmbedLinks), true)).toEqual({ ok: true });
    // Administrator grants every permission, as Discord reads it.
    expect(canPostWith(bits(Administrator))).toEqual({ ok: true });
    expect(canPostWith(undefined).ok).toBe(false);
  });
});

describe('DiscordSpotlightPoster against the fake Discord', () => {
  it('posts the embed with nonce + enforce_nonce and no mentions; a repeat of the nonce returns the first message', async () => {
    const channel = fake.addChannel('spotlight');
    const poster = new DiscordSpotlightPoster(rest);
    expect(poster.maxPerSecond).toBeLessThan(50);
    const target = { platform: 'discord' as const, workspaceId: fake.guildId, channelId: channel };
    const first = await poster.post(target, view, 'claim-abc', opts());
    const again = await poster.post(target, view, 'claim-abc', opts());
    expect(first.ok && again.ok && again.messageId === first.messageId).toBe(true);
    expect(fake.rest.messages.get(channel)).toHaveLength(1);
    const req = fake.requests.find((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`)!;
    expect(req.body).toMatchObject({ nonce: 'claim-abc', enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect((req.body as { embeds: Array<{ title: string }> }).embeds[0]!.title).toBe(view.title);
    expect(req.body).not.toHaveProperty('flags');
  });

  it('answers permanent for 10003 / 50013, and after a 401 stops sending at all', async () => {
    const gone = fake.addChannel('gone');
    fake.setChannelError(gone, DiscordErrors.UnknownChannel);
    const poster = new DiscordSpotlightPoster(rest);
    const target = { platform: 'discord' as const, workspaceId: fake.guildId, channelId: gone };
    expect(await poster.post(target, view, 'c1', opts())).toEqual({ ok: false, kind: 'permanent', reason: 'Unknown Channel (HTTP 404, code 10003)' });
    fake.setChannelError(gone, DiscordErrors.MissingPermissions);
    expect(await poster.post(target, view, 'c1', opts())).toMatchObject({ kind: 'permanent', reason: expect.stringContaining('50013') });

    const badRest = new REST({ api: fake.apiUrl }).setToken('not-the-token');
    const badPoster = new DiscordSpotlightPoster(badRest);
    const ok = { platform: 'discord' as const, workspaceId: fake.guildId, channelId: fake.channelId };
    const before = fake.requests.length;
    expect(await badPoster.post(ok, view, 'c2', opts())).toMatchObject({ kind: 'permanent', reason: expect.stringContaining('HTTP 401') });
    expect(await badPoster.post(ok, view, 'c3', opts())).toMatchObject({ kind: 'permanent', reason: expect.stringMatching(/^Discord rejected the bot token/) });
    expect(fake.requests.length - before).toBe(1);
  });

  it('checks a channel by REST for the CLI: exists, visible, in the named server', async () => {
    const ok = { platform: 'discord' as const, workspaceId: fake.guildId, channelId: fake.channelId };
    expect(await checkDiscordChannel(rest, ok)).toEqual({ ok: true });
    expect(await checkDiscordChannel(rest, { ...ok, workspaceId: '123456789012345678' })).toEqual({
      ok: false,
      reason: `Channel ${fake.channelId} is not in server 123456789012345678`,
    });
    expect(await checkDiscordChannel(rest, { ...ok, channelId: '123456789012345678' })).toEqual({
      ok: false,
      reason: 'Discord does not know this channel (Unknown Channel)',
    });
    const hidden = fake.addChannel('hidden');
    fake.setChannelError(hidden, DiscordErrors.MissingAccess);
    expect(await checkDiscordChannel(rest, { ...ok, channelId: hidden })).toEqual({ ok: false, reason: 'The bot cannot see this channel (Missing Access)' });
  });
});
