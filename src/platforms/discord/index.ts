/** The Discord front end: client, renderer, slash-command generation and deploy. */
export { startDiscord, discordClientOptions, type StartDiscordOptions, type DiscordRuntime } from './client.js';
export { renderForDiscord, type DiscordMessage, type RenderOptions } from './render.js';
export { buildSlashCommands, slashCommandFor, type DiscordCommandExtension, type AutocompleteRequest, type SlashCommandJSON } from './slash-commands.js';
export { createInteractionHandler, roleChoices, optionsToRaw, type InteractionHandlerOptions } from './interactions.js';
export { deployCommands, describeDeployError, type DeployResult } from './deploy.js';
export { inviteUrl, INVITE_PERMISSIONS } from './invite.js';
export { discordExtensions } from './extensions.js';
export { escapeText, plainText, neutraliseMentions } from './escape.js';
export { DISCORD_LIMITS } from './limits.js';
export {
  DiscordSpotlightPoster,
  DISCORD_SPOTLIGHT_PER_SECOND,
  classifyDiscordError,
  canPostWith,
  checkDiscordChannel,
  discordRest,
  type PostCheck,
} from './spotlight-poster.js';
export { spotlightExtension, spotlightSlashCommand, discordSpotlightAccess, discordSpotlightServices } from './spotlight-command.js';
