import type { DiscordCommandExtension } from './extension.js';
import { profileExtension } from './profile-command.js';
import { spotlightExtension } from './spotlight-command.js';

/**
 * Discord-only commands (a /spotlight with subcommands and default member permissions, say):
 * `discord:deploy` registers them next to the commands generated from `commands/`. Adding one is
 * an entry here (plus its CommandDefinition in the Dispatcher's list), and its hooks in
 * `commandHooks` (spotlight-access.ts) when it autocompletes; nothing else in this folder changes.
 */
export const discordExtensions: readonly DiscordCommandExtension[] = [spotlightExtension, profileExtension];
