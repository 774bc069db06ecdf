import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { pruneStore, RETENTION, scheduleStorePruning } from '../../src/service/maintenance.js';
import type { ThreadKey } from '../../src/store/store.js';
import { tempStore } from '../spotlight/helpers.js';

const key: ThreadKey = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', threadTs: '1.000001' };

describe('store pruning: the event log and thread comparisons stay bounded', () => {
  let t: ReturnType<typeof tempStore>;
  beforeEach(() => {
    t = tempStore();
  });
  afterEach(() => t.cleanup());

  it('keeps what is within its retention and drops what outlived it', async () => {
    await t.store.events.firstSeen('slack', 'Ev1');
    await t.store.threads.put(key, { roles: ['ai-engineer', 'ml-engineer'], market: 'both' });
    // An /ask context kept for 30 minutes: gone by the next day's prune.
    const convo = { platform: 'slack', workspaceId: 'T1', conversationId: 'C1/1.000001', userId: 'U1' } as const;
    await t.store.conversations.put(convo, { version: 1 }, new Date(Date.now() + 30 * 60_000));

    expect(await pruneStore(t.store, new Date())).toEqual({ events: 0, threads: 0, conversations: 0, profiles: 0 });
    expect(await t.store.events.firstSeen('slack', 'Ev1')).toBe(false);

    // A day and a minute later the event id is gone (a redelivery now would be answered), the thread is not.
    const dayLater = new Date(Date.now() + RETENTION.eventsMs + 60_000);
    expect(await pruneStore(t.store, dayLater)).toEqual({ events: 1, threads: 0, conversations: 1, profiles: 0 });
    expect(await t.store.threads.get(key)).toMatchObject({ roles: ['ai-engineer', 'ml-engineer'] });
    expect(await t.store.conversations.get(convo, new Date(0))).toBeUndefined();

    const longAfter = new Date(Date.now() + RETENTION.threadsMs + 60_000);
    expect(await pruneStore(t.store, longAfter)).toEqual({ events: 0, threads: 1, conversations: 0, profiles: 0 });
    expect(await t.store.threads.get(key)).toBeUndefined();
  });

  it('prunes at start and on its interval until stopped', async () => {
    await t.store.events.firstSeen('slack', 'Ev2');
    const pruned: number[] = [];
    const logger = silentLogger();
    const calls = { n: 0 };
    const original = t.store.events.prune.bind(t.store.events);
    t.store.events.prune = async (olderThan) => {
      calls.n++;
      const n = await original(olderThan);
      pruned.push(n);
      return n;
    };
    const stop = scheduleStorePruning(t.store, logger, 20);
    await expect.poll(() => calls.n, { timeout: 2_000 }).toBeGreaterThanOrEqual(3);
    await stop();
    const after = calls.n;
    await new Promise((r) => setTimeout(r, 60));
    expect(calls.n).toBe(after);
    // Fresh ids are within the retention: nothing was dropped.
    expect(pruned.every((n) => n === 0)).toBe(true);
  });
});
