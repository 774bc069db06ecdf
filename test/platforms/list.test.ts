import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { platforms, servicePlatforms, spotlightPlatform } from '../../src/platforms/index.js';
import { PLATFORM_NAMES, SPOTLIGHT_PLATFORMS } from '../../src/platforms/names.js';
import type { NewSubscription } from '../../src/store/spotlight-store.js';
import { storeKinds } from '../store/stores.js';

/** The platform list against the names the store and the commands use, and the store's CHECK constraints. */
const kinds = storeKinds();
afterAll(async () => {
  for (const k of kinds) await k.teardown();
});

describe('the platform list', () => {
  it('holds one platform per name, in order, and those with spotlight support are exactly SPOTLIGHT_PLATFORMS', () => {
    expect(platforms.map((p) => p.name)).toEqual([...PLATFORM_NAMES]);
    expect(platforms.filter((p) => p.mode === 'service' && p.spotlight).map((p) => p.name)).toEqual([...SPOTLIGHT_PLATFORMS]);
    for (const name of SPOTLIGHT_PLATFORMS) expect(spotlightPlatform(name).name).toBe(name);
  });

  it('says which platforms the configuration turns on, and their own problems in plain words', () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1' }, { receivesEvents: false });
    expect(servicePlatforms.filter((p) => p.configured(env)).map((p) => p.name)).toEqual(['slack']);
    // Parsed for a process that receives no events, this env cannot run Slack in the service.
    expect(servicePlatforms.flatMap((p) => (p.configured(env) ? p.configProblems(env) : []))).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET: required in HTTP mode/),
    ]);
    expect(servicePlatforms.some((p) => p.configured(parseEnv({})))).toBe(false);
    // The public address alone turns on the pages, and nothing else.
    const pagesOnly = parseEnv({ ROLECALL_PUBLIC_URL: 'https://rolecall.example.org' });
    expect(servicePlatforms.filter((p) => p.configured(pagesOnly)).map((p) => p.name)).toEqual(['web']);
  });

  it('gives each spotlight platform a target syntax that checks its ids', () => {
    const discord = spotlightPlatform('discord').spotlight.target;
    expect(discord.problem('123456789012345678', '223456789012345678')).toBeUndefined();
    expect(discord.problem('12', '34')).toMatch(/17–20 digits/);
    const slack = spotlightPlatform('slack').spotlight.target;
    expect(slack.problem('T0123ABCD', 'C0456EFGH')).toBeUndefined();
    expect(slack.problem('t1', 'c1')).toMatch(/"t1" is no Slack team id: they start with T/);
    // Short ids (T123/C456) are typos, not teams: Slack's have 9 or more characters.
    expect(slack.problem('T123', 'C0456EFGH')).toMatch(/"T123" is no Slack team id.*e\.g\. T0123ABCD/);
    expect(slack.problem('T0123ABCD', 'C456')).toMatch(/"C456" is no Slack channel id: they start with C, G or D.*e\.g\. C0456EFGH/);
    expect(slack.problem('E0123ABCD', 'G0456EFGH')).toBeUndefined();
    expect(slack.problem('T0123ABCD', 'D0456EFGH')).toBeUndefined();
    expect(slack.problem('T0123ABCD', 'X0456EFGH')).toMatch(/no Slack channel id/);
    expect(discord.problem('123456789012345678', '34')).toMatch(/"34" is no Discord channel id: Discord ids are 17–20 digits/);
    expect(discord.problem('1234567890123456789012', '223456789012345678')).toMatch(/no Discord guild id/);
  });
});

describe.each(kinds)('the $name store allows exactly SPOTLIGHT_PLATFORMS', (kind) => {
  const sub = (platform: string, channelId: string): NewSubscription =>
    ({
      platform,
      workspaceId: 'w1',
      channelId,
      dayOfWeek: 1,
      localTime: '15:00',
      timezone: 'UTC',
      filter: {},
      createdBy: 'u1',
      rotationSeed: 1,
    }) as NewSubscription;

  it('subscribes a channel on every spotlight platform and refuses every other name (the CHECK constraint)', async () => {
    const opened = await kind.open();
    try {
      const subs = opened.store.spotlight.subscriptions;
      for (const name of SPOTLIGHT_PLATFORMS) expect((await subs.upsert(sub(name, `c-${name}`), new Date())).created).toBe(true);
      // The pages (`web`) and the console are platforms too, but no channel subscribes on them.
      const others = [...PLATFORM_NAMES.filter((n) => !(SPOTLIGHT_PLATFORMS as readonly string[]).includes(n)), 'telegram'];
      expect(others).toContain('web');
      for (const name of others) await expect(subs.upsert(sub(name, `c-${name}`), new Date()), name).rejects.toThrow(/check|constraint/i);
      expect((await subs.list()).map((s) => s.platform).sort()).toEqual([...SPOTLIGHT_PLATFORMS].sort());
    } finally {
      await opened.cleanup();
    }
  });
});
