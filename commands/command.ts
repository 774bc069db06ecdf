import * as z from 'zod';
import type { Core } from '../src/core/index.js';
import type { PlatformName } from '../src/platforms/names.js';
import type { Action, Invocation, View } from '../src/views/view.js';
import type { AskContext, Understanding } from '../src/understand/index.js';
import type { SpotlightAccess } from './spotlight-access.js';
import type { SettingsAccess } from './settings-access.js';
import type { WorkspaceSettings } from '../src/core/schema/settings.js';
import type { Store } from '../src/store/store.js';
import type { JsonData } from './command-data.js';

/** What /profile and the personalised answers need of the store: the profiles and the one complete erase. */
export type ProfileAccess = Pick<Store, 'profiles' | 'eraseUser'>;

/** One of a choice option's fixed values, with the label platforms show for it. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * How a command option is offered on a platform: a role (autocompleted from the resolver),
 * free text, or a fixed set of choices. Front ends build slash-command options from this.
 */
export type OptionSpec =
  | { name: string; kind: 'role'; description: string; required: boolean }
  | { name: string; kind: 'text'; description: string; required: boolean; maxLength: number }
  | { name: string; kind: 'choice'; description: string; required: boolean; choices: readonly Choice[] };

/** Who is asking and where, and what this front end offers the commands that need more than the core. */
export interface CommandContext {
  /** A platform of the list (src/platforms/names.ts; `web` is the public pages), or the `rolecall` CLI. */
  platform: PlatformName | 'cli';
  invoker?: { userId: string; channelId?: string; workspaceId?: string };
  /** The weekly spotlight as this front end manages it; absent where /spotlight is not offered. */
  spotlight?: SpotlightAccess;
  /** The conversation's last question, for /ask follow-ups ("and in india?"); the front end keeps it. */
  conversation?: { previous?: AskContext };
  /** Saved career profiles (/profile, "for you" lines); absent where this front end keeps none. */
  profiles?: ProfileAccess;
  /**
   * False where this front end cannot answer only to the asker (a mention without a user to
   * whisper to): /profile then refuses rather than show someone's profile to a channel.
   */
  privateAnswers?: boolean;
  /** The workspace's settings as this front end keeps them (/settings); absent outside a workspace. */
  settings?: SettingsAccess;
  /** Those settings as the Dispatcher read them for this request; absent where none are kept or they could not be read. */
  workspace?: WorkspaceSettings;
  /**
   * How this front end writes a command before its name, where that is not "/": "/rolecall "
   * under Slack's one namespaced command. /help and the usage on bad input are spelled with it.
   */
  commandPrefix?: string;
}

/** A usage line or example ("/salary <role>") as the front end spells commands ("/rolecall salary <role>"). */
export function spellCommand(text: string, prefix: string | undefined): string {
  return prefix ? text.replace(/^\//, prefix) : text;
}

/**
 * The facts behind a command's View, for front ends that act on more than what is shown (Slack
 * keeps a thread's comparison, lists roles on the Home tab, the CLI sets its exit code and prints
 * them under --json). Every kind but /ask's is public and described in command-data.ts.
 */
export type CommandData =
  | JsonData
  /** /ask: what the question was understood as, and the context a follow-up refines (absent after out of scope). */
  | { kind: 'question'; understanding: Understanding; context?: AskContext };

/**
 * Asks the Dispatcher to run another command in this one's place (/ask, once a question is
 * understood). The Dispatcher follows one redirect, never a second; the target's View opens
 * with `understood` and ends with `actions` ("not what you meant? pick again").
 */
export interface Redirect {
  redirect: Invocation;
  understood: string;
  actions: Action[];
  data: CommandData;
}

/** What run() returns: a View alone, a View with its data, or a redirect. */
export type CommandResult = View | { view: View; data: CommandData } | Redirect;

// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of every input shape
export type AnyObjectSchema = z.ZodObject<any>;

export interface CommandDefinition<S extends AnyObjectSchema = AnyObjectSchema> {
  name: string;
  description: string;
  /** Text-syntax usage, shown by /help and on bad input: "/compare <role> vs <role>". */
  usage: string;
  examples: string[];
  options: OptionSpec[];
  /** The single source of truth for the command's input. */
  input: S;
  /** Turns the free text after the command name (Slack, console) into raw input for `input`. */
  parseText(text: string): Record<string, unknown>;
  run(input: z.infer<S>, core: Core, ctx: CommandContext): CommandResult | Promise<CommandResult>;
  /**
   * True when this input changes what is saved (a profile, a subscription) or posts something.
   * Chat platforms show the rest of a long answer by running its command again (src/views/more.ts),
   * so such an answer is shown whole instead.
   */
  changes?(input: z.infer<S>): boolean;
  /** True when the answer is one piece that must not be cut into parts (an export's JSON): shown whole everywhere. */
  whole?(input: z.infer<S>): boolean;
}

export function defineCommand<S extends AnyObjectSchema>(def: CommandDefinition<S>): CommandDefinition<S> {
  const keys = Object.keys(def.input.shape);
  for (const option of def.options) {
    if (!keys.includes(option.name)) throw new Error(`command ${def.name}: option ${option.name} is not in its input schema`);
  }
  return def;
}

/** The longest text any option accepts; longer input is rejected with a clear message, not truncated. */
export const MAX_OPTION_LENGTH = 200;

export const roleText = z
  .string({ error: 'expected a role name' })
  .trim()
  .min(1, 'give a role name')
  .max(MAX_OPTION_LENGTH, `a role name is at most ${MAX_OPTION_LENGTH} characters`);
