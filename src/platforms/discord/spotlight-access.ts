import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { SpotlightAccess, SpotlightManager } from '../../../commands/spotlight-access.js';
import { currentOffset, timezoneSuggestions } from '../../spotlight/timezones.js';
import type { ChannelKey } from '../../store/spotlight-store.js';
import type { CommandHooks } from './extension.js';
import { installScope } from './installs.js';
import type { UserInteraction } from './payload.js';
import { canPostWith, hasPermission } from './permissions.js';

/**
 * Discord's side of /spotlight at run time: the access the shared command (commands/spotlight.ts)
 * runs with for one interaction, read from the raw payload, and its timezone autocomplete. The
 * slash command's JSON, built with discord.js's builders, is deploy-time only (spotlight-command.ts).
 */

export const spotlightHooks: CommandHooks = {
  data: { name: 'spotlight' },
  autocomplete: ({ option, value }) =>
    option === 'timezone' ? timezoneSuggestions(value).map((zone) => ({ name: `${zone} (${currentOffset(zone)})`, value: zone })) : [],
};

/** The hooks of every Discord-only command (extensions.ts deploys their JSON). */
export const commandHooks: readonly CommandHooks[] = [spotlightHooks];

const NEEDS_PERMISSION = 'Managing the weekly spotlight needs the Manage Channels or Manage Server permission in this channel.';
const NOT_IN_SERVER = {
  title: 'RoleCall is not in this server',
  reason:
    'It is only in your apps here, so it cannot post to this server’s channels. The weekly spotlight needs RoleCall added to the server (“Add to server”).',
};

const THREADS: ReadonlySet<number> = new Set([ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread]);

/** The access /spotlight runs with for one interaction: its channel, the invoker's and the bot's permissions. */
export function discordSpotlightAccess(interaction: UserInteraction, service: SpotlightManager | undefined): SpotlightAccess {
  const channelId = interaction.channel_id ?? interaction.channel?.id;
  const channel: ChannelKey | undefined = interaction.guild_id && channelId ? { platform: 'discord', workspaceId: interaction.guild_id, channelId } : undefined;
  // member.permissions are the member's in this channel, overwrites included; Administrator passes too.
  const member = interaction.member?.permissions;
  const canManage = hasPermission(member, PermissionFlagsBits.ManageChannels) || hasPermission(member, PermissionFlagsBits.ManageGuild);
  const inThread = interaction.channel !== undefined && THREADS.has(interaction.channel.type);
  // Through a person's install alone the bot is not in the server and cannot post to its channels.
  const { inServer, serverInstalled } = installScope(interaction);
  const refusal = inServer && !serverInstalled ? NOT_IN_SERVER : canManage ? undefined : { reason: NEEDS_PERMISSION };
  return {
    ...(service ? { service } : {}),
    ...(channel ? { channel } : {}),
    authorize: async () => (refusal ? { ok: false, ...refusal } : { ok: true }),
    canPost: async () => canPostWith(interaction.app_permissions, inThread),
  };
}
