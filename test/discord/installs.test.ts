import { describe, expect, it } from 'vitest';
import { installScope } from '../../src/platforms/discord/installs.js';
import { discordSpotlightAccess } from '../../src/platforms/discord/spotlight-access.js';
import type { UserInteraction } from '../../src/platforms/discord/payload.js';
import { InteractionPayload } from '../../src/platforms/discord/payload.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { MODERATOR_PERMISSIONS } from '../fakes/discord/payloads.js';

// Payloads as the fake Discord builds them, read through the same zod schema the handler uses.
const fake = new FakeDiscord();
const read = (installs: 'server' | 'user' | 'both') =>
  InteractionPayload.parse(fake.interaction.chatInput('spotlight', undefined, { installs, memberPermissions: MODERATOR_PERMISSIONS })) as UserInteraction;

describe('which installs authorised an interaction', () => {
  it('tells a server install from a personal one in a server', () => {
    expect(installScope(read('server'))).toEqual({ inServer: true, serverInstalled: true, privateOnly: false });
    expect(installScope(read('both'))).toEqual({ inServer: true, serverInstalled: true, privateOnly: false });
    expect(installScope(read('user'))).toEqual({ inServer: true, serverInstalled: false, privateOnly: true });
    // A group DM (context 2) through a personal install: no server, nothing forced private.
    expect(installScope({ context: 2, authorizing_integration_owners: { '1': '1' } })).toEqual({ inServer: false, serverInstalled: false, privateOnly: false });
  });

  it('refuses /spotlight where only the invoker installed RoleCall, even to a channel manager', async () => {
    expect(await discordSpotlightAccess(read('server'), undefined).authorize(undefined)).toEqual({ ok: true });
    const refused = await discordSpotlightAccess(read('user'), undefined).authorize(undefined);
    expect(refused).toMatchObject({ ok: false, title: 'RoleCall is not in this server' });
  });
});
