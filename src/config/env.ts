import { existsSync } from 'node:fs';
import { z } from 'zod';

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
  .pipe(z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17–20 digits)').optional())
  .optional();

export const EnvSchema = z
  .object({
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: z.coerce.number({ error: 'expected a port number from 0 to 65535' }).int().min(0).max(65535, 'expected a port number from 0 to 65535').default(3000),
    ROLECALL_DB: z.string().trim().min(1).default('./var/rolecall.db'),
    ROLECALL_DATA_DIR: optionalText,

    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: snowflake,
    DISCORD_GUILD_ID: snowflake,
    DISCORD_API_URL: optionalUrl,

    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'expected a bot token starting with xoxb-').optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-').optional()),
    SLACK_API_URL: optionalUrl,

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
function crossFieldProblems(src: Record<string, string | undefined>, receivesEvents: boolean): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (present(src.DISCORD_TOKEN) && !present(src.DISCORD_APPLICATION_ID)) {
    problems.push({ path: 'DISCORD_APPLICATION_ID', message: 'required when DISCORD_TOKEN is set' });
  }
  if (receivesEvents && present(src.SLACK_BOT_TOKEN) && !present(src.SLACK_SIGNING_SECRET) && !present(src.SLACK_APP_TOKEN)) {
    problems.push({
      path: 'SLACK_SIGNING_SECRET',
      message: 'required when SLACK_BOT_TOKEN is set (HTTP mode); or set SLACK_APP_TOKEN for Socket Mode',
    });
  }
  if ((present(src.SLACK_SIGNING_SECRET) || present(src.SLACK_APP_TOKEN)) && !present(src.SLACK_BOT_TOKEN)) {
    problems.push({ path: 'SLACK_BOT_TOKEN', message: 'required when other SLACK_ variables are set' });
  }
  return problems;
}

export type Env = z.infer<typeof EnvSchema>;

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
    ...(result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.') || '(environment)', message: i.message.replace(/^Invalid input: /, '') }))),
    ...crossFieldProblems(source, opts.receivesEvents ?? true),
  ].map((p) => `${p.path}: ${p.message}`);
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

export const isDiscordConfigured = (env: Env): boolean => Boolean(env.DISCORD_TOKEN);
export const isSlackConfigured = (env: Env): boolean => Boolean(env.SLACK_BOT_TOKEN);
