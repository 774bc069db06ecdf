import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { createCore } from '../../src/core/index.js';
import { payloads } from '../fakes/discord/index.js';
import { tempStore } from '../spotlight/helpers.js';
import { embedOf, field, isEphemeral, startHarness, type Harness } from './harness.js';

/** /settings on Discord through discord.js and the fake Discord: Manage Server, and the settings answers follow. */
const core = createCore();
let h: Harness;
let t: ReturnType<typeof tempStore>;

beforeAll(async () => {
  t = tempStore();
  h = await startHarness(core, { start: { store: t.store, profiles: t.store } });
});
afterAll(async () => {
  await h?.stop();
  await t?.cleanup();
});

const SERVER_MANAGER = (BigInt(payloads.MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();
const guild = () => ({ platform: 'discord' as const, workspaceId: h.fake.guildId });
const command = (name: string, options: Record<string, string>, scene: Partial<payloads.InteractionScene> = {}) =>
  h.fake.roundTrip(h.fake.interaction.chatInput(name, options, scene));

describe('/settings on Discord', () => {
  it('refuses a member without Manage Server, privately, and changes nothing', async () => {
    const cb = await command('settings', { action: 'set', market: 'india' });
    expect(isEphemeral(cb.data)).toBe(true);
    expect(embedOf(cb.data).title).toBe('Only server managers can change settings');
    expect(embedOf(cb.data).description).toContain('Manage Server');
    expect(await t.store.settings.get(guild())).toBeUndefined();
  });

  it('saves a server manager’s settings, and /salary follows them: the default market, privately', async () => {
    const cb = await command('settings', { action: 'set', market: 'india', visibility: 'private' }, { memberPermissions: SERVER_MANAGER });
    expect(embedOf(cb.data).title).toBe('Settings saved');
    expect((await t.store.settings.get(guild()))?.settings).toMatchObject({ market: 'india', visibility: 'private' });
    const salary = await command('salary', { role: 'ML Engineer' });
    expect(isEphemeral(salary.data)).toBe(true);
    expect(field(embedOf(salary.data), 'Market')).toBe("India, this server's default");
  });

  it('answers no mention outside answer_in’s channels, and logs why', async () => {
    await t.store.settings.put(guild(), { channelVisibility: {}, answerIn: ['123456789012345678'] });
    const sent = h.fake.postMessage(`<@${h.fake.bot.id}> ml engineer salary`, { mentionBot: true });
    expect(sent).toBeDefined();
    await expect.poll(() => h.logs.lines.some((l) => JSON.stringify(l).includes('not_this_channel')), { timeout: 10_000 }).toBe(true);
    const replies = h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${h.fake.channelId}/messages`));
    expect(replies).toHaveLength(0);
    await t.store.settings.remove(guild());
  });
});
