import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseEnv as parseDotenv } from 'node:util';
import { ConfigError, EnvSchema, parseEnv } from '../../src/config/env.js';

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
    expect(problems({ SLACK_SIGNING_SECRET: 's' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: required/)]);
  });

  it('treats empty values as unset (as .env.example leaves them)', () => {
    const env = parseEnv({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '', SLACK_API_URL: '' });
    expect(env.DISCORD_TOKEN).toBeUndefined();
    expect(env.SLACK_API_URL).toBeUndefined();
  });

  it('.env.example lists every variable, each with a comment, and parses as it is', () => {
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const example = parseDotenv(text);
    expect(Object.keys(example).sort()).toEqual(Object.keys(EnvSchema.shape).sort());
    for (const name of Object.keys(example)) expect(text).toMatch(new RegExp(`# [^\\n]+\\n${name}=`));
    expect(() => parseEnv(example)).not.toThrow();
  });
});
