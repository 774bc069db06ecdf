import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statusView } from '../../commands/spotlight-views.js';
import { Metrics } from '../../src/observability/metrics.js';
import { SpotlightService, type SpotlightServiceOptions } from '../../src/spotlight/service.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FakeClock, FakePoster, tempStore, testCore, type Behaviour } from './helpers.js';

const core = testCore();
const MONDAY = '2026-04-06T15:00:00Z'; // 2026-W15's default slot
const channel = (id: string) => ({ platform: 'discord' as const, workspaceId: 'g1', channelId: id });

describe('delivery: exactly once, crashes, catch-up, failures', () => {
  let t: ReturnType<typeof tempStore>;
  let clock: FakeClock;
  let metrics: Metrics;
  beforeEach(() => {
    t = tempStore();
    clock = new FakeClock('2026-04-01T00:00:00Z');
    metrics = new Metrics();
  });
  afterEach(() => t.cleanup());

  function service(posters: FakePoster[], extra: Partial<SpotlightServiceOptions> = {}, store: SqliteStore = t.store) {
    return new SpotlightService({ store, core, clock, metrics, posters, random: () => 0.5, ...extra });
  }

  async function subscribe(ids: string[]) {
    const s = service([]);
    for (const id of ids) expect((await s.subscribe({ channel: channel(id), createdBy: 'u1' })).ok).toBe(true);
  }

  it('posts a due spotlight once; running again the same week posts nothing', async () => {
    await subscribe(['c1', 'c2']);
    const poster = new FakePoster('discord', { clock });
    const s = service([poster]);
    clock.set('2026-04-06T14:59:00Z');
    expect(await s.runOnce(clock.now())).toMatchObject({ due: 0, posted: 0 });
    clock.set(MONDAY);
    expect(await s.runOnce(clock.now())).toMatchObject({ due: 2, posted: 2, skipped: 0, failed: 0 });
    clock.set('2026-04-08T10:00:00Z');
    expect(await s.runOnce(clock.now())).toMatchObject({ due: 2, posted: 0, skipped: 2 });
    expect(poster.posts).toHaveLength(2);
    const claim = await t.store.spotlight.claims.get(1, '2026-W15');
    expect(claim).toMatchObject({ state: 'sent', messageId: 'discord-1', attempts: 1 });
    expect(claim!.id.length).toBeLessThanOrEqual(25);
    expect(poster.posts[0]!.claimId).toBe(claim!.id);
    expect((await metrics.spotlightPosts.get()).values[0]?.value).toBe(2);
  });

  it('catches up after downtime: this week’s missed spotlight posts once, older weeks are not replayed', async () => {
    await subscribe(['c1']);
    const poster = new FakePoster('discord', { clock });
    // Down from before W14's slot until Wednesday of W15.
    clock.set('2026-04-08T09:00:00Z');
    const summary = await service([poster]).runOnce(clock.now());
    expect(summary).toMatchObject({ due: 1, posted: 1 });
    expect(summary.outcomes[0]?.weekKey).toBe('2026-W15');
    expect(await t.store.spotlight.claims.get(1, '2026-W14')).toBeUndefined();
    expect(await service([poster]).runOnce(clock.now())).toMatchObject({ posted: 0, skipped: 1 });
    expect(poster.posts).toHaveLength(1);
  });

  it('retries a claim left by a crash once, at the next start, without a duplicate', async () => {
    await subscribe(['c1']);
    clock.set(MONDAY);
    // Process A claims, then dies mid-send: its clock never moves again and its send never returns.
    const frozen = new FakeClock(MONDAY, false);
    const a = service([new FakePoster('discord', { clock: frozen, script: () => 'hang' })], { clock: frozen });
    void a.runOnce(frozen.now());
    await new Promise((r) => setImmediate(r));
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'claimed', recoveries: 0 });

    // Process B starts within A's lease: a live process might still be sending, so hands off.
    const poster = new FakePoster('discord', { clock });
    clock.set('2026-04-06T15:01:00Z');
    const within = await service([poster], {}, t.reopen()).runOnce(clock.now());
    expect(within).toMatchObject({ posted: 0, skipped: 1, recovered: 0 });
    // Said so: which claim, held by whom, until when.
    expect(within.held).toEqual([
      {
        subscriptionId: 1,
        weekKey: '2026-W15',
        claimId: within.outcomes[0]!.claimId,
        holder: expect.stringMatching(new RegExp(`^pid ${process.pid} on `)),
        until: new Date('2026-04-06T15:02:00Z'),
      },
    ]);
    expect(within.outcomes[0]!.reason).toMatch(/^being sent by another run \(pid \d+ on .+\) until 2026-04-06T15:02:00.000Z$/);
    // After the lease (2 min by default) the claim is retried, under the same id.
    clock.set('2026-04-06T15:03:00Z');
    const b = service([poster], {}, t.reopen());
    expect(await b.runOnce(clock.now())).toMatchObject({ posted: 1, recovered: 1, due: 1 });
    const claim = await t.store.spotlight.claims.get(1, '2026-W15');
    expect(claim).toMatchObject({ state: 'sent', recoveries: 1 });
    expect(poster.posts.map((p) => p.claimId)).toEqual([claim!.id]);
    expect(await b.runOnce(clock.now())).toMatchObject({ posted: 0, recovered: 0 });
  });

  it('a send that crashes twice is marked failed, not retried a third time', async () => {
    await subscribe(['c1']);
    const frozen = new FakeClock(MONDAY, false);
    const hang = () => new FakePoster('discord', { clock: frozen, script: () => 'hang' });
    void service([hang()], { clock: frozen }).runOnce(frozen.now());
    await new Promise((r) => setImmediate(r));
    frozen.set('2026-04-06T15:03:00Z');
    void service([hang()], { clock: frozen }, t.reopen()).runOnce(frozen.now());
    await new Promise((r) => setImmediate(r));
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'claimed', recoveries: 1 });
    clock.set('2026-04-06T15:10:00Z');
    const poster = new FakePoster('discord', { clock });
    expect(await service([poster], {}, t.reopen()).runOnce(clock.now())).toMatchObject({ posted: 0, recovered: 0 });
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'failed', failureKind: 'abandoned' });
    expect(poster.calls).toHaveLength(0);
  });

  it('Discord: a crash after the platform accepted is deduplicated by the claim id as nonce', async () => {
    await subscribe(['c1']);
    const frozen = new FakeClock(MONDAY, false);
    const discord = new FakePoster('discord', { clock, dedupeNonce: true });
    // Accepted by "Discord", then the process died before marking it sent.
    const crashing = {
      platform: 'discord' as const,
      post: (...args: Parameters<FakePoster['post']>) => {
        void discord.post(...args);
        return new Promise<never>(() => {});
      },
    };
    void new SpotlightService({ store: t.store, core, clock: frozen, posters: [crashing] }).runOnce(frozen.now());
    await new Promise((r) => setImmediate(r));
    expect(discord.posts).toHaveLength(1);
    clock.set('2026-04-06T15:05:00Z');
    expect(await service([discord], {}, t.reopen()).runOnce(clock.now())).toMatchObject({ posted: 1, recovered: 1 });
    expect(discord.posts).toHaveLength(1);
    expect(discord.calls).toHaveLength(2);
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'sent', messageId: 'discord-1' });
  });

  it('settles a crashed claim from an earlier week instead of replaying it: its role goes back into the rotation', async () => {
    await subscribe(['c1']);
    const frozen = new FakeClock(MONDAY, false);
    void service([new FakePoster('discord', { clock: frozen, script: () => 'hang' })], { clock: frozen }).runOnce(frozen.now());
    await new Promise((r) => setImmediate(r));
    clock.set('2026-04-14T09:00:00Z'); // Tuesday of W16, before nothing: W16's slot has passed too
    const poster = new FakePoster('discord', { clock });
    const summary = await service([poster], {}, t.reopen()).runOnce(clock.now());
    expect(summary).toMatchObject({ posted: 1, recovered: 1 });
    const w15 = await t.store.spotlight.claims.get(1, '2026-W15');
    expect(w15).toMatchObject({ state: 'failed', failureKind: 'abandoned' });
    expect(w15!.failureReason).toContain('its role goes back into the rotation');
    const w16 = summary.outcomes.find((o) => o.status === 'posted')!;
    expect(w16.weekKey).toBe('2026-W16');
    // The role W15 never showed is not lost: it is the one W16 posts.
    expect(w16.roleId).toBe(w15!.roleId);
  });

  it('pauses a permanently failing channel, shows why, and does not retry it until resumed', async () => {
    await subscribe(['ok', 'gone']);
    let access = false;
    const script = (target: { channelId: string }): Behaviour =>
      target.channelId === 'gone' && !access ? { ok: false, kind: 'permanent', reason: 'Missing Access (50001)' } : 'accept';
    const poster = new FakePoster('discord', { clock, script });
    const s = service([poster]);
    clock.set(MONDAY);
    expect(await s.runOnce(clock.now())).toMatchObject({ due: 2, posted: 1, failed: 1 });
    const status = await s.status(channel('gone'));
    expect(status.subscription).toMatchObject({ status: 'paused', pausedReason: 'the bot cannot post here: Missing Access (50001)' });
    expect(statusView(core, status).fields.find((f) => f.label === 'Status')?.value).toContain('Missing Access (50001)');
    expect((await metrics.spotlightPaused.get()).values[0]?.value).toBe(1);
    expect((await metrics.spotlightFailures.get()).values).toEqual([expect.objectContaining({ value: 1, labels: { platform: 'discord', kind: 'permanent' } })]);

    const callsAfterFailure = poster.calls.length;
    for (const at of ['2026-04-06T15:01:00Z', '2026-04-07T10:00:00Z', '2026-04-13T15:00:00Z']) {
      clock.set(at);
      await s.runOnce(clock.now());
    }
    expect(poster.calls.filter((c) => c.channelId === 'gone')).toHaveLength(1);
    expect(poster.calls.length).toBe(callsAfterFailure + 1); // only 'ok', for W16

    access = true;
    clock.set('2026-04-14T09:00:00Z');
    expect((await s.resume(channel('gone'))).ok).toBe(true);
    expect(await s.runOnce(clock.now())).toMatchObject({ posted: 1 });
    expect(poster.posts.filter((p) => p.channelId === 'gone')).toHaveLength(1);
    expect((await metrics.spotlightPaused.get()).values[0]?.value).toBe(0);
  });

  it('resuming in the same week retries that week’s failed spotlight under the same claim id', async () => {
    await subscribe(['c1']);
    let fail = true;
    const poster = new FakePoster('discord', { clock, script: () => (fail ? { ok: false, kind: 'permanent', reason: 'Unknown Channel (10003)' } : 'accept') });
    const s = service([poster]);
    clock.set(MONDAY);
    await s.runOnce(clock.now());
    fail = false;
    await s.resume(channel('c1'));
    expect(await s.runOnce(clock.now())).toMatchObject({ posted: 1 });
    expect(new Set(poster.calls.map((c) => c.claimId)).size).toBe(1);
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('retries temporary failures with growing backoff, honouring Retry-After', async () => {
    await subscribe(['c1']);
    const answers: Behaviour[] = [
      { ok: false, kind: 'temporary', reason: '503' },
      { ok: false, kind: 'temporary', reason: '429', retryAfterMs: 1234 },
      { ok: false, kind: 'temporary', reason: '502' },
    ];
    const poster = new FakePoster('discord', { clock, script: (_, call) => answers[call - 1] ?? 'accept' });
    clock.set(MONDAY);
    const summary = await service([poster], { random: () => 1 }).runOnce(clock.now());
    expect(summary).toMatchObject({ posted: 1, failed: 0 });
    // Backoff sleeps (the 10 s attempt timeouts are the other sleeps): 1 s, then Retry-After, then 4 s.
    expect(clock.sleeps.filter((ms) => ms !== 10_000)).toEqual([1000, 1234, 4000]);
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'sent', attempts: 4 });
    expect((await metrics.spotlightFailures.get()).values[0]).toMatchObject({ value: 3, labels: { kind: 'temporary' } });
  });

  it('gives up after the bounded attempts (timeouts included), not retried by ticks, only by postNow', async () => {
    await subscribe(['c1']);
    let healthy = false;
    const poster = new FakePoster('discord', {
      clock,
      script: (_, call) => (healthy ? 'accept' : call === 1 ? 'hang-until-aborted' : { ok: false, kind: 'temporary', reason: '500' }),
    });
    clock.set(MONDAY);
    const s = service([poster], { retry: { maxAttempts: 3 } });
    const summary = await s.runOnce(clock.now());
    expect(summary).toMatchObject({ posted: 0, failed: 1 });
    expect(poster.calls).toHaveLength(3);
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'failed', failureKind: 'temporary', failureReason: '500', attempts: 3 });
    expect((await s.status(channel('c1'))).subscription?.status).toBe('active');
    clock.set('2026-04-06T15:01:00Z');
    expect(await s.runOnce(clock.now())).toMatchObject({ posted: 0, skipped: 1 });
    expect(poster.calls).toHaveLength(3);
    // A manager's explicit "post now" retries the failed week, under the same claim id.
    healthy = true;
    expect(await s.postNow(channel('c1'))).toMatchObject({ ok: true, outcome: { status: 'posted' } });
    expect(new Set(poster.calls.map((c) => c.claimId)).size).toBe(1);
    expect((await s.postNow(channel('c1'))).ok).toBe(false);
    expect(poster.posts).toHaveLength(1);
  });

  it('stop(): lets the send in flight finish, takes no new work, leaves no half-done claim', async () => {
    await subscribe(['c1', 'c2', 'c3']);
    const poster = new FakePoster('discord', { clock, latencyMs: 500 });
    const s = service([poster], { concurrency: 1 });
    clock.set(MONDAY);
    const run = s.runOnce(clock.now());
    await new Promise((r) => setImmediate(r));
    await s.stop();
    const summary = await run;
    expect(summary).toMatchObject({ posted: 1, skipped: 2 });
    const states = await Promise.all([1, 2, 3].map((id) => t.store.spotlight.claims.get(id, '2026-W15')));
    expect(states.map((c) => c?.state)).toEqual(['sent', undefined, undefined]);
    // The next start posts the other two as this week's catch-up.
    expect(await service([poster]).runOnce(clock.now())).toMatchObject({ posted: 2, skipped: 1 });
  });

  it('stop() during a backoff hands the claim straight to recovery', async () => {
    await subscribe(['c1']);
    const poster = new FakePoster('discord', { clock, script: (_, call) => (call === 1 ? { ok: false, kind: 'temporary', reason: '503' } : 'accept') });
    const manual = new FakeClock(MONDAY, false);
    const s = new SpotlightService({ store: t.store, core, clock: manual, posters: [poster], random: () => 0.5 });
    const run = s.runOnce(manual.now());
    while (manual.pending === 0 || poster.calls.length === 0) await new Promise((r) => setImmediate(r));
    await s.stop();
    expect(await run).toMatchObject({ posted: 0, skipped: 1 });
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'claimed', leaseUntil: new Date(MONDAY) });
    clock.set(MONDAY);
    expect(await service([poster], {}, t.reopen()).runOnce(clock.now())).toMatchObject({ posted: 1, recovered: 1 });
  });

  it('never spends a crashed claim’s one retry where it cannot be sent (stopping, or no poster)', async () => {
    await subscribe(['c1']);
    const frozen = new FakeClock(MONDAY, false);
    void service([new FakePoster('discord', { clock: frozen, script: () => 'hang' })], { clock: frozen }).runOnce(frozen.now());
    await new Promise((r) => setImmediate(r));
    clock.set('2026-04-06T15:05:00Z');
    const slackOnly = service([new FakePoster('slack', { clock })], {}, t.reopen());
    expect(await slackOnly.runOnce(clock.now())).toMatchObject({ recovered: 0, posted: 0 });
    const stopped = service([new FakePoster('discord', { clock })], {}, t.reopen());
    await stopped.stop();
    expect(await stopped.runOnce(clock.now())).toMatchObject({ due: 0, recovered: 0 });
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toMatchObject({ state: 'claimed', recoveries: 0 });
    const poster = new FakePoster('discord', { clock });
    expect(await service([poster], {}, t.reopen()).runOnce(clock.now())).toMatchObject({ recovered: 1, posted: 1 });
  });

  it('does not claim for a platform this process cannot post to', async () => {
    await subscribe(['c1']);
    clock.set(MONDAY);
    const summary = await service([new FakePoster('slack', { clock })]).runOnce(clock.now());
    expect(summary).toMatchObject({ due: 1, posted: 0, skipped: 1 });
    expect(summary.outcomes[0]?.reason).toBe('no discord poster configured');
    expect(await t.store.spotlight.claims.get(1, '2026-W15')).toBeUndefined();
  });
});
