import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseEnv as parseDotenv } from 'node:util';
import { ConfigError, EnvSchema, halfConfiguredProblems, isSlackConfigured, isSlackOAuth, parseEnv, queryTimeoutMs } from '../../src/config/env.js';

function problems(source: Record<string, string>, opts?: Parameters<typeof parseEnv>[1]): string[] {
  try {
    parseEnv(source, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  return [];
}

describe('environment', () => {
  it('applies defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, ROLECALL_DB: './var/rolecall.db', SPOTLIGHT_ENABLED: true, SPOTLIGHT_CONCURRENCY: 8, LOG_LEVEL: 'info' });
    expect(env.DISCORD_TOKEN).toBeUndefined();
  });

  it('lists every problem at once, by variable, without values', () => {
    const list = problems({
      PORT: '70000',
      DISCORD_TOKEN: 'secret-discord-value',
      DISCORD_API_URL: 'ftp://nope',
      SLACK_BOT_TOKEN: 'secret-slack-value',
      SLACK_APP_TOKEN: 'secret-app-value',
      SPOTLIGHT_ENABLED: 'maybe',
    });
    const text = list.join('\n');
    for (const name of ['PORT', 'DISCORD_APPLICATION_ID', 'DISCORD_API_URL', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SPOTLIGHT_ENABLED']) {
      expect(text).toContain(`${name}:`);
    }
    expect(text).not.toMatch(/secret-/);
  });

  it('requires a signing secret or an app token with a Slack bot token, unless the process receives no events', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: required/)]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' }, { receivesEvents: false })).toEqual([]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([]);
    expect(problems({ SLACK_SIGNING_SECRET: 's' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is missing: required when SLACK_SIGNING_SECRET is set/)]);
  });

  it('half a platform names the missing variable (not "no platform is configured")', () => {
    const id = '123456789012345678';
    expect(halfConfiguredProblems(parseEnv({ DISCORD_APPLICATION_ID: id }))).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN is missing: required when DISCORD_APPLICATION_ID is set/),
    ]);
    expect(halfConfiguredProblems(parseEnv({ DISCORD_GUILD_ID: id }))).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN is missing: required when DISCORD_GUILD_ID is set/),
    ]);
    expect(halfConfiguredProblems(parseEnv({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: id }))).toEqual([]);
    expect(halfConfiguredProblems(parseEnv({}))).toEqual([]);
    expect(problems({ DISCORD_APPLICATION_ID: id, DISCORD_PUBLIC_KEY: 'a'.repeat(64) })).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN is missing: required when DISCORD_PUBLIC_KEY is set/),
    ]);
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is missing: required when SLACK_APP_TOKEN is set/)]);
  });

  it('gives Postgres queries a client-side timeout a second above the statement timeout, or the one set, which must be above it', () => {
    expect(queryTimeoutMs(parseEnv({}))).toBe(6_000);
    expect(queryTimeoutMs(parseEnv({ ROLECALL_DB_STATEMENT_TIMEOUT_MS: '1000', ROLECALL_DB_QUERY_TIMEOUT_MS: '' }))).toBe(2_000);
    expect(queryTimeoutMs(parseEnv({ ROLECALL_DB_STATEMENT_TIMEOUT_MS: '1000', ROLECALL_DB_QUERY_TIMEOUT_MS: '1500' }))).toBe(1_500);
    expect(problems({ ROLECALL_DB_QUERY_TIMEOUT_MS: '5000' })).toEqual([
      expect.stringMatching(/^ROLECALL_DB_QUERY_TIMEOUT_MS: must be above ROLECALL_DB_STATEMENT_TIMEOUT_MS/),
    ]);
    expect(problems({ ROLECALL_DB_QUERY_TIMEOUT_MS: 'soon' })).toEqual([expect.stringMatching(/^ROLECALL_DB_QUERY_TIMEOUT_MS: expected milliseconds/)]);
  });

  it('treats empty values as unset (as .env.example leaves them)', () => {
    const env = parseEnv({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '', SLACK_API_URL: '' });
    expect(env.DISCORD_TOKEN).toBeUndefined();
    expect(env.SLACK_API_URL).toBeUndefined();
  });

  it('.env.example lists every variable, each with a comment, and parses as it is', () => {
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const example = parseDotenv(text);
    // A variable whose default an image sets is listed commented out ("# NAME=value").
    const commented = [...text.matchAll(/^# ([A-Z_]+)=/gm)].map((m) => m[1]!);
    // docker-compose.yml's own variables, listed at the end of the file.
    const composeOnly = ['POSTGRES_PASSWORD', 'ROLECALL_SITE', 'COMPOSE_PROFILES'];
    for (const name of composeOnly) expect([...Object.keys(example), ...commented]).toContain(name);
    expect([...Object.keys(example), ...commented].filter((name) => !composeOnly.includes(name)).sort()).toEqual(Object.keys(EnvSchema.shape).sort());
    for (const name of Object.keys(example)) expect(text).toMatch(new RegExp(`# [^\\n]+\\n${name}=`));
    expect(() => parseEnv(example)).not.toThrow();
  });

  it('.env.example leaves ROLECALL_DB unset, so `docker run --env-file .env` keeps the image’s volume path', () => {
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    expect(parseDotenv(text)).not.toHaveProperty('ROLECALL_DB');
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    const volume = /VOLUME \["([^"]+)"\]/.exec(dockerfile)?.[1];
    expect(volume).toBeDefined();
    expect(dockerfile).toMatch(new RegExp(`ROLECALL_DB=${volume}/`));
    expect(dockerfile).toMatch(new RegExp(`chown node:node ${volume}`));
  });

  describe('"Add to Slack" (OAuth)', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const oauth = {
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      SLACK_SIGNING_SECRET: 's',
    };

    it('accepts the full set and reports the mode', () => {
      const env = parseEnv({ ...oauth, ROLECALL_ENCRYPTION_KEY: key });
      expect(isSlackOAuth(env)).toBe(true);
      expect(isSlackConfigured(env)).toBe(true);
    });

    it('a missing or short encryption key is a configuration error that never quotes the key', () => {
      expect(problems(oauth)).toEqual([expect.stringMatching(/^ROLECALL_ENCRYPTION_KEY: required with SLACK_CLIENT_ID/)]);
      const short = problems({ ...oauth, ROLECALL_ENCRYPTION_KEY: 'c2hvcnQta2V5LXZhbHVl' });
      expect(short).toEqual([expect.stringMatching(/^ROLECALL_ENCRYPTION_KEY: expected 32 random bytes/)]);
      expect(short.join()).not.toContain('c2hvcnQta2V5LXZhbHVl');
      expect(problems({ ...oauth, ROLECALL_ENCRYPTION_KEY: key, ROLECALL_ENCRYPTION_KEY_PREVIOUS: 'abc' })).toEqual([
        expect.stringMatching(/^ROLECALL_ENCRYPTION_KEY_PREVIOUS: expected 32 random bytes/),
      ]);
    });

    it('needs all three OAuth variables and a signing secret, and no bot or app token', () => {
      const list = problems({ SLACK_CLIENT_ID: '1.2', ROLECALL_ENCRYPTION_KEY: key, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).join('\n');
      for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'])
        expect(list).toContain(`${name}:`);
      // The spotlight CLI receives no events: no signing secret needed there.
      expect(problems({ ...oauth, SLACK_SIGNING_SECRET: '', ROLECALL_ENCRYPTION_KEY: key }, { receivesEvents: false })).toEqual([]);
    });
  });
});
