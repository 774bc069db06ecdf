import { afterEach, assert, beforeEach, describe, expect, it } from 'vitest';
import { subscribeAnswer } from '../../commands/spotlight-views.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { FakeClock, FakePoster, tempStore, testCore } from './helpers.js';

const core = testCore();
const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
// The case: a Sunday evening, after the week's default Monday 15:00 slot.
const SUNDAY_EVENING = '2026-11-29T21:00:00Z';

describe('subscription dates: add, status, preview and run agree', () => {
  let t: ReturnType<typeof tempStore>;
  let clock: FakeClock;
  let poster: FakePoster;
  let s: SpotlightService;
  beforeEach(() => {
    t = tempStore();
    clock = new FakeClock(SUNDAY_EVENING);
    poster = new FakePoster('slack', { clock });
    s = new SpotlightService({ store: t.store, core, clock, posters: [poster], random: () => 0.5 });
  });
  afterEach(() => t.cleanup());

  it('a subscription made after this week’s slot starts next week, everywhere', async () => {
    const added = await s.subscribe({ channel, createdBy: 'U1' });
    expect(subscribeAnswer(core, added).description).toContain('The next one is due Mon, 30 Nov 2026, 15:00');
    const status = await s.status(channel);
    expect(status.next).toEqual({ weekKey: '2026-W49', at: new Date('2026-11-30T15:00:00Z') });
    const preview = await s.preview(channel);
    expect(preview).toMatchObject({ ok: true, weekKey: '2026-W49', dueAt: new Date('2026-11-30T15:00:00Z') });
    assert(preview.ok);
    // The run in the evening posts nothing: the week the channel joined after is not "caught up".
    expect(await s.runOnce()).toMatchObject({ due: 0, posted: 0 });
    clock.set('2026-11-30T14:59:00Z');
    expect(await s.runOnce()).toMatchObject({ due: 0, posted: 0 });
    clock.set('2026-11-30T15:00:00Z');
    const run = await s.runOnce();
    expect(run).toMatchObject({ due: 1, posted: 1 });
    // What preview showed is what was posted, in the week it named.
    expect(run.outcomes[0]).toMatchObject({ weekKey: '2026-W49', roleId: preview.roleId });
    expect(poster.posts).toHaveLength(1);
    expect((await s.status(channel)).next).toEqual({ weekKey: '2026-W50', at: new Date('2026-12-07T15:00:00Z') });
  });

  it('a subscription made before this week’s slot starts this week', async () => {
    clock.set('2026-11-30T09:00:00Z');
    const added = await s.subscribe({ channel, createdBy: 'U1' });
    expect(subscribeAnswer(core, added).description).toContain('The next one is due Mon, 30 Nov 2026, 15:00');
    expect(await s.preview(channel)).toMatchObject({ weekKey: '2026-W49' });
    clock.set('2026-11-30T15:00:00Z');
    expect(await s.runOnce()).toMatchObject({ posted: 1 });
  });

  it('a run only acts on the channel’s current week, never early or late', async () => {
    clock.set('2026-11-23T09:00:00Z');
    await s.subscribe({ channel, createdBy: 'U1' });
    clock.set('2026-12-02T12:00:00Z'); // Wednesday of W49
    const late = await s.runOnce(new Date('2026-11-23T15:00:00Z'));
    expect(late).toMatchObject({ posted: 0, skipped: 1 });
    expect(late.outcomes[0]!.reason).toBe('2026-W48 is over in UTC (it is 2026-W49 now); an earlier week is never posted late');
    const early = await s.runOnce(new Date('2026-12-07T15:00:00Z'));
    expect(early).toMatchObject({ posted: 0, skipped: 1 });
    expect(early.outcomes[0]!.reason).toMatch(/is in the future .*nothing is posted ahead of its time/);
    expect(poster.posts).toHaveLength(0);
    // This week's moment, up to now, is fine (a backfill).
    expect(await s.runOnce(new Date('2026-11-30T15:00:00Z'))).toMatchObject({ posted: 1 });
  });
});
