import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Core } from '../../core/index.js';
import type { Choice } from './options.js';

/**
 * What a Discord-only command is (a /spotlight with subcommands and default member permissions):
 * the contract between the deploy list (extensions.ts), the builder of the deployed commands
 * (slash-commands.ts) and the interaction handler. In a module of its own, so none of them
 * imports another for it.
 */

export type SlashCommandJSON = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** What an autocomplete hook is given: the option being typed and the shared core. */
export interface AutocompleteRequest {
  command: string;
  option: string;
  value: string;
  core: Core;
}

/** Choices for a focused option; without a hook, focused options are completed with role names. */
export type AutocompleteHook = (request: AutocompleteRequest) => Choice[];

/**
 * What the interaction handler needs of a Discord-only command: its name and its autocomplete.
 * Kept apart from the deployed JSON, whose builders the handler never loads.
 */
export interface CommandHooks {
  data: { name: string };
  autocomplete?: AutocompleteHook;
}

/**
 * A Discord-only command: its JSON is deployed next to the generated ones (replacing a generated
 * command of the same name), and its interactions run through the Dispatcher like any other,
 * with subcommands flattened into `subcommand` / `subcommandGroup`.
 */
export interface DiscordCommandExtension extends CommandHooks {
  /** Usually `new SlashCommandBuilder()…toJSON()`. */
  data: SlashCommandJSON;
}
