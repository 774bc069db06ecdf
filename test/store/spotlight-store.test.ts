import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/sqlite/migrations.js';
import { openDatabase, schemaVersion } from '../../src/store/sqlite/open.js';
import type { ClaimRequest, NewSubscription } from '../../src/store/spotlight-store.js';
import { tempStore } from '../spotlight/helpers.js';
import { storeKinds, type OpenedStore } from './stores.js';

const kinds = storeKinds();
afterAll(async () => {
  for (const k of kinds) await k.teardown();
});

const T0 = new Date('2026-04-06T15:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function newSub(channelId: string, extra: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'discord',
    workspaceId: 'g1',
    channelId,
    dayOfWeek: 1,
    localTime: '15:00',
    timezone: 'UTC',
    filter: {},
    createdBy: 'u1',
    rotationSeed: 42,
    ...extra,
  };
}

function request(subscriptionId: number, extra: Partial<ClaimRequest> = {}): ClaimRequest {
  return {
    id: `c-${subscriptionId}-${Math.random().toString(36).slice(2, 10)}`,
    subscriptionId,
    weekKey: '2026-W15',
    roleId: 'ai-engineer',
    cycle: 0,
    owner: 'p1',
    at: T0,
    leaseUntil: later(60_000),
    ...extra,
  };
}

describe('migrations', () => {
  let t: ReturnType<typeof tempStore>;
  beforeEach(() => (t = tempStore()));
  afterEach(() => t.cleanup());

  it('creates the file in WAL mode at the latest schema version', () => {
    expect(schemaVersion(t.store.db)).toBe(Math.max(...migrations.map((m) => m.version)));
    expect(t.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // SQLite never waits for a lock (that would block the event loop); the store retries asynchronously.
    expect(Number(t.store.db.pragma('busy_timeout', { simple: true }))).toBe(0);
  });

  it('upgrades a version-1 database without touching its data', () => {
    const path = `${t.dir}/old.db`;
    const v1 = openDatabase(
      path,
      migrations.filter((m) => m.version === 1),
    );
    v1.prepare("INSERT INTO processed_events VALUES ('slack', 'e1', '2026-01-01T00:00:00.000Z')").run();
    expect(schemaVersion(v1)).toBe(1);
    v1.close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(db.prepare('SELECT count(*) AS n FROM processed_events').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'spotlight_claims'").get()).toBeTruthy();
    db.close();
  });
});

describe.each(kinds)('subscriptions ($name)', (kind) => {
  let t: OpenedStore;
  beforeEach(async () => (t = await kind.open()));
  afterEach(() => t.cleanup());

  it('creates one subscription per channel and updates it on a second subscribe', async () => {
    const subs = t.store.spotlight.subscriptions;
    const a = await subs.upsert(newSub('c1', { filter: { layer: 'L5' } }), T0);
    expect(a.created).toBe(true);
    expect(a.subscription).toMatchObject({ channelId: 'c1', dayOfWeek: 1, localTime: '15:00', timezone: 'UTC', status: 'active', filter: { layer: 'L5' } });
    const b = await subs.upsert(newSub('c1', { dayOfWeek: 3, localTime: '09:30', createdBy: 'u2', rotationSeed: 7 }), later(1000));
    expect(b.created).toBe(false);
    expect(b.subscription.id).toBe(a.subscription.id);
    // The schedule changes; who subscribed, when, and the rotation seed do not.
    expect(b.subscription).toMatchObject({ dayOfWeek: 3, localTime: '09:30', filter: {}, createdBy: 'u1', rotationSeed: 42 });
    expect(await subs.list()).toHaveLength(1);
  });

  it('stores the discussion-thread choice; a subscribe that leaves it out keeps it', async () => {
    const subs = t.store.spotlight.subscriptions;
    expect((await subs.upsert(newSub('c1'), T0)).subscription.thread).toBe(false);
    expect((await subs.upsert(newSub('c1', { thread: true }), later(1))).subscription.thread).toBe(true);
    expect((await subs.upsert(newSub('c1', { dayOfWeek: 2 }), later(2))).subscription).toMatchObject({ thread: true, dayOfWeek: 2 });
    expect((await subs.upsert(newSub('c1', { thread: false }), later(3))).subscription.thread).toBe(false);
    expect((await subs.upsert(newSub('c2', { thread: true }), later(4))).subscription.thread).toBe(true);
  });

  it('lists by platform and status, and counts paused channels', async () => {
    const subs = t.store.spotlight.subscriptions;
    const { subscription: d } = await subs.upsert(newSub('c1'), T0);
    await subs.upsert(newSub('C2', { platform: 'slack', workspaceId: 'T1' }), T0);
    expect(await subs.pause(d.id, 'Missing Access (50001)', later(5))).toBe(true);
    expect(await subs.pause(d.id, 'again', later(6))).toBe(false);
    expect(await subs.countPaused()).toBe(1);
    expect((await subs.list({ platform: 'slack' })).map((s) => s.channelId)).toEqual(['C2']);
    const paused = await subs.list({ status: 'paused' });
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ pausedReason: 'Missing Access (50001)', pausedAt: later(5) });
    expect(await subs.resume(d.id)).toBe(true);
    expect(await subs.byId(d.id)).toMatchObject({ status: 'active' });
    expect((await subs.byId(d.id))?.pausedReason).toBeUndefined();
    expect(await subs.resume(d.id)).toBe(false);
  });

  it('keeps the rotation and this week’s claim when a channel unsubscribes and comes back', async () => {
    const { subscriptions: subs, claims } = t.store.spotlight;
    const { subscription } = await subs.upsert(newSub('c1'), T0);
    await claims.acquire(request(subscription.id, { cycle: 2 }));
    expect(await subs.remove(subscription.id, later(1))).toBe(true);
    expect(await subs.get(subscription)).toBeUndefined();
    expect(await subs.list()).toHaveLength(0);
    const back = await subs.upsert(newSub('c1', { createdBy: 'u9', rotationSeed: 99 }), later(2));
    expect(back.created).toBe(true);
    expect(back.subscription).toMatchObject({ id: subscription.id, rotationSeed: 42, rotationCycle: 2, createdBy: 'u9', status: 'active' });
    expect(await claims.get(subscription.id, '2026-W15')).toMatchObject({ state: 'claimed' });
  });
});

