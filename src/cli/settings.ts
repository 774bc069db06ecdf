import { parseArgs } from 'node:util';
import { SETTINGS_ACTIONS } from '../../commands/settings.js';
import { Dispatcher } from '../app/dispatch.js';
import { ConfigError, loadEnv, type Env } from '../config/env.js';
import { createCore, type Core } from '../core/create.js';
import { DataError } from '../core/data/errors.js';
import { openKnowledgeBase } from '../core/data/open.js';
import { EXIT } from '../exit-codes.js';
import { renderForTerminal } from '../platforms/console/index.js';
import { openStore } from '../store/open-store.js';
import type { WorkspaceKey } from '../store/settings-store.js';
import type { Store } from '../store/store.js';
import type { Io } from './io.js';

/**
 * `rolecall settings`: a server operator's /settings for any workspace, through the same command
 * and Dispatcher (commands/settings.ts), with no manager check: whoever runs it holds ROLECALL_DB.
 */

const OPTIONS = {
  workspace: { type: 'string' },
  market: { type: 'string' },
  visibility: { type: 'string' },
  channel: { type: 'string' },
  'answer-in': { type: 'string' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function settingsUsage(): string {
  return [
    'Usage: rolecall settings show|set|reset --workspace discord:<guild id>|slack:<team id> [options]',
    '',
    'A workspace’s settings, as /settings keeps them, in the database ROLECALL_DB names.',
    '  --market us|india|uk|default      /salary’s market when neither the question nor the profile names one',
    '  --visibility public|private|default  answers to the channel or to the asker only',
    '  --channel <channel id>            with --visibility: that channel only',
    '  --answer-in all|<ids, comma-separated>  the channels where mentions and /ask are answered',
    '',
    'Example: rolecall settings set --workspace slack:T0123ABC --market india --visibility private',
  ].join('\n');
}

const WORKSPACE = /^(discord|slack):([A-Za-z0-9]{1,32})$/;

function parseWorkspace(value: string | undefined): WorkspaceKey | string {
  if (value === undefined) return 'missing --workspace discord:<guild id> or slack:<team id>';
  const m = WORKSPACE.exec(value.trim());
  if (!m) return `--workspace "${value.slice(0, 60)}" is not discord:<guild id> or slack:<team id>`;
  return { platform: m[1] as WorkspaceKey['platform'], workspaceId: m[2]! };
}

function fail(io: Io, message: string, code: number): number {
  io.stderr.write(`rolecall settings: ${message}\n`);
  return code;
}

export interface SettingsCliDeps {
  env?: Env;
  core?: Core;
}

export async function settingsCli(args: string[], io: Io, deps: SettingsCliDeps = {}): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    return fail(io, `${(err as Error).message}\n\n${settingsUsage()}`, EXIT.usage);
  }
  const { values: flags, positionals } = parsed;
  const [action, ...rest] = positionals;
  if (flags.help || action === undefined) {
    (flags.help ? io.stdout : io.stderr).write(`${settingsUsage()}\n`);
    return flags.help ? EXIT.ok : EXIT.usage;
  }
  if (!(SETTINGS_ACTIONS as readonly string[]).includes(action) || rest.length > 0)
    return fail(io, `unknown arguments "${positionals.join(' ').slice(0, 80)}"\n\n${settingsUsage()}`, EXIT.usage);
  const workspace = parseWorkspace(flags.workspace);
  if (typeof workspace === 'string') return fail(io, `${workspace}\n\n${settingsUsage()}`, EXIT.usage);
  let env: Env;
  let core: Core;
  try {
    env = deps.env ?? loadEnv({ receivesEvents: false });
    core = deps.core ?? createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR));
  } catch (err) {
    if (err instanceof ConfigError) return fail(io, `${err.message}\nSee .env.example for every variable.`, EXIT.usage);
    if (err instanceof DataError) return fail(io, err.message, EXIT.data);
    throw err;
  }
  let store: Store;
  try {
    store = await openStore(env);
  } catch (err) {
    // The database is down or unusable: a failure to report, never a stack trace (or a password).
    return fail(io, (err as Error).message, EXIT.failed);
  }
  try {
    const raw = Object.fromEntries(
      Object.entries({ action, market: flags.market, visibility: flags.visibility, channel: flags.channel, answer_in: flags['answer-in'] }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    const result = await new Dispatcher(core).run('settings', raw, {
      platform: 'cli',
      settings: { store: store.settings, workspace, authorize: async () => ({ ok: true }) },
    });
    if (result.outcome === 'invalid') return fail(io, `${result.problem}\n\n${settingsUsage()}`, EXIT.usage);
    if (result.error) io.stderr.write(`rolecall settings: ${result.errorId}: ${String(result.error)}\n`);
    const color = flags.color ?? Boolean(io.stdout.isTTY && !process.env.NO_COLOR);
    io.stdout.write(`${renderForTerminal(result.view, { color, width: Math.min(io.stdout.columns || 100, 110) })}\n`);
    return result.data?.kind === 'settings' && result.data.ok ? EXIT.ok : EXIT.failed;
  } finally {
    await store.close();
  }
}
