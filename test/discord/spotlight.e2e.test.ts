import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits, type APIInteraction } from 'discord.js';
import { commands } from '../../commands/index.js';
import { createCore } from '../../src/core/index.js';
import { discordExtensions } from '../../src/platforms/discord/extensions.js';
import { DiscordSpotlightPoster } from '../../src/platforms/discord/spotlight-poster.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { payloads, type Callback } from '../fakes/discord/index.js';
import { tempStore } from '../spotlight/helpers.js';
import { embedOf, field, isEphemeral, startHarness, type Harness } from './harness.js';

const core = createCore();
let h: Harness;
let t: ReturnType<typeof tempStore>;
let service: SpotlightService;

beforeAll(async () => {
  t = tempStore();
  service = new SpotlightService({ store: t.store, core });
  // Wired as the service wires it: the extension from extensions.ts, per-interaction access,
  // and a poster on the bot's REST client (the one the interaction answers use).
  h = await startHarness(core, {
    commands: [...commands],
    start: { extraCommands: discordExtensions, spotlight: service },
  });
  service.setPoster(new DiscordSpotlightPoster(h.runtime.rest));
});

afterAll(async () => {
  await service?.stop();
  await h?.stop();
  await t?.cleanup();
});

const MANAGER = payloads.MODERATOR_PERMISSIONS;
const SERVER_MANAGER = (BigInt(payloads.MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();

function spotlightInteraction(sub: string, options: Record<string, string> = {}, scene: Partial<payloads.InteractionScene> = {}): APIInteraction {
  return h.fake.interaction.chatInput('spotlight', [payloads.subcommand(sub, options)], scene);
}
const run = (sub: string, options?: Record<string, string>, scene?: Partial<payloads.InteractionScene>) =>
  h.fake.roundTrip(spotlightInteraction(sub, options, scene));
const title = (cb: Callback) => embedOf(cb.data).title;

describe('/spotlight on Discord, through discord.js', () => {
  it('refuses a member without Manage Channels or Manage Server, privately, and changes nothing', async () => {
    const cb = await run('subscribe', { day: 'monday' });
    expect(cb.type).toBe(4);
    expect(isEphemeral(cb.data)).toBe(true);
    expect(title(cb)).toBe('Only channel managers can do that');
    expect(embedOf(cb.data).description).toMatch(/Manage Channels or Manage Server/);
    expect(await service.subscription({ platform: 'discord', workspaceId: h.fake.guildId, channelId: h.fake.channelId })).toBeUndefined();
    expect(title(await run('status'))).toBe('Only channel managers can do that');
  });

  it('subscribes for a manager: day, time, timezone and layer, recorded with who asked', async () => {
    const cb = await run('subscribe', { day: 'wednesday', time: '09:30', timezone: 'Europe/London', layer: 'L5' }, { memberPermissions: MANAGER });
    expect(isEphemeral(cb.data)).toBe(true);
    expect(title(cb)).toBe('Subscribed: weekly role spotlight');
    expect(embedOf(cb.data).description).toMatch(/^L5 Orchestration, Wednesdays at 09:30 \(Europe\/London\)/);
    const sub = await service.subscription({ platform: 'discord', workspaceId: h.fake.guildId, channelId: h.fake.channelId });
    expect(sub).toMatchObject({ dayOfWeek: 3, localTime: '09:30', timezone: 'Europe/London', filter: { layer: 'L5' }, createdBy: h.fake.member.id });
  });

  it('accepts Manage Server alone, and shows status and a private preview', async () => {
    const status = await run('status', {}, { memberPermissions: SERVER_MANAGER });
    expect(isEphemeral(status.data)).toBe(true);
    expect(title(status)).toBe('Weekly role spotlight');
    expect(field(embedOf(status.data), 'Schedule')).toBe('Wednesdays at 09:30 (Europe/London)');
    const preview = await run('preview', {}, { memberPermissions: MANAGER });
    expect(isEphemeral(preview.data)).toBe(true);
    expect(title(preview)).toMatch(/^Role of the week: /);
    expect(embedOf(preview.data).description).toMatch(/^Preview of the spotlight for \d{4}-W\d\d, due /);
  });

  it('posts now into the channel (nonce, enforce_nonce, no mentions), once a week', async () => {
    const before = h.fake.rest.messages.get(h.fake.channelId)?.length ?? 0;
    const cb = await run('now', {}, { memberPermissions: MANAGER });
    expect(title(cb)).toBe('Posted');
    const posted = h.fake.rest.messages.get(h.fake.channelId)!;
    expect(posted).toHaveLength(before + 1);
    const req = h.fake.requests.find((r) => r.method === 'POST' && r.path === `/api/v10/channels/${h.fake.channelId}/messages`)!;
    const sub = (await service.subscription({ platform: 'discord', workspaceId: h.fake.guildId, channelId: h.fake.channelId }))!;
    const claim = (await t.store.spotlight.claims.history(sub.id, 1))[0]!;
    expect(req.body).toMatchObject({ nonce: claim.id, enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(claim).toMatchObject({ state: 'sent', messageId: posted.at(-1)!.id });
    expect(title(await run('now', {}, { memberPermissions: MANAGER }))).toBe('Nothing posted');
    expect(h.fake.rest.messages.get(h.fake.channelId)).toHaveLength(before + 1);
  });

  it('says why it cannot subscribe where the bot lacks permissions', async () => {
    const channelId = h.fake.addChannel('locked');
    const interaction = spotlightInteraction('subscribe', {}, { memberPermissions: MANAGER, channelId });
    (interaction as { app_permissions: string }).app_permissions = PermissionFlagsBits.ViewChannel.toString();
    const cb = await h.fake.roundTrip(interaction);
    expect(title(cb)).toBe('I cannot post in this channel');
    expect(embedOf(cb.data).description).toMatch(/^The bot lacks Send Messages, Embed Links in this channel\./);
    expect(await service.subscription({ platform: 'discord', workspaceId: h.fake.guildId, channelId })).toBeUndefined();
  });

  it('pauses, resumes and unsubscribes', async () => {
    expect(title(await run('pause', {}, { memberPermissions: MANAGER }))).toBe('Paused');
    expect(field(embedOf((await run('status', {}, { memberPermissions: MANAGER })).data), 'Status')).toBe('Paused: paused by a channel manager');
    expect(title(await run('resume', {}, { memberPermissions: MANAGER }))).toBe('Resumed');
    expect(title(await run('unsubscribe', {}, { memberPermissions: MANAGER }))).toBe('Unsubscribed');
  });

  it('autocompletes the timezone from the IANA list', async () => {
    const interaction = h.fake.interaction.chatInput('spotlight', [
      {
        name: 'subscribe',
        type: payloads.OptionKind.Subcommand,
        options: [{ name: 'timezone', type: payloads.OptionKind.String, value: 'lon', focused: true }],
      },
    ] as never);
    (interaction as { type: number }).type = payloads.InteractionKind.Autocomplete;
    const cb = await h.fake.roundTrip(interaction);
    expect(cb.type).toBe(8);
    const choices = (cb.data as { choices: Array<{ name: string; value: string }> }).choices;
    expect(choices[0]).toMatchObject({ value: 'Europe/London', name: expect.stringMatching(/^Europe\/London \(GMT/) });
    expect(choices.length).toBeLessThanOrEqual(25);
  });
});
