import { Client, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { guardInteractionCreate } from '../../src/platforms/discord/guard.js';
import { LogCapture } from './harness.js';
import { createLogger } from '../../src/observability/logger.js';

/**
 * guardInteractionCreate wraps a discord.js internal (client.actions.InteractionCreate.handle),
 * which no semver promise covers: discord.js builds its own Interaction object from every
 * INTERACTION_CREATE, and a throw there would be an unhandled rejection. This pins it to the
 * installed version: if an upgrade moves or renames it, this fails here instead of the guard
 * silently doing nothing in production.
 */
describe('guardInteractionCreate against the installed discord.js', () => {
  it('finds the internal it wraps and turns a throw inside it into a log line', async () => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds] });
    const logs = new LogCapture();
    const internal = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): unknown } } }).actions.InteractionCreate;
    const original = internal.handle;
    guardInteractionCreate(client, createLogger({ level: 'debug', destination: logs }));
    expect(logs.lines.some((l) => l.msg === 'cannot guard interaction handling: discord.js internals changed')).toBe(false);
    expect(internal.handle).not.toBe(original);
    // Without a guild, channel, user or message the real handler throws; the guard must swallow and log it.
    expect(() => internal.handle({ type: 3, id: '1', data: { component_type: 2, custom_id: 'x' } })).not.toThrow();
    await logs.waitFor((l) => String(l.msg).startsWith('discord.js could not read an interaction'), 2_000);
    await client.destroy();
  });
});
