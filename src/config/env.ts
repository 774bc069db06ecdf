import { existsSync } from 'node:fs';
import * as z from 'zod';
import { isPostgresUrl, postgresUrlProblem } from './db-location.js';
import { decodeKey, KEY_FORMAT_HINT } from './encryption-key.js';

/**
 * The environment, described once. Every variable RoleCall reads is here, with its default;
 * `.env.example` lists the same variables. Secrets are never echoed in errors.
 */
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional())
  .optional();

const snowflake = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(
    z
      .string()
      .regex(/^\d{17,20}$/, 'expected a Discord id (17–20 digits)')
      .optional(),
  )
  .optional();

/** 32 random bytes as base64 or hex; a short or malformed key is rejected without quoting it. */
const encryptionKey = optionalText.pipe(
  z
    .string()
    .refine((v) => decodeKey(v) !== undefined, KEY_FORMAT_HINT)
    .optional(),
);

export const EnvSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number({ error: 'expected a port number from 0 to 65535' }).int().min(0).max(65535, 'expected a port number from 0 to 65535').default(3000),
  // A file path (SQLite) or a postgres:// URL; a bad URL is reported without echoing it (it may hold a password).
  ROLECALL_DB: z
    .string()
    .trim()
    .min(1)
    .default('./var/rolecall.db')
    .superRefine((v, ctx) => {
      const problem = isPostgresUrl(v) ? postgresUrlProblem(v) : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ROLECALL_DB_POOL_SIZE: z.coerce.number({ error: 'expected a whole number from 1 to 100' }).int().min(1).max(100).default(10),
  ROLECALL_DB_STATEMENT_TIMEOUT_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(100).max(600_000).default(5_000),
  // The client's own limit, for a socket that stalls with no answer (the server's statement_timeout never fires there).
  ROLECALL_DB_QUERY_TIMEOUT_MS: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: 'expected milliseconds' }).int().min(100).max(600_000).optional(),
  ),
  ROLECALL_DB_STARTUP_TIMEOUT_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(0).max(3_600_000).default(30_000),
  ROLECALL_DATA_DIR: optionalText,
  // Shows /healthz's details (database, platforms' ids, raw errors) to a request that sends it as a bearer token.
  ROLECALL_HEALTH_TOKEN: optionalText.pipe(z.string().min(16, 'expected at least 16 random characters').optional()),

  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: optionalUrl,
  // Set: Discord sends interactions to POST /discord/interactions instead of the gateway.
  DISCORD_PUBLIC_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'expected the application public key: 64 hex characters')
      .optional(),
  ),

  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'expected a bot token starting with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-').optional()),
  SLACK_API_URL: optionalUrl,

  // "Add to Slack" for many workspaces (OAuth): see docs/distribution.md.
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, 'expected at least 16 random characters').optional()),
  SLACK_AUTHORIZE_URL: optionalUrl,
  ROLECALL_PUBLIC_URL: optionalUrl,
  ROLECALL_ENCRYPTION_KEY: encryptionKey,
  ROLECALL_ENCRYPTION_KEY_PREVIOUS: encryptionKey,

  SPOTLIGHT_ENABLED: z
    .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  SPOTLIGHT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
});

const present = (v: string | undefined): boolean => typeof v === 'string' && v.trim() !== '';

/**
 * Rules between variables, checked on the raw values so they are reported together with
 * every per-variable problem (a zod refinement would only run once the fields are valid).
 */
interface Problem {
  path: string;
  message: string;
  /** The variable is unset and needed: reported as "NAME is missing: why". */
  missing?: boolean;
}

