import { ApplicationIntegrationType, OAuth2Routes, OAuth2Scopes, PermissionFlagsBits } from 'discord-api-types/v10';

/**
 * The least the bot needs. Slash-command answers go through the interaction webhook and need no
 * permission at all; the weekly spotlight posts embeds to channels: view, send, embed links,
 * and reads the channel's recent messages to find a post a crashed run made before sending it
 * again (read message history; without it such a post may be repeated once). A channel that
 * opted in to discussion threads gets one started on each post: create public threads, send
 * messages in threads.
 */
export const INVITE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads;

export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/**
 * The OAuth2 link that adds the bot to a server. Built here rather than with discord.js's
 * client.generateInvite(), which needs a client and follows `rest.api` (a REST proxy's address).
 */
export function inviteUrl(applicationId: string, guildId?: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: INVITE_SCOPES.join(' '),
    permissions: INVITE_PERMISSIONS.toString(),
    integration_type: String(ApplicationIntegrationType.GuildInstall),
  });
  if (guildId) query.set('guild_id', guildId);
  return `${OAuth2Routes.authorizationURL}?${query.toString()}`;
}

/**
 * "Add to my apps": the link that installs RoleCall to the user's own account, so its commands
 * work in DMs and in servers that have not added the bot. A user install grants only
 * applications.commands; bot permissions do not apply to it.
 */
export function userInstallUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: OAuth2Scopes.ApplicationsCommands,
    integration_type: String(ApplicationIntegrationType.UserInstall),
  });
  return `${OAuth2Routes.authorizationURL}?${query.toString()}`;
}