describe.each(kinds)('claims ($name)', (kind) => {
  let t: OpenedStore;
  let subId: number;
  beforeEach(async () => {
    t = await kind.open();
    subId = (await t.store.spotlight.subscriptions.upsert(newSub('c1'), T0)).subscription.id;
  });
  afterEach(() => t.cleanup());

  it('lets exactly one caller win a week, even through a second connection to the file', async () => {
    const other = await t.reopen();
    const first = await t.store.spotlight.claims.acquire(request(subId, { id: 'aaa' }));
    const second = await other.spotlight.claims.acquire(request(subId, { id: 'bbb', owner: 'p2', roleId: 'rag-engineer' }));
    expect(first).toMatchObject({ won: true, claim: { id: 'aaa', state: 'claimed', owner: 'p1' } });
    expect(second).toMatchObject({ won: false, existing: { id: 'aaa', roleId: 'ai-engineer' } });
    const next = await other.spotlight.claims.acquire(request(subId, { id: 'ccc', weekKey: '2026-W16' }));
    expect(next.won).toBe(true);
  });

  it('marks sent once; a failed mark never overwrites sent', async () => {
    const { claims } = t.store.spotlight;
    await claims.acquire(request(subId, { id: 'aaa' }));
    expect(await claims.markSent('aaa', { messageId: 'm1', attempts: 2, at: later(5) })).toBe(true);
    expect(await claims.markSent('aaa', { messageId: 'm2', attempts: 1, at: later(6) })).toBe(false);
    expect(await claims.markFailed('aaa', 'p1', { kind: 'temporary', reason: 'x', attempts: 1, at: later(7) })).toBe(false);
    expect(await claims.get(subId, '2026-W15')).toMatchObject({ state: 'sent', messageId: 'm1', attempts: 2, sentAt: later(5) });
  });

  it('only the owner fails its claim; a landed post still wins over a failure', async () => {
    const { claims } = t.store.spotlight;
    await claims.acquire(request(subId, { id: 'aaa' }));
    expect(await claims.markFailed('aaa', 'intruder', { kind: 'permanent', reason: 'x', attempts: 1, at: later(1) })).toBe(false);
    expect(await claims.markFailed('aaa', 'p1', { kind: 'permanent', reason: 'Unknown Channel (10003)', attempts: 1, at: later(1) })).toBe(true);
    expect(await claims.get(subId, '2026-W15')).toMatchObject({
      state: 'failed',
      failureKind: 'permanent',
      failureReason: 'Unknown Channel (10003)',
      attempts: 1,
    });
    expect(await claims.markSent('aaa', { messageId: 'm1', attempts: 1, at: later(2) })).toBe(true);
    expect(await claims.get(subId, '2026-W15')).toMatchObject({ state: 'sent', attempts: 2 });
    expect((await claims.get(subId, '2026-W15'))?.failureReason).toBeUndefined();
  });

  it('hands a stale claim to exactly one taker, once; then it can only be abandoned', async () => {
    const { claims } = t.store.spotlight;
    const other = (await t.reopen()).spotlight.claims;
    await claims.acquire(request(subId, { id: 'aaa', leaseUntil: later(60_000) }));
    expect(await claims.stale(later(59_000))).toHaveLength(0);
    expect(await claims.takeOver('aaa', 'p2', later(59_000), later(200_000))).toBeUndefined();
    expect((await claims.stale(later(60_000))).map((c) => c.id)).toEqual(['aaa']);
    const a = await claims.takeOver('aaa', 'p2', later(61_000), later(181_000));
    const b = await other.takeOver('aaa', 'p3', later(61_000), later(181_000));
    expect(a).toMatchObject({ owner: 'p2', recoveries: 1 });
    expect(b).toBeUndefined();
    // p2 crashes too: its lease ends, and the claim has had its one retry.
    expect(await claims.takeOver('aaa', 'p3', later(200_000), later(300_000))).toBeUndefined();
    expect(await claims.abandon('aaa', 'gave up', later(200_000))).toBe(true);
    expect(await claims.get(subId, '2026-W15')).toMatchObject({ state: 'failed', failureKind: 'abandoned', failureReason: 'gave up' });
  });

  it('lets a proved-dead owner’s claim be taken over before its lease ends, keeping claimed_at', async () => {
    const { claims } = t.store.spotlight;
    await claims.acquire(request(subId, { id: 'aaa', owner: 'dead', leaseUntil: later(60_000) }));
    expect((await claims.inFlight()).map((c) => c.id)).toEqual(['aaa']);
    // Within the lease: only naming the very owner that was proved dead wins it.
    expect(await claims.takeOver('aaa', 'p2', later(1_000), later(121_000))).toBeUndefined();
    expect(await claims.takeOver('aaa', 'p2', later(1_000), later(121_000), 'someone-else')).toBeUndefined();
    expect(await claims.abandon('aaa', 'x', later(1_000), 'someone-else')).toBe(false);
    const taken = await claims.takeOver('aaa', 'p2', later(1_000), later(121_000), 'dead');
    expect(taken).toMatchObject({ owner: 'p2', recoveries: 1, claimedAt: T0, leaseUntil: later(121_000) });
    // p2 dies too: its claim can be settled the same way, before its lease ends.
    expect(await claims.takeOver('aaa', 'p3', later(2_000), later(122_000), 'p2')).toBeUndefined();
    expect(await claims.abandon('aaa', 'gave up', later(2_000), 'p2')).toBe(true);
    expect(await claims.inFlight()).toEqual([]);
  });

  it('moves the lease only for its owner while in flight', async () => {
    const { claims } = t.store.spotlight;
    await claims.acquire(request(subId, { id: 'aaa' }));
    expect(await claims.setLease('aaa', 'p2', later(1))).toBe(false);
    expect(await claims.setLease('aaa', 'p1', later(1))).toBe(true);
    expect((await claims.stale(later(1))).map((c) => c.id)).toEqual(['aaa']);
  });

  it('re-arms this week’s failed claim on resume, under the same id', async () => {
    const { claims, subscriptions } = t.store.spotlight;
    await claims.acquire(request(subId, { id: 'aaa' }));
    await claims.markFailed('aaa', 'p1', { kind: 'permanent', reason: 'Missing Access', attempts: 1, at: later(1) });
    await subscriptions.pause(subId, 'Missing Access', later(1));
    expect(await claims.acquire(request(subId, { id: 'bbb' }))).toMatchObject({ won: false, existing: { id: 'aaa', state: 'failed' } });
    await subscriptions.resume(subId, '2026-W15');
    expect(await claims.get(subId, '2026-W15')).toMatchObject({ retryAllowed: true });
    const again = await claims.acquire(request(subId, { id: 'ccc', owner: 'p2' }));
    expect(again).toMatchObject({ won: true, claim: { id: 'aaa', state: 'claimed', owner: 'p2', retryAllowed: false } });
    expect(await claims.acquire(request(subId, { id: 'ddd' }))).toMatchObject({ won: false });
  });

  it('derives the rotation state from claims: failed sends do not count as shown', async () => {
    const { claims, subscriptions } = t.store.spotlight;
    expect(await claims.rotation(subId)).toEqual({ seed: 42, cycle: 0, seen: [] });
    await claims.acquire(request(subId, { id: 'w1', weekKey: '2026-W15', roleId: 'a' }));
    await claims.markSent('w1', { messageId: 'm', attempts: 1, at: later(1) });
    await claims.acquire(request(subId, { id: 'w2', weekKey: '2026-W16', roleId: 'b' }));
    await claims.markFailed('w2', 'p1', { kind: 'temporary', reason: '503', attempts: 4, at: later(2) });
    expect(await claims.rotation(subId)).toEqual({ seed: 42, cycle: 0, seen: ['a'], lastRoleId: 'a' });
    await claims.acquire(request(subId, { id: 'w3', weekKey: '2026-W17', roleId: 'c', cycle: 1 }));
    expect(await claims.rotation(subId)).toEqual({ seed: 42, cycle: 1, seen: ['c'], lastRoleId: 'c' });
    expect((await subscriptions.byId(subId))?.rotationCycle).toBe(1);
    expect((await claims.history(subId, 2)).map((c) => c.id)).toEqual(['w3', 'w2']);
  });

  it('removes claims with their subscription row (foreign key)', async () => {
    const { claims } = t.store.spotlight;
    await claims.acquire(request(subId, { id: 'aaa' }));
    await t.deleteSubscriptionRow(subId);
    expect(await claims.get(subId, '2026-W15')).toBeUndefined();
  });
});

