import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Core } from '../core/index.js';
import { commands as allCommands, type CommandContext, type CommandData, type CommandDefinition } from '../../commands/index.js';
import { type Redirect, spellCommand } from '../../commands/command.js';
import { expiredButtonView, failureView, invalidInputView, unknownCommandView } from '../views/cards/notice.js';
import { pageLinked, type Invocation, type View } from '../views/view.js';
import { type PageTarget, pageUrl } from '../views/page-url.js';
import { decodeInvocation } from '../views/invocation-codec.js';
import { onScreen, withoutMore } from '../views/more.js';
import { roleRef } from '../views/format.js';
import { closestCommand } from './command-names.js';
import { answersIn, channelLinks, readSettings, visibilityIn, workspaceWord } from '../../commands/settings-access.js';
import { notice } from '../views/cards/notice.js';

export type Outcome = 'ok' | 'invalid' | 'unknown_command' | 'stale' | 'error';

export interface DispatchResult {
  command: string;
  view: View;
  outcome: Outcome;
  /** What the command found, beyond the View, for commands that report it (see CommandData). */
  data?: CommandData;
  /** Set when outcome is "error": quote it to the user and log it with the error. */
  errorId?: string;
  error?: unknown;
  /** Set when outcome is "invalid": what was wrong, in words, without any usage line. */
  problem?: string;
  /**
   * Set when the command asked was redirected (/ask, once its question is understood):
   * `command` above is then the command that answered, and this is the one asked, with its data.
   */
  via?: { command: string; data: CommandData };
}