function crossFieldProblems(src: Record<string, string | undefined>, receivesEvents: boolean): Problem[] {
  const problems: Problem[] = [];
  if (present(src.DISCORD_TOKEN) && !present(src.DISCORD_APPLICATION_ID)) {
    problems.push({ path: 'DISCORD_APPLICATION_ID', message: 'required when DISCORD_TOKEN is set' });
  }
  if (present(src.DISCORD_PUBLIC_KEY) && !present(src.DISCORD_TOKEN)) {
    problems.push({
      path: 'DISCORD_TOKEN',
      missing: true,
      message: 'required when DISCORD_PUBLIC_KEY is set (HTTP interactions still post through the bot token)',
    });
  }
  if (receivesEvents && present(src.SLACK_BOT_TOKEN) && !present(src.SLACK_SIGNING_SECRET) && !present(src.SLACK_APP_TOKEN)) {
    problems.push({
      path: 'SLACK_SIGNING_SECRET',
      message: 'required when SLACK_BOT_TOKEN is set (HTTP mode); or set SLACK_APP_TOKEN for Socket Mode',
    });
  }
  const oauth = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthMode = oauth.some((name) => present(src[name]));
  const slackSet = (['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const).filter((name) => present(src[name]));
  if (slackSet.length > 0 && !present(src.SLACK_BOT_TOKEN) && !oauthMode) {
    problems.push({
      path: 'SLACK_BOT_TOKEN',
      missing: true,
      message: `required when ${slackSet.join(' or ')} is set (or set SLACK_CLIENT_ID for "Add to Slack" installs)`,
    });
  }
  if (oauthMode) {
    for (const name of oauth)
      if (!present(src[name]))
        problems.push({ path: name, message: 'required for "Add to Slack" installs (with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)' });
    if (present(src.SLACK_BOT_TOKEN)) {
      problems.push({
        path: 'SLACK_BOT_TOKEN',
        message: 'leave unset with SLACK_CLIENT_ID: each installed workspace brings its own token (single-workspace mode is SLACK_BOT_TOKEN alone)',
      });
    }
    if (present(src.SLACK_APP_TOKEN))
      problems.push({ path: 'SLACK_APP_TOKEN', message: '"Add to Slack" installs need HTTP mode; leave SLACK_APP_TOKEN unset' });
    if (receivesEvents && !present(src.SLACK_SIGNING_SECRET))
      problems.push({ path: 'SLACK_SIGNING_SECRET', message: 'required for "Add to Slack" installs (HTTP mode)' });
  }
  if (oauthMode && !present(src.ROLECALL_ENCRYPTION_KEY)) {
    problems.push({
      path: 'ROLECALL_ENCRYPTION_KEY',
      message: `required with SLACK_CLIENT_ID: installed workspaces' tokens are encrypted with it (${KEY_FORMAT_HINT})`,
    });
  }
  const statementMs = Number(present(src.ROLECALL_DB_STATEMENT_TIMEOUT_MS) ? src.ROLECALL_DB_STATEMENT_TIMEOUT_MS : 5_000);
  if (present(src.ROLECALL_DB_QUERY_TIMEOUT_MS) && Number(src.ROLECALL_DB_QUERY_TIMEOUT_MS) <= statementMs) {
    problems.push({
      path: 'ROLECALL_DB_QUERY_TIMEOUT_MS',
      message: 'must be above ROLECALL_DB_STATEMENT_TIMEOUT_MS, so that a reachable server cancels a slow statement first',
    });
  }
  if (present(src.ROLECALL_ENCRYPTION_KEY_PREVIOUS) && !present(src.ROLECALL_ENCRYPTION_KEY)) {
    problems.push({ path: 'ROLECALL_ENCRYPTION_KEY', message: 'required when ROLECALL_ENCRYPTION_KEY_PREVIOUS is set' });
  }
  return problems;
}

export type Env = z.infer<typeof EnvSchema>;

/** ROLECALL_DB_QUERY_TIMEOUT_MS, by default a second above the server's statement_timeout. */
export const queryTimeoutMs = (env: Pick<Env, 'ROLECALL_DB_STATEMENT_TIMEOUT_MS' | 'ROLECALL_DB_QUERY_TIMEOUT_MS'>): number =>
  env.ROLECALL_DB_QUERY_TIMEOUT_MS ?? env.ROLECALL_DB_STATEMENT_TIMEOUT_MS + 1_000;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable, never its value. */
export interface ParseEnvOptions {
  /**
   * False for processes that only call the platforms' APIs (`rolecall spotlight run --once`):
   * they receive no Slack events, so need neither a signing secret nor an app token.
   */
  receivesEvents?: boolean;
}

export function parseEnv(source: Record<string, string | undefined>, opts: ParseEnvOptions = {}): Env {
  const result = EnvSchema.safeParse(source);
  const problems = [
    ...(result.success
      ? []
      : result.error.issues.map((i) => ({ path: i.path.join('.') || '(environment)', message: i.message.replace(/^Invalid input: /, '') }))),
    ...crossFieldProblems(source, opts.receivesEvents ?? true),
  ].map((p: Problem) => `${p.path}${p.missing ? ' is missing' : ''}: ${p.message}`);
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/**
 * The one way a process reads its configuration: `.env` in the working directory if there is one
 * (Node's own loader; variables already set win), then parseEnv.
 */
export function loadEnv(opts: ParseEnvOptions = {}): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return parseEnv(process.env, opts);
}

/**
 * With no platform configured, the variables a half-set platform lacks: DISCORD_APPLICATION_ID
 * alone means Discord was meant, so "DISCORD_TOKEN is missing" says more than "no platform is
 * configured". (Next to a running platform the id alone is fine: the landing page's Add to Discord.)
 */
export function halfConfiguredProblems(env: Env): string[] {
  const discordSet = (['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID'] as const).filter((name) => env[name]);
  if (discordSet.length === 0 || env.DISCORD_TOKEN) return [];
  return [`DISCORD_TOKEN is missing: required when ${discordSet.join(' or ')} is set (the bot token, from the Developer Portal's Bot page)`];
}

export const isDiscordConfigured = (env: Env): boolean => Boolean(env.DISCORD_TOKEN);
export const isSlackConfigured = (env: Env): boolean => Boolean(env.SLACK_BOT_TOKEN) || isSlackOAuth(env);
/** "Add to Slack": any number of workspaces, each with its own token from the Store. */
export const isSlackOAuth = (env: Env): boolean => Boolean(env.SLACK_CLIENT_ID);
