import type { DiscordCommandExtension } from './slash-commands.js';
import { spotlightExtension } from './spotlight-command.js';

/**
 * Discord-only commands (a /spotlight with subcommands and default member permissions, say):
 * `discord:deploy` registers them next to the commands generated from `commands/`, and the bot
 * routes their interactions through the Dispatcher like any other. Adding one is an entry here
 * (plus its CommandDefinition in the Dispatcher's list); nothing else in this folder changes.
 */
export const discordExtensions: readonly DiscordCommandExtension[] = [spotlightExtension];