/** Short, log-searchable id for a failure: "E-7K2M9Q". */
export function newErrorId(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return `E-${[...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * Zod issues in words a person reads: options are named by their description ("Second role"),
 * never by their internal key ("role_b"), and a missing value says what to give.
 */
export function describeIssues(command: CommandDefinition, raw: Record<string, unknown>, error: z.ZodError): string {
  const labelOf = (key: PropertyKey | undefined) => command.options.find((o) => o.name === key)?.description.replace(/\s*\(.*\)$/, '');
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const key = issue.path[0];
    const label = labelOf(key);
    const missing = key !== undefined && (raw[key as string] === undefined || raw[key as string] === null);
    const text = missing && label ? `${label} is missing` : `${label ? `${label}: ` : ''}${issue.message.replace(/^Invalid input: /, '')}`;
    seen.add(text);
  }
  return [...seen].join('; ');
}

/** What one run gave, with the command and input that answered (after a redirect, its target's). */
interface Ran {
  result: DispatchResult;
  answered?: Invocation;
}

/** Where an answer opens on one screen, the rest a click away (src/views/more.ts). */
const ONE_SCREEN: ReadonlySet<CommandContext['platform']> = new Set(['discord', 'slack']);

/** Raw input as a button carries it: its text values, nothing that cannot be sent back. */
function asArgs(raw: Record<string, unknown>): Record<string, string> | undefined {
  const args: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    args[key] = String(value);
  }
  return args;
}

/**
 * The one way any front end runs a command: validate raw input with the command's zod
 * schema, run it, and turn every failure into a View. It never throws.
 */
export interface DispatcherOptions {
  /** The public pages' base URL (ROLECALL_PUBLIC_URL): answers with a page link to it. */
  publicUrl?: string;
}

export class Dispatcher {
  /** The pages' public base URL, when they are public (Slack unfurls links under it). */
  readonly publicUrl: string | undefined;
  /** An answer's page → its URL, when the pages are public. */
  readonly pageUrl: ((target: PageTarget) => string) | undefined;

  constructor(
    readonly core: Core,
    readonly commands: readonly CommandDefinition[] = allCommands,
    options: DispatcherOptions = {},
  ) {
    const base = options.publicUrl;
    this.publicUrl = base;
    this.pageUrl = base ? (target) => pageUrl(base, target) : undefined;
  }

  find(name: string): CommandDefinition | undefined {
    return this.commands.find((c) => c.name === name);
  }

  /** The answer to a name no command has: the closest one, and the list, spelled with the front end's prefix. */
  unknown(name: string, prefix = '/'): DispatchResult {
    const names = this.commands.map((c) => c.name);
    const guess = closestCommand(name, names);
    const typed = String(name).slice(0, 40);
    return {
      command: name,
      outcome: 'unknown_command',
      problem: `unknown command "${typed}"${guess ? ` (did you mean ${guess}?)` : ''}`,
      view: unknownCommandView(typed, names, guess, prefix),
    };
  }

  /**
   * Runs a command from structured options (Discord options, CLI flags, button args), with the
   * workspace's settings applied here for every front end: read once (a failed read is no
   * settings), /ask refused outside answer_in's channels, and private answers where set. On
   * Discord and Slack the answer opens on one screen; `more` (never seen by the command) picks a part.
   */
  async run(name: string, raw: Record<string, unknown>, ctx: CommandContext): Promise<DispatchResult> {
    const { more, args } = withoutMore(raw);
    // /settings reads them itself, and a failed read there is its answer.
    const workspace = name === 'settings' ? undefined : await readSettings(ctx.settings);
    const channelId = ctx.settings?.channelId;
    if (workspace && name === 'ask' && !answersIn(workspace, channelId)) {
      const where = workspaceWord(ctx.settings?.workspace);
      const elsewhere = `In this ${where}, RoleCall answers questions in ${channelLinks(workspace.answerIn ?? [])}. Ask there, in a DM, or use a command such as /role here.`;
      return { command: name, outcome: 'ok', view: notice('Not answered in this channel', elsewhere, 'info') };
    }
    const { result, answered } = await this.runAt(name, args, workspace ? { ...ctx, workspace } : ctx, 0);
    const screened =
      ONE_SCREEN.has(ctx.platform) && result.outcome === 'ok' && answered ? { ...result, view: this.screen(result.view, answered, more) } : result;
    return workspace && visibilityIn(workspace, channelId) === 'private' ? { ...screened, view: { ...screened.view, private: true } } : screened;
  }

  /**
   * The first screen or a part, with its menu; where the menu's ids would be too long, role names
   * become "#<number>" references, and failing that the answer is shown whole.
   */
  private screen(view: View, answered: Invocation, more: string | undefined): View {
    const short = onScreen(view, answered, more);
    if (short) return short;
    const options = this.find(answered.command)?.options ?? [];
    const args = { ...answered.args };
    for (const option of options) {
      const typed = args[option.name];
      if (option.kind !== 'role' || !typed) continue;
      const res = this.core.resolve(typed);
      if (res.status === 'found') args[option.name] = roleRef(res.role);
    }
    return onScreen(view, { command: answered.command, args }, more) ?? view;
  }

  private async runAt(name: string, raw: Record<string, unknown>, ctx: CommandContext, depth: number): Promise<Ran> {
    const command = this.find(name);
    if (!command) return { result: this.unknown(name, ctx.commandPrefix) };
    const parsed = command.input.safeParse(raw);
    if (!parsed.success) {
      const problem = describeIssues(command, raw, parsed.error);
      return {
        result: { command: name, outcome: 'invalid', problem, view: invalidInputView(command.name, problem, spellCommand(command.usage, ctx.commandPrefix)) },
      };
    }
    try {
      const result = await command.run(parsed.data, this.core, ctx);
      if ('redirect' in result) return await this.follow(name, result, ctx, depth);
      // A part is shown by running the command again: never one that changes what is saved, nor
      // an answer that is one piece.
      const args = command.changes?.(parsed.data) || command.whole?.(parsed.data) ? undefined : asArgs(raw);
      const answered = args ? { answered: { command: name, args } } : {};
      // Every front end gets the page link from here, so none of them repeats it.
      return 'data' in result
        ? { result: { command: name, outcome: 'ok', view: pageLinked(result.view, this.pageUrl), data: result.data }, ...answered }
        : { result: { command: name, outcome: 'ok', view: pageLinked(result, this.pageUrl) }, ...answered };
    } catch (error) {
      const errorId = newErrorId();
      return { result: { command: name, outcome: 'error', errorId, error, view: failureView(errorId) } };
    }
  }

  /** Runs a redirect's target one level deep: a redirect to a redirect is a bug, answered as a failure. */
  private async follow(name: string, result: Redirect, ctx: CommandContext, depth: number): Promise<Ran> {
    if (depth > 0) throw new Error(`/${name} redirected again, to /${result.redirect.command}`);
    const { result: target, answered } = await this.runAt(result.redirect.command, result.redirect.args, ctx, depth + 1);
    const view =
      target.outcome === 'ok' ? { ...target.view, understood: result.understood, actions: [...target.view.actions, ...result.actions] } : target.view;
    return { result: { ...target, view, via: { command: name, data: result.data } }, ...(answered ? { answered } : {}) };
  }

  /** Runs a command from the free text after its name (Slack, console): "/compare a vs b". */
  async runText(name: string, text: string, ctx: CommandContext): Promise<DispatchResult> {
    const command = this.find(name);
    if (!command) return this.run(name, {}, ctx);
    let raw: Record<string, unknown>;
    try {
      raw = text.trim() ? command.parseText(text.trim()) : {};
    } catch {
      raw = {};
    }
    return this.run(name, raw, ctx);
  }

  /** Runs the invocation a button or select carried. */
  async runInvocation(inv: Invocation, ctx: CommandContext): Promise<DispatchResult> {
    return this.run(inv.command, inv.args, ctx);
  }

  /** Runs an encoded component id; a stale or malformed one gets a clear answer. */
  async runEncoded(encoded: string, ctx: CommandContext): Promise<DispatchResult> {
    const decoded = decodeInvocation(encoded);
    if (!decoded.ok) {
      return { command: 'component', outcome: 'stale', view: expiredButtonView(decoded.reason) };
    }
    return this.runInvocation(decoded.invocation, ctx);
  }
}
