import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { SettingsAccess } from '../../../commands/settings-access.js';
import type { SettingsStore } from '../../store/settings-store.js';
import type { UserInteraction } from './payload.js';
import { hasPermission } from './permissions.js';

/**
 * Discord's side of /settings and of the settings every answer follows: the workspace is the
 * server, and changing its settings needs Manage Server, read from the interaction's own payload
 * (member.permissions, Administrator included), so no API call is made.
 */

export const NEEDS_MANAGE_SERVER = 'Changing RoleCall’s settings for this server needs the Manage Server permission.';

/** Absent outside a server (a DM, a group DM): there is no workspace to keep settings for. */
export function discordSettingsAccess(interaction: UserInteraction, store: SettingsStore): SettingsAccess | undefined {
  if (!interaction.guild_id) return undefined;
  const channelId = interaction.channel_id ?? interaction.channel?.id;
  const canManage = hasPermission(interaction.member?.permissions, PermissionFlagsBits.ManageGuild);
  return {
    store,
    workspace: { platform: 'discord', workspaceId: interaction.guild_id },
    ...(channelId ? { channelId } : {}),
    authorize: async () => (canManage ? { ok: true } : { ok: false, reason: NEEDS_MANAGE_SERVER }),
  };
}

/** For a message that mentions the bot: its settings apply, but nothing is changed from a message. */
export function discordMessageSettings(guildId: string | undefined, channelId: string, store: SettingsStore): SettingsAccess | undefined {
  if (!guildId) return undefined;
  return {
    store,
    workspace: { platform: 'discord', workspaceId: guildId },
    channelId,
    authorize: async () => ({ ok: false, reason: `${NEEDS_MANAGE_SERVER} Use the /settings command.` }),
  };
}
