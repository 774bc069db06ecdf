import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTask, getTasks } from 'node-cron';
import { SpotlightScheduler, type CreateTask } from '../../src/spotlight/scheduler.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { FakeClock, FakePoster, tempStore, testCore } from './helpers.js';

const core = testCore();
const MIN = 60_000;

describe('SpotlightScheduler', () => {
  let t: ReturnType<typeof tempStore>;
  let clock: FakeClock;
  let poster: FakePoster;
  let service: SpotlightService;
  beforeEach(() => {
    t = tempStore();
    clock = new FakeClock('2026-04-08T09:00:00Z');
    poster = new FakePoster('discord', { clock });
    service = new SpotlightService({ store: t.store, core, clock, posters: [poster], random: () => 0.5 });
  });
  afterEach(() => t.cleanup());

  it('starts ONE node-cron task, every minute, without overlap, after a catch-up run', async () => {
    // Subscribed before Monday's slot; the process is down until Wednesday.
    clock.set('2026-04-06T09:00:00Z');
    for (const id of ['c1', 'c2', 'c3']) await service.subscribe({ channel: { platform: 'discord', workspaceId: 'g', channelId: id }, createdBy: 'u' });
    clock.set('2026-04-08T09:00:00Z');
    let captured: ReturnType<typeof createTask> | undefined;
    const spy = vi.fn<CreateTask>((expr, fn, opts) => (captured = createTask(expr, fn, opts)));
    const scheduler = new SpotlightScheduler({ service, clock, createTask: spy });
    const catchUp = await scheduler.start();
    expect(catchUp).toMatchObject({ due: 3, posted: 3 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toBe('* * * * *');
    expect(spy.mock.calls[0]![2]).toMatchObject({ noOverlap: true, name: 'spotlight' });
    expect([...getTasks().values()].filter((task) => task.name === 'spotlight')).toHaveLength(1);
    expect(captured!.getStatus()).not.toBe('stopped');
    await expect(scheduler.start()).rejects.toThrow(/already started/);
    await scheduler.stop();
    expect(captured!.getStatus()).toBe('destroyed');
    expect([...getTasks().values()].filter((task) => task.name === 'spotlight')).toHaveLength(0);
    // The service is stopped too: a later run takes no new work.
    clock.set('2026-04-13T15:00:00Z');
    expect((await service.runOnce()).posted).toBe(0);
  });

  it('stopped during its catch-up, creates no task afterwards', async () => {
    // A clock that only moves when told: the held send cannot time out meanwhile.
    const still = new FakeClock('2026-04-08T09:00:00Z', false);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sending = 0;
    const slow = new FakePoster('discord', { clock: still });
    const post = slow.post.bind(slow);
    slow.post = async (...args) => {
      sending++;
      await held;
      return post(...args);
    };
    const own = new SpotlightService({ store: t.store, core, clock: still, posters: [slow], random: () => 0.5 });
    still.set('2026-04-06T09:00:00Z'); // before Monday's slot, so Wednesday's start catches it up
    await own.subscribe({ channel: { platform: 'discord', workspaceId: 'g', channelId: 'c1' }, createdBy: 'u' });
    still.set('2026-04-08T09:00:00Z');
    const spy = vi.fn<CreateTask>((expr, fn, opts) => createTask(expr, fn, opts));
    const scheduler = new SpotlightScheduler({ service: own, clock: still, createTask: spy });
    const starting = scheduler.start();
    await expect.poll(() => sending).toBe(1);
    const stopping = scheduler.stop();
    release();
    await stopping;
    expect(await starting).toMatchObject({ due: 1, posted: 1 });
    expect(spy).not.toHaveBeenCalled();
    expect([...getTasks().values()].filter((task) => task.name === 'spotlight')).toHaveLength(0);
  });

  it('ticks with the injected clock, not node-cron’s', async () => {
    await service.subscribe({ channel: { platform: 'discord', workspaceId: 'g', channelId: 'c1' }, createdBy: 'u', day: 3, time: '10:00' });
    const scheduler = new SpotlightScheduler({ service, clock });
    expect(await scheduler.tick()).toMatchObject({ due: 0 });
    clock.set('2026-04-08T10:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ due: 1, posted: 1 });
    expect(poster.posts).toHaveLength(1);
  });

  it('never throws from a tick: a broken store is logged and the next tick tries again', async () => {
    const broken = { runOnce: () => Promise.reject(new Error('disk I/O error')), stop: () => Promise.resolve() } as unknown as SpotlightService;
    const scheduler = new SpotlightScheduler({ service: broken, clock });
    expect(await scheduler.tick()).toMatchObject({ due: 0, posted: 0 });
  });

  async function tickEveryMinute(scheduler: SpotlightScheduler, from: string, to: string): Promise<string[]> {
    const postedAt: string[] = [];
    for (let at = new Date(from).getTime(); at <= new Date(to).getTime(); at += MIN) {
      clock.set(new Date(at));
      const summary = await scheduler.tick();
      for (let i = 0; i < summary.posted; i++) postedAt.push(new Date(at).toISOString());
    }
    return postedAt;
  }

  it('posts once across a DST overlap (New York, 1:30 twice) and a gap (London, 1:30 skipped)', async () => {
    const ny = { platform: 'discord' as const, workspaceId: 'g', channelId: 'ny' };
    const london = { platform: 'discord' as const, workspaceId: 'g', channelId: 'ldn' };
    await service.subscribe({ channel: ny, createdBy: 'u', day: 'sunday', time: '01:30', timezone: 'America/New_York' });
    const scheduler = new SpotlightScheduler({ service, clock });
    expect(await tickEveryMinute(scheduler, '2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z')).toEqual(['2026-11-01T05:30:00.000Z']);
    await service.unsubscribe(ny);
    clock.set('2026-03-28T00:00:00Z'); // subscribed before the London week in question
    await service.subscribe({ channel: london, createdBy: 'u', day: 'sunday', time: '01:30', timezone: 'Europe/London' });
    expect(await tickEveryMinute(scheduler, '2026-03-29T00:00:00Z', '2026-03-29T03:00:00Z')).toEqual(['2026-03-29T01:00:00.000Z']);
    expect(poster.posts.map((p) => p.channelId)).toEqual(['ny', 'ldn']);
  });
});