describe.each(kinds)('store basics ($name)', (kind) => {
  let t: OpenedStore;
  beforeEach(async () => (t = await kind.open()));
  afterEach(() => t.cleanup());

  it('refuses a claim id longer than Discord’s 25-character nonce', async () => {
    const { subscription } = await t.store.spotlight.subscriptions.upsert(newSub('c1'), T0);
    await expect(t.store.spotlight.claims.acquire(request(subscription.id, { id: 'x'.repeat(26) }))).rejects.toThrow(/check/i);
  });

  it('keeps a thread’s comparison and replaces it on the next put', async () => {
    const key = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', threadTs: '1712.0001' } as const;
    expect(await t.store.threads.get(key)).toBeUndefined();
    await t.store.threads.put(key, { roles: ['ai-engineer', 'ml-engineer'], market: 'both' });
    await t.store.threads.put(key, { roles: ['ai-engineer', 'ml-engineer', 'rag-engineer'], market: 'india' });
    const got = await t.store.threads.get(key);
    expect(got).toMatchObject({ roles: ['ai-engineer', 'ml-engineer', 'rag-engineer'], market: 'india' });
    expect(got!.updatedAt).toBeInstanceOf(Date);
    expect(await t.store.threads.get({ ...key, threadTs: '1712.0002' })).toBeUndefined();
  });

  it('sees an event once across connections, and prunes old ones', async () => {
    const other = await t.reopen();
    const results = await Promise.all([t.store.events.firstSeen('slack', 'Ev1'), other.events.firstSeen('slack', 'Ev1')]);
    expect(results.sort()).toEqual([false, true]);
    expect(await t.store.events.firstSeen('discord', 'Ev1')).toBe(true);
    expect(await t.store.events.prune(new Date(Date.now() - 60_000))).toBe(0);
    expect(await t.store.events.prune(new Date(Date.now() + 60_000))).toBe(2);
    expect(await t.store.events.firstSeen('slack', 'Ev1')).toBe(true);
  });

  it('lets exactly one of many concurrent subscribers create a channel’s subscription', async () => {
    const other = await t.reopen();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : t.store).spotlight.subscriptions.upsert(newSub('race', { createdBy: `u${i}` }), T0)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.subscription.id)).size).toBe(1);
  });

  it('reports its health, and not ok once closed', async () => {
    expect(await t.store.health()).toMatchObject({ ok: true, detail: expect.stringContaining(`schema v${Math.max(...migrations.map((m) => m.version))}`) });
    await t.store.close();
    expect(await t.store.health()).toEqual({ ok: false, detail: 'closed' });
  });
});
