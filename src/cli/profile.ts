import { parseArgs } from 'node:util';
import { exportJson } from '../../commands/profile-views.js';
import { ConfigError, loadEnv, type Env } from '../config/env.js';
import { EXIT } from '../exit-codes.js';
import { createLogger, secretValues } from '../observability/logger.js';
import { CONSOLE_USER } from '../platforms/console/index.js';
import { openStore } from '../store/open-store.js';
import type { ProfileKey, Store } from '../store/store.js';
import type { Io } from './io.js';

/**
 * `rolecall profile export | delete --user <platform:id>`: the operator's side of /profile, for
 * privacy requests that arrive by email. Export prints what /profile export shows its owner;
 * delete runs the same complete erase as /profile delete. Profile contents go to stdout only.
 */

const DISCORD_USER = /^\d{17,20}$/;
/** A Slack team (T…) or Enterprise Grid organisation (E…), and a user (U…) or Grid user (W…). */
const SLACK_TEAM = /^[TE][A-Z0-9]{2,}$/;
const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

const USER_FORMS = 'discord:<user id>, slack:<team id>/<user id> or console:local';

export function profileUsage(): string {
  return [
    'Usage: rolecall profile export --user <user>',
    '       rolecall profile delete --user <user>',
    '',
    "For privacy requests that arrive by email: export prints a person's saved profile as JSON",
    '(what /profile export shows them); delete erases their profile and conversation context, as',
    '/profile delete does, and prints what it erased. Both use the database ROLECALL_DB names.',
    '',
    `<user> is ${USER_FORMS}:`,
    '  --user discord:222222222222222222     a Discord user id (17 to 20 digits; in every server)',
    '  --user slack:T0123ABCD/U0456EFGH      a Slack team id and member id',
    '',
    'Exit codes: 0 done, 1 nothing is saved for that user (or the database failed), 2 bad usage.',
  ].join('\n');
}

/** `--user`'s value as the profiles table keys it, or why it is not one. */
function parseUser(text: string): ProfileKey | { problem: string } {
  const colon = text.indexOf(':');
  const platform = colon < 0 ? '' : text.slice(0, colon).toLowerCase();
  const id = text.slice(colon + 1);
  // The typed value is echoed only when it is short: it is an id, not free text.
  const shown = text.length <= 80 ? `"${text}"` : 'that value';
  if (platform === 'discord') {
    if (DISCORD_USER.test(id)) return { platform: 'discord', workspaceId: '', userId: id };
    return { problem: `${shown} is not a Discord user id: expected discord:<17 to 20 digits>` };
  }
  if (platform === 'slack') {
    const [team = '', user = '', ...extra] = id.split('/');
    if (SLACK_TEAM.test(team) && SLACK_USER.test(user) && extra.length === 0) return { platform: 'slack', workspaceId: team, userId: user };
    return { problem: `${shown} is not a Slack user: expected slack:<team id T…>/<member id U… or W…>, e.g. slack:T0123ABCD/U0456EFGH` };
  }
  if (platform === 'console') {
    if (id === CONSOLE_USER) return { platform: 'console', workspaceId: '', userId: CONSOLE_USER };
    return { problem: `the console chat has one user: console:${CONSOLE_USER}` };
  }
  return { problem: `${shown} names no user: --user takes ${USER_FORMS}` };
}

/** The key as the operator typed it, for messages. */
const userLabel = (key: ProfileKey): string => `${key.platform}:${key.workspaceId ? `${key.workspaceId}/` : ''}${key.userId}`;

function usageError(io: Io, message: string): number {
  io.stderr.write(`rolecall profile: ${message}\n\n${profileUsage()}\n`);
  return EXIT.usage;
}

export async function profileCli(args: string[], io: Io, deps: { env?: Env } = {}): Promise<number> {
  let values: { user?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { user: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    return usageError(io, (err as Error).message);
  }
  if (values.help) {
    io.stdout.write(`${profileUsage()}\n`);
    return EXIT.ok;
  }
  const [sub, ...rest] = positionals;
  // No default action: erasing someone's data is always asked for by name.
  if (sub === undefined) return usageError(io, 'missing subcommand: export or delete');
  if (sub !== 'export' && sub !== 'delete') {
    const chat = ['show', 'set', 'learned', 'forget'].includes(sub) ? ` (/profile ${sub} is a chat command: people run it themselves)` : '';
    return usageError(io, `unknown subcommand "${sub.slice(0, 40)}"${chat}; the CLI has export and delete`);
  }
  if (rest.length) return usageError(io, `unexpected argument "${rest[0]!.slice(0, 40)}"; name the user with --user`);
  if (values.user === undefined) return usageError(io, `${sub} needs --user: ${USER_FORMS}`);
  const key = parseUser(values.user.trim());
  if ('problem' in key) return usageError(io, key.problem);

  let env: Env;
  try {
    env = deps.env ?? loadEnv({ receivesEvents: false });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`rolecall profile: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  let store: Store;
  try {
    // The store's own warnings (a database still starting) go to stderr; they never carry a profile.
    const logger = createLogger({ level: env.LOG_LEVEL, destination: io.stderr, secrets: secretValues(process.env) });
    store = await openStore(env, { logger, applicationName: 'rolecall-profile' });
  } catch (err) {
    // The database is down or unusable: a failure to report, never a stack trace (or a password).
    io.stderr.write(`rolecall profile: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
  try {
    return sub === 'export' ? await exportProfile(store, key, io) : await deleteProfile(store, key, io);
  } catch (err) {
    io.stderr.write(`rolecall profile: ${(err as Error).message}\n`);
    return EXIT.failed;
  } finally {
    await store.close();
  }
}

async function exportProfile(store: Store, key: ProfileKey, io: Io): Promise<number> {
  const saved = await store.profiles.get(key);
  if (!saved) {
    io.stderr.write(`rolecall profile: No profile is saved for ${userLabel(key)}.\n`);
    return EXIT.failed;
  }
  io.stdout.write(`${exportJson(key, saved)}\n`);
  return EXIT.ok;
}

async function deleteProfile(store: Store, key: ProfileKey, io: Io): Promise<number> {
  const { erased } = await store.eraseUser(key);
  const width = Math.max(...erased.map((e) => e.what.length)) + 2;
  io.stdout.write(`Erased for ${userLabel(key)}:\n${erased.map((e) => `  ${e.what.padEnd(width)}${e.count}`).join('\n')}\n`);
  // Nothing at all to erase is more often a mistyped id than a second request: say so, and exit 1.
  if (erased.every((e) => e.count === 0)) {
    io.stderr.write(`rolecall profile: Nothing was saved for ${userLabel(key)}; check the id if you expected a profile.\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
