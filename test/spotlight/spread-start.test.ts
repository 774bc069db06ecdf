import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpotlightService } from '../../src/spotlight/service.js';
import { FakeClock, FakePoster, testCore } from './helpers.js';
import { storeKinds, type OpenedStore } from '../store/stores.js';

const core = testCore();
const MONDAY = new Date('2026-04-06T15:00:00Z');
const kinds = storeKinds();
afterAll(async () => {
  for (const k of kinds) await k.teardown();
});

describe.each(kinds)('replicas sharing one database ($name)', (kind) => {
  let t: OpenedStore;
  beforeEach(async () => {
    t = await kind.open();
    for (let i = 0; i < 10; i++) {
      await t.store.spotlight.subscriptions.upsert(
        {
          platform: 'slack',
          workspaceId: 'T1',
          channelId: `C${i}`,
          dayOfWeek: 1,
          localTime: '15:00',
          timezone: 'UTC',
          filter: {},
          createdBy: 'u',
          rotationSeed: i + 1,
        },
        MONDAY,
      );
    }
  });
  afterEach(() => t.cleanup());

  it('start their fan-outs at different channels with spreadStart, and still post each once', async () => {
    const clock = new FakeClock(MONDAY);
    const other = await t.reopen();
    const poster = new FakePoster('slack', { clock });
    const a = new SpotlightService({ store: t.store, core, clock, posters: [poster], concurrency: 1, random: () => 0, spreadStart: true, owner: 'a' });
    const b = new SpotlightService({ store: other, core, clock, posters: [poster], concurrency: 1, random: () => 0.5, spreadStart: true, owner: 'b' });
    const [ra, rb] = await Promise.all([a.runOnce(MONDAY), b.runOnce(MONDAY)]);
    const firstPosted = (r: typeof ra) => r.outcomes.find((o) => o.status === 'posted')?.subscriptionId;
    const ids = (await t.store.spotlight.subscriptions.list()).map((s) => s.id);
    expect(firstPosted(ra)).toBe(ids[0]);
    expect(firstPosted(rb)).toBe(ids[5]);
    // Together: every channel once, and both did a share of it.
    expect(ra.posted + rb.posted).toBe(10);
    expect(ra.posted).toBeGreaterThan(0);
    expect(rb.posted).toBeGreaterThan(0);
    const owners = await Promise.all(ids.map(async (id) => (await t.store.spotlight.claims.history(id, 1))[0]));
    expect(owners.every((c) => c?.state === 'sent')).toBe(true);
  });
});
