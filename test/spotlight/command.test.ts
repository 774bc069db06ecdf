import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSpotlightText, spotlight, type SpotlightAccess } from '../../commands/spotlight.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { POPULAR_TIMEZONES, timezoneSuggestions } from '../../src/spotlight/timezones.js';
import type { ChannelKey } from '../../src/store/spotlight-store.js';
import { FakeClock, FakePoster, tempStore, testCore } from './helpers.js';

const core = testCore();
const channel: ChannelKey = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };

describe('/spotlight text syntax', () => {
  it('reads the subcommand, day, time, zone and filter in any order', () => {
    expect(parseSpotlightText('subscribe monday 15:00 Europe/London layer L5')).toEqual({
      subcommand: 'subscribe',
      day: 'monday',
      time: '15:00',
      timezone: 'Europe/London',
      layer: 'L5',
    });
    expect(parseSpotlightText('Subscribe on fri at 9:30 in utc moderate')).toEqual({
      subcommand: 'subscribe',
      day: 'fri',
      time: '9:30',
      timezone: 'utc',
      difficulty: 'moderate',
    });
    expect(parseSpotlightText('subscribe l3 difficulty all')).toEqual({ subcommand: 'subscribe', layer: 'l3', difficulty: 'all' });
    expect(parseSpotlightText('')).toEqual({});
    expect(parseSpotlightText('subscribe monday thread')).toEqual({ subcommand: 'subscribe', day: 'monday', thread: 'on' });
    expect(parseSpotlightText('subscribe thread off 9:00')).toEqual({ subcommand: 'subscribe', thread: 'off', time: '9:00' });
    expect(parseSpotlightText('subscribe thread:true')).toEqual({ subcommand: 'subscribe', thread: 'true' });
    expect(parseSpotlightText('subscribe someday 7 banana')).toEqual({ subcommand: 'subscribe', unrecognised: ['someday', '7', 'banana'] });
  });
});

describe('/spotlight through the Dispatcher', () => {
  let t: ReturnType<typeof tempStore>;
  let service: SpotlightService;
  let poster: FakePoster;
  let allowed = true;
  let postable: { ok: true } | { ok: false; reason: string } = { ok: true };
  const dispatcher = new Dispatcher(core, [spotlight]);
  const access = (over: Partial<SpotlightAccess> = {}): SpotlightAccess => ({
    service,
    channel,
    authorize: async () => (allowed ? { ok: true } : { ok: false, reason: 'Ask an admin.' }),
    canPost: async () => postable,
    ...over,
  });
  const run = (text: string, over: Partial<SpotlightAccess> = {}, userId = 'U1') =>
    dispatcher.runText('spotlight', text, { platform: 'slack', invoker: { userId }, spotlight: access(over) });

  beforeEach(() => {
    t = tempStore();
    const clock = new FakeClock('2026-04-06T12:00:00Z');
    poster = new FakePoster('slack', { clock });
    service = new SpotlightService({ store: t.store, core, clock, posters: [poster], random: () => 0.25 });
    allowed = true;
    postable = { ok: true };
  });
  afterEach(() => t.cleanup());

  it('subscribes with the text syntax and records who asked', async () => {
    const res = await run('subscribe wednesday 09:30 Europe/London layer L5');
    expect(res.outcome).toBe('ok');
    expect(res.view).toMatchObject({ title: 'Subscribed: weekly role spotlight', tone: 'success', private: true });
    expect(await service.subscription(channel)).toMatchObject({
      dayOfWeek: 3,
      localTime: '09:30',
      timezone: 'Europe/London',
      filter: { layer: 'L5' },
      createdBy: 'U1',
    });
  });

  it('keeps what a later subscribe leaves out, and "all" clears a filter', async () => {
    await run('subscribe friday 10:00 Asia/Tokyo layer L5 difficulty moderate');
    await run('subscribe 16:00');
    expect(await service.subscription(channel)).toMatchObject({
      dayOfWeek: 5,
      localTime: '16:00',
      timezone: 'Asia/Tokyo',
      filter: { layer: 'L5', difficulty: 'moderate' },
    });
    await run('subscribe layer all');
    expect((await service.subscription(channel))?.filter).toEqual({ difficulty: 'moderate' });
  });

  it('refuses someone who may not manage the channel, changing nothing', async () => {
    allowed = false;
    const res = await run('subscribe monday');
    expect(res.view).toMatchObject({ title: 'Only channel managers can do that', description: 'Ask an admin.', private: true });
    expect(await service.subscription(channel)).toBeUndefined();
  });

  it('says clearly when the bot cannot post, and subscribes nothing', async () => {
    postable = { ok: false, reason: 'RoleCall is not a member of this channel' };
    const res = await run('subscribe');
    expect(res.view.title).toBe('I cannot post in this channel');
    expect(res.view.description).toMatch(/^RoleCall is not a member of this channel\. Give the bot permission/);
    expect(await service.subscription(channel)).toBeUndefined();
  });

  it('runs status, preview, pause, resume, now and unsubscribe', async () => {
    await run('subscribe');
    expect((await run('status')).view.title).toBe('Weekly role spotlight');
    const preview = await run('preview');
    expect(preview.view).toMatchObject({ kind: 'spotlight', private: true });
    expect(preview.view.description).toMatch(/^Preview of the spotlight for 2026-W15/);
    expect((await run('pause')).view.title).toBe('Paused');
    expect((await run('now')).view.title).toBe('Paused');
    expect((await run('resume')).view.title).toBe('Resumed');
    expect((await run('now')).view.title).toBe('Posted');
    expect(poster.posts).toHaveLength(1);
    expect((await run('now')).view.title).toBe('Nothing posted');
    expect((await run('unsubscribe')).view.title).toBe('Unsubscribed');
    expect(await service.subscription(channel)).toBeUndefined();
  });

  it('explains bad input, help, a DM, a process without the spotlight, and a front end without access', async () => {
    const bad = await run('subscribe someday 25:00');
    expect(bad.outcome).toBe('invalid');
    expect(bad.view.description).toContain('did not understand "someday"');
    const badTime = await run('subscribe 25:00');
    expect(badTime.view.description).toMatch(/time: expected a 24-hour time/);
    expect((await run('frobnicate')).view.description).toMatch(/expected one of: subscribe, unsubscribe/);
    expect((await run('')).view.title).toBe('Weekly role spotlight');
    expect((await run('status', { channel: undefined })).view.title).toBe('Run this in a channel');
    expect((await run('status', { service: undefined })).view.title).toBe('The weekly spotlight is off');
    const bare = await dispatcher.runText('spotlight', 'status', { platform: 'console' });
    expect(bare.view.title).toBe('Not available here');
  });
});

describe('timezone suggestions', () => {
  it('offers the popular zones first, then matches cities and regions', () => {
    expect(timezoneSuggestions('')).toEqual([...POPULAR_TIMEZONES]);
    expect(timezoneSuggestions('lon')[0]).toBe('Europe/London');
    expect(timezoneSuggestions('new york')[0]).toBe('America/New_York');
    expect(timezoneSuggestions('kolk')).toEqual(['Asia/Kolkata']);
    expect(timezoneSuggestions('Australia/Syd')).toEqual(['Australia/Sydney']);
    expect(timezoneSuggestions('europe').every((z) => z.startsWith('Europe/'))).toBe(true);
    expect(timezoneSuggestions('europe')).toHaveLength(25);
    expect(timezoneSuggestions('zzzz')).toEqual([]);
  });
});
