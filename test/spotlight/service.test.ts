import { afterEach, assert, beforeEach, describe, expect, it } from 'vitest';
import { listView, manageAnswer, postNowAnswer, previewAnswer, statusView, subscribeAnswer } from '../../commands/spotlight-views.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { parseDay } from '../../src/spotlight/input.js';
import { FakeClock, FakePoster, tempStore, testCore } from './helpers.js';

const core = testCore();
const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };

describe('SpotlightService management API', () => {
  let t: ReturnType<typeof tempStore>;
  let clock: FakeClock;
  let poster: FakePoster;
  let s: SpotlightService;
  beforeEach(() => {
    t = tempStore();
    clock = new FakeClock('2026-04-06T12:00:00Z'); // Monday, before the default 15:00 slot
    poster = new FakePoster('slack', { clock });
    s = new SpotlightService({ store: t.store, core, clock, posters: [poster], random: () => 0.5 });
  });
  afterEach(() => t.cleanup());

  it('subscribes with the defaults: Monday 15:00 UTC, all roles', async () => {
    const res = await s.subscribe({ channel, createdBy: 'U1' });
    expect(res.ok).toBe(true);
    expect(res.subscription).toMatchObject({ dayOfWeek: 1, localTime: '15:00', timezone: 'UTC', filter: {}, status: 'active', createdBy: 'U1' });
    expect(subscribeAnswer(core, res)).toMatchObject({ tone: 'success', title: 'Subscribed: weekly role spotlight' });
    expect(subscribeAnswer(core, res).description).toContain('Mondays at 15:00 (UTC)');
    const again = await s.subscribe({ channel, createdBy: 'U1', day: 'fri', time: '9:30', timezone: 'europe/london' });
    expect(again.subscription).toMatchObject({ dayOfWeek: 5, localTime: '09:30', timezone: 'Europe/London' });
    expect(subscribeAnswer(core, again).title).toBe('Updated: weekly role spotlight');
  });

  it('rejects bad input with a message naming each problem', async () => {
    const res = await s.subscribe({ channel, createdBy: 'U1', day: 'someday', time: '25:00', timezone: 'Mars/Base' });
    expect(res.ok).toBe(false);
    const { description } = subscribeAnswer(core, res);
    expect(description).toMatch(/day: expected a day of the week/);
    expect(description).toMatch(/time: expected a 24-hour time/);
    expect(description).toMatch(/timezone: expected an IANA timezone/);
    expect(await s.list()).toEqual([]);
    expect(parseDay('Sun')).toBe(7);
    expect(parseDay('t')).toBeUndefined();
  });

  it('says clearly when the bot cannot post in the channel, and subscribes nothing', async () => {
    const res = await s.subscribe({ channel, createdBy: 'U1' }, { canPost: async () => ({ ok: false, reason: 'The bot is not in this channel' }) });
    expect(res.ok).toBe(false);
    expect(subscribeAnswer(core, res).title).toBe('I cannot post in this channel');
    expect(subscribeAnswer(core, res).description).toContain('The bot is not in this channel');
    const thrown = await s.subscribe({ channel, createdBy: 'U1' }, { canPost: async () => Promise.reject(new Error('timeout')) });
    expect(subscribeAnswer(core, thrown).description).toContain('could not check (timeout)');
    expect(await s.list()).toHaveLength(0);
    const ok = await s.subscribe({ channel, createdBy: 'U1' }, { canPost: async () => ({ ok: true }) });
    expect(ok.ok).toBe(true);
  });

  it('refuses a filter that matches no role', async () => {
    const res = await s.subscribe({ channel, createdBy: 'U1', layer: 'L1', difficulty: 'accessible' });
    expect(res.ok).toBe(false);
    expect(subscribeAnswer(core, res)).toMatchObject({ title: 'Cannot subscribe' });
    expect(subscribeAnswer(core, res).description).toContain('No role matches');
  });

  it('previews the next role without claiming, then posts exactly that role', async () => {
    await s.subscribe({ channel, createdBy: 'U1', layer: 'L5' });
    const preview = await s.preview(channel);
    expect(preview).toMatchObject({ ok: true, weekKey: '2026-W15', dueAt: new Date('2026-04-06T15:00:00Z') });
    expect(previewAnswer(core, preview)).toMatchObject({ kind: 'spotlight', private: true });
    assert(preview.ok);
    expect(core.kb.role(preview.roleId).layer).toBe('L5');
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toBeUndefined();
    const now = await s.postNow(channel);
    expect(now).toMatchObject({ ok: true, outcome: { status: 'posted', roleId: preview.roleId } });
    // Next preview is for next week, a different role.
    const next = await s.preview(channel);
    assert(next.ok);
    expect(next.weekKey).toBe('2026-W16');
    expect(next.roleId).not.toBe(preview.roleId);
  });

  it('postNow posts once a week; the scheduled run then skips the channel', async () => {
    await s.subscribe({ channel, createdBy: 'U1' });
    expect(postNowAnswer(core, await s.postNow(channel)).title).toBe('Posted');
    const second = await s.postNow(channel);
    expect(second.ok).toBe(false);
    expect(postNowAnswer(core, second)).toMatchObject({ title: 'Nothing posted' });
    expect(postNowAnswer(core, second).description).toContain('already sent');
    clock.set('2026-04-06T15:00:00Z');
    expect(await s.runOnce()).toMatchObject({ posted: 0, skipped: 1 });
    expect(poster.posts).toHaveLength(1);
  });

  it('unsubscribe + subscribe in the same week never yields a second post', async () => {
    await s.subscribe({ channel, createdBy: 'U1' });
    await s.postNow(channel);
    expect((await s.unsubscribe(channel)).ok).toBe(true);
    expect((await s.unsubscribe(channel)).ok).toBe(false);
    await s.subscribe({ channel, createdBy: 'U2' });
    clock.set('2026-04-06T16:00:00Z');
    expect(await s.runOnce()).toMatchObject({ posted: 0 });
    expect(poster.posts).toHaveLength(1);
  });

  it('pause and resume, with status and list views', async () => {
    await s.subscribe({ channel, createdBy: 'U1', timezone: 'America/New_York', difficulty: 'elite' });
    expect((await s.pause(channel)).ok).toBe(true);
    expect((await s.pause(channel)).ok).toBe(false);
    expect(postNowAnswer(core, await s.postNow(channel)).title).toBe('Paused');
    const paused = statusView(core, await s.status(channel));
    expect(paused).toMatchObject({ tone: 'warning', private: true });
    expect(paused.fields.find((f) => f.label === 'Status')?.value).toBe('Paused: paused by a channel manager');
    clock.set('2026-04-06T20:00:00Z');
    expect(await s.runOnce()).toMatchObject({ due: 0, posted: 0 });
    expect((await s.resume(channel)).ok).toBe(true);
    const active = await s.status(channel);
    expect(statusView(core, active).fields.map((f) => f.label)).toEqual(['Status', 'Schedule', 'Roles', 'Discussion thread', 'Next spotlight', 'Rotation']);
    expect(statusView(core, active).fields.find((f) => f.label === 'Roles')?.value).toBe('Elite entry');
    expect(active.next?.at).toEqual(new Date('2026-04-06T19:00:00Z'));
    await s.runOnce();
    const after = await s.status(channel);
    expect(after.thisWeek?.state).toBe('sent');
    expect(after.cycle).toMatchObject({ number: 0, shown: 1 });
    expect(statusView(core, after).sections[0]?.items?.[0]).toMatch(/^2026-W15: .+, posted Mon, 6 Apr 2026, 16:00 America\/New_York$/);
    const list = await s.list({ platform: 'slack' });
    expect(listView(core, list).table?.rows).toEqual([['slack:T1/C1', 'Mondays at 15:00 (America/New_York)', 'Elite entry', 'off', 'active']]);
  });

  it('answers for channels that are not subscribed', async () => {
    expect(statusView(core, await s.status(channel)).title).toBe('No weekly spotlight here');
    const answers = [
      previewAnswer(core, await s.preview(channel)),
      postNowAnswer(core, await s.postNow(channel)),
      manageAnswer(core, 'pause', await s.pause(channel)),
      manageAnswer(core, 'resume', await s.resume(channel)),
    ];
    for (const view of answers) expect(view).toMatchObject({ title: 'Not subscribed' });
    for (const r of [await s.preview(channel), await s.postNow(channel), await s.pause(channel), await s.resume(channel)]) {
      expect(r).toMatchObject({ ok: false, problem: { kind: 'not-subscribed' } });
    }
  });

  it('refuses a lease shorter than one attempt plus one backoff', () => {
    expect(() => new SpotlightService({ store: t.store, core, leaseMs: 5_000 })).toThrow(/leaseMs/);
  });
});
