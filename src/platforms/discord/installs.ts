import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { hasPermission } from './permissions.js';

/**
 * RoleCall can be installed two ways (https://discord.com/developers/docs/resources/application#installation-context):
 * to a server ("Add to server": the bot joins, and its commands are there for everyone) or to a
 * person's account ("Add to my apps": their commands follow them into any server, their DMs and
 * group DMs, whether or not the bot is there). Which installs authorised an interaction is in its
 * `authorizing_integration_owners`; this module reads it and says what follows.
 */

/** Where the registry's commands are offered: both installs, every context. /spotlight is guild-only (spotlight-command.ts). */
export const EVERYWHERE = {
  integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
} as const;

/** The fields of an interaction this reads (validated in payload.ts). */
export interface InstallFields {
  guild_id?: string | undefined;
  context?: number | undefined;
  authorizing_integration_owners?: Partial<Record<string, string>> | undefined;
  member?: { permissions: string } | undefined;
}

/** What one interaction may do, given the installs that authorised it. */
export interface InstallScope {
  /** Triggered in a server channel (not a DM or group DM). */
  inServer: boolean;
  /** The bot is in this server: the app is installed to it (the guild install is among the authorising ones). */
  serverInstalled: boolean;
  /**
   * Answers must be ephemeral. Discord's rule: an app used in a server only through a person's
   * install can answer publicly only where that person has Use External Apps; elsewhere Discord
   * turns the answer ephemeral itself, so RoleCall sends it (and defers) that way from the start.
   */
  privateOnly: boolean;
}

const GUILD_INSTALL = String(ApplicationIntegrationType.GuildInstall);

export function installScope(i: InstallFields): InstallScope {
  const inServer = i.context === undefined ? i.guild_id !== undefined : i.context === InteractionContextType.Guild;
  // Discord always sends the map; a payload without one predates user installs and came through the server's install.
  const owners = i.authorizing_integration_owners;
  const serverInstalled = inServer && (owners === undefined || (owners[GUILD_INSTALL] !== undefined && owners[GUILD_INSTALL] === i.guild_id));
  const privateOnly = inServer && !serverInstalled && !hasPermission(i.member?.permissions, PermissionFlagsBits.UseExternalApps);
  return { inServer, serverInstalled, privateOnly };
}
