import type { parseArgs } from 'node:util';
import { EXIT } from '../exit-codes.js';
import { spotlightPlatform } from '../platforms/index.js';
import { SPOTLIGHT_PLATFORMS, type SpotlightPlatform } from '../platforms/names.js';
import type { ChannelKey } from '../store/spotlight-store.js';

/**
 * `rolecall spotlight`'s words: usage, flags, targets. Each platform says how its targets are
 * written (its `spotlight.target`). Pure, so bad usage never opens anything.
 */

const supports = SPOTLIGHT_PLATFORMS.map((name) => spotlightPlatform(name).spotlight);

/** "A, B and C". */
const and = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

export function spotlightUsage(): string {
  return [
    'Usage: rolecall spotlight <subcommand> [options]',
    '',
    `  list [--platform ${SPOTLIGHT_PLATFORMS.join('|')}] [--json]   every subscription: schedule, filter, status`,
    '  add <target> [--day monday] [--time 15:00] [--tz Europe/London] [--layer L5|all] [--difficulty moderate|all]',
    '      [--thread|--no-thread] [--by <user id>] [--no-check]',
    '                                             subscribe (checks the bot can post first), or change what is given;',
    '                                             --thread opens a discussion thread under each post, --no-thread stops it',
    '  remove <target>                            unsubscribe',
    '  pause <target> [--reason <text>]           stop posting until resumed',
    '  resume <target>                            resume (this week’s failed spotlight is retried)',
    '  status <target>                            schedule, next post, recent weeks, why it is paused',
    '  preview <target>                           the next spotlight, exactly as it will be posted',
    '  run --once [--at <ISO time>] [--json]      post every spotlight due at that moment (default now), then exit',
    '',
    `Targets: ${supports.map((s) => s.target.syntax).join(' or ')}.`,
    `Reads ${and(['ROLECALL_DB', ...supports.flatMap((s) => s.variables)])} like npm start (and .env).`,
    'On Slack, --by names the user shown the post check (and who may manage the channel from Slack).',
    `Exit codes: ${EXIT.ok} done, ${EXIT.failed} something failed, ${EXIT.usage} bad usage or configuration, ${EXIT.data} invalid role data,`,
    `            ${EXIT.interrupted} / ${EXIT.terminated} stopped by SIGINT / SIGTERM (what was not sent is left for the next run).`,
  ].join('\n');
}

export const OPTIONS = {
  day: { type: 'string' },
  time: { type: 'string' },
  tz: { type: 'string' },
  layer: { type: 'string' },
  difficulty: { type: 'string' },
  by: { type: 'string' },
  reason: { type: 'string' },
  platform: { type: 'string' },
  at: { type: 'string' },
  once: { type: 'boolean' },
  json: { type: 'boolean' },
  'no-check': { type: 'boolean' },
  thread: { type: 'boolean' },
  'no-thread': { type: 'boolean' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const TARGET_HELP = `write ${supports.map((s) => `${s.target.syntax} (${s.target.hint})`).join(' or ')}`;

const isSpotlightPlatform = (name: string): name is SpotlightPlatform => (SPOTLIGHT_PLATFORMS as readonly string[]).includes(name);

export function parseTarget(text: string): { ok: true; channel: ChannelKey } | { ok: false; message: string } {
  const m = /^([a-z]+):([^/\s]+)\/([^/\s]+)$/.exec(text.trim());
  const bad = (why: string) => ({ ok: false as const, message: `bad target "${text}": ${why}; ${TARGET_HELP}` });
  const platform = m?.[1];
  if (!m || !platform || !isSpotlightPlatform(platform)) return bad('not platform:workspace/channel');
  const workspaceId = m[2]!;
  const channelId = m[3]!;
  const problem = spotlightPlatform(platform).spotlight.target.problem(workspaceId, channelId);
  if (problem) return bad(problem);
  return { ok: true, channel: { platform, workspaceId, channelId } };
}

/** `--platform` of `list`: one of the platforms a channel can subscribe on. */
export function parsePlatform(given: string | undefined): SpotlightPlatform | undefined {
  if (given === undefined) return undefined;
  if (!isSpotlightPlatform(given)) throw new UsageError(`--platform is ${SPOTLIGHT_PLATFORMS.join(' or ')}`);
  return given;
}

/** Bad usage: reported with the usage text and exit code 2. */
export class UsageError extends Error {}

const NEEDS_TARGET = new Set(['add', 'remove', 'pause', 'resume', 'status', 'preview']);

/** Checks the words before anything is opened, so bad usage never touches the database. */
export function parseCommand(sub: string, rest: string[], flags: Flags): { sub: string; channel?: ChannelKey } {
  if (sub === 'list' || sub === 'run') {
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    if (sub === 'run' && !flags.once) throw new UsageError('run needs --once (the scheduler that ticks every minute is `npm start`)');
    if (sub === 'run' && flags.at !== undefined && Number.isNaN(new Date(flags.at).getTime())) {
      throw new UsageError(`--at: "${flags.at}" is not a time; write ISO 8601, e.g. 2026-04-06T15:00:00Z`);
    }
    return { sub };
  }
  if (!NEEDS_TARGET.has(sub)) throw new UsageError(`unknown subcommand "${sub}"`);
  if (flags.thread && flags['no-thread']) throw new UsageError('--thread and --no-thread cannot both be given');
  if ((flags.thread || flags['no-thread']) && sub !== 'add') throw new UsageError('--thread and --no-thread go with add');
  if (rest.length !== 1) throw new UsageError(rest.length === 0 ? `${sub} needs a target` : `one target at a time (got ${rest.length})`);
  const parsed = parseTarget(rest[0]!);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return { sub, channel: parsed.channel };
}
