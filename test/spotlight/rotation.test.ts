import { afterEach, assert, beforeEach, describe, expect, it } from 'vitest';
import { cycleOrder, featuredRole, nextRole } from '../../src/spotlight/rotation.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { spotlightFor } from '../../src/views/cards/spotlight.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { SubscribeInput } from '../../src/spotlight/input.js';
import { FakeClock, FakePoster, tempStore, testCore } from './helpers.js';

const WEEK = 7 * 86_400_000;
/** Monday 2026-01-05 15:00 UTC, the default slot of ISO week 2026-W02. */
const FIRST_SLOT = new Date('2026-01-05T15:00:00Z').getTime();
const core = testCore();
const catalogue = core.kb.roles.map((r) => r.id);
const channel = { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' };

/** Posts `weeks` consecutive weekly spotlights; returns the role ids in order. */
async function runWeeks(store: SqliteStore, clock: FakeClock, poster: FakePoster, from: number, weeks: number, seed = 0.25): Promise<string[]> {
  const service = new SpotlightService({ store, core, clock, posters: [poster], random: () => seed });
  const roles: string[] = [];
  for (let w = from; w < from + weeks; w++) {
    clock.set(new Date(FIRST_SLOT + w * WEEK + 60_000));
    const summary = await service.runOnce(clock.now());
    expect(summary.posted).toBe(1);
    roles.push(summary.outcomes[0]!.roleId!);
  }
  return roles;
}

describe('rotation (pure)', () => {
  it('is reproducible from the seed, and each cycle has its own order', () => {
    expect(cycleOrder(catalogue, 123, 0)).toEqual(cycleOrder([...catalogue].reverse(), 123, 0));
    expect(cycleOrder(catalogue, 123, 0)).not.toEqual(cycleOrder(catalogue, 124, 0));
    expect(cycleOrder(catalogue, 123, 1)).not.toEqual(cycleOrder(catalogue, 123, 0));
    expect([...cycleOrder(catalogue, 123, 5)].sort()).toEqual([...catalogue].sort());
  });

  it('does not repeat the last role across a cycle boundary when another is available', () => {
    // Find a seed whose next cycle starts with the role the previous cycle ended on.
    const seed = Array.from({ length: 5000 }, (_, i) => i).find((s) => cycleOrder(catalogue, s, 1)[0] === cycleOrder(catalogue, s, 0).at(-1));
    expect(seed).toBeDefined();
    const last = cycleOrder(catalogue, seed!, 0).at(-1)!;
    const pick = nextRole({ seed: seed!, cycle: 0, seen: catalogue, lastRoleId: last }, catalogue, new Set(catalogue));
    expect(pick).toEqual({ roleId: cycleOrder(catalogue, seed!, 1)[1], cycle: 1 });
    // A one-role filter has no alternative: the repeat is unavoidable.
    expect(nextRole({ seed: 1, cycle: 0, seen: ['ai-engineer'], lastRoleId: 'ai-engineer' }, catalogue, new Set(['ai-engineer']))).toEqual({
      roleId: 'ai-engineer',
      cycle: 1,
    });
  });

  it('keeps the rest of the cycle free of repeats when the filter changes mid-cycle', () => {
    const l5 = new Set(core.browse({ layer: 'L5' }).map((r) => r.id));
    const state = { seed: 9, cycle: 0, seen: [] as string[] };
    for (let i = 0; i < 10; i++) {
      const pick = nextRole({ ...state, ...(state.seen.length ? { lastRoleId: state.seen.at(-1)! } : {}) }, catalogue, new Set(catalogue))!;
      state.seen.push(pick.roleId);
    }
    const unseenL5 = [...l5].filter((id) => !state.seen.includes(id));
    const picks: string[] = [];
    for (let i = 0; i < unseenL5.length; i++) {
      const pick = nextRole({ ...state, lastRoleId: state.seen.at(-1)! }, catalogue, l5)!;
      expect(pick.cycle).toBe(0);
      picks.push(pick.roleId);
      state.seen.push(pick.roleId);
    }
    expect(picks.sort()).toEqual(unseenL5.sort());
    // Every L5 role has now had its week in cycle 0: the next pick opens cycle 1.
    expect(nextRole({ ...state, lastRoleId: state.seen.at(-1)! }, catalogue, l5)?.cycle).toBe(1);
  });

  it('survives data edits: removed roles are ignored, an added role joins the cycle, nothing repeats', () => {
    const seen = catalogue.slice(0, 20);
    const edited = [...catalogue.filter((id) => id !== catalogue[25]), 'new-role'];
    const eligible = new Set(edited);
    const picks: string[] = [];
    let state = { seed: 3, cycle: 0, seen: [...seen] };
    for (;;) {
      const pick = nextRole(state, edited, eligible)!;
      if (pick.cycle !== 0) break;
      picks.push(pick.roleId);
      state = { ...state, seen: [...state.seen, pick.roleId] };
    }
    expect(picks.sort()).toEqual(edited.filter((id) => !seen.includes(id)).sort());
    expect(nextRole(state, edited, new Set())).toBeUndefined();
  });
});

describe('workspace-wide featured role (App Home)', () => {
  it('walks every role once per cycle, never the same role two weeks running', () => {
    const weeks = Array.from({ length: 31 * 6 }, (_, i) => featuredRole(catalogue, i));
    for (let c = 0; c < 6; c++) expect(new Set(weeks.slice(c * 31, c * 31 + 31)).size).toBe(31);
    expect(weeks.every((id, i) => i === 0 || id !== weeks[i - 1])).toBe(true);
  });

  it('is the same for every process: a pure function of the UTC week', async () => {
    const t = tempStore();
    try {
      const a = new SpotlightService({ store: t.store, core }).featured(new Date('2026-04-08T12:00:00Z'));
      const b = new SpotlightService({ store: t.reopen(), core }).featured(new Date('2026-04-12T23:59:00Z'));
      expect(a.roleId).toBe(b.roleId);
      expect(a).toMatchObject({ weekKey: '2026-W15' });
      expect(spotlightFor(core, a.roleId)).toMatchObject({ kind: 'spotlight' });
      expect(new SpotlightService({ store: t.store, core }).featured(new Date('2026-04-13T00:00:00Z')).roleId).not.toBe(a.roleId);
    } finally {
      await t.cleanup();
    }
  });
});

describe('weekly rotation through the service', () => {
  let t: ReturnType<typeof tempStore>;
  let clock: FakeClock;
  let poster: FakePoster;
  beforeEach(async () => {
    t = tempStore();
    clock = new FakeClock(new Date(FIRST_SLOT - 86_400_000));
    poster = new FakePoster('discord', { clock });
  });
  afterEach(() => t.cleanup());

  async function subscribe(store: SqliteStore, extra: Partial<SubscribeInput> = {}, seed = 0.25) {
    const service = new SpotlightService({ store, core, clock, random: () => seed });
    const res = await service.subscribe({ channel, createdBy: 'u1', ...extra });
    expect(res.ok).toBe(true);
    return service;
  }

  it('shows all 31 roles in 31 consecutive weeks, then a new order without a back-to-back repeat', async () => {
    await subscribe(t.store);
    const roles = await runWeeks(t.store, clock, poster, 0, 62);
    const [first, second] = [roles.slice(0, 31), roles.slice(31)];
    expect(new Set(first).size).toBe(31);
    expect([...first].sort()).toEqual([...catalogue].sort());
    expect([...second].sort()).toEqual([...catalogue].sort());
    expect(second).not.toEqual(first);
    expect(second[0]).not.toBe(first[30]);
    expect(poster.posts).toHaveLength(62);
    expect((await t.store.spotlight.subscriptions.get(channel))?.rotationCycle).toBe(1);
  });

  it('is reproducible from the seed, and a restart does not change the week’s role', async () => {
    await subscribe(t.store);
    const uninterrupted = await runWeeks(t.store, clock, poster, 0, 12);
    const other = tempStore();
    try {
      clock.set(new Date(FIRST_SLOT - 86_400_000)); // subscribed at the same moment as the first
      await subscribe(other.store);
      const before = await runWeeks(other.store, clock, poster, 0, 5);
      // "Restart": a new connection and a new service; preview first, then post.
      const reopened = other.reopen();
      const service = new SpotlightService({ store: reopened, core, clock, posters: [poster] });
      clock.set(new Date(FIRST_SLOT + 5 * WEEK - 3_600_000));
      const preview = await service.preview(channel);
      assert(preview.ok);
      const after = await runWeeks(reopened, clock, poster, 5, 7);
      expect(preview.roleId).toBe(after[0]);
      expect([...before, ...after]).toEqual(uninterrupted);
    } finally {
      await other.cleanup();
    }
    const differentSeed = tempStore();
    try {
      clock.set(new Date(FIRST_SLOT - 86_400_000));
      await subscribe(differentSeed.store, {}, 0.75);
      expect(await runWeeks(differentSeed.store, clock, poster, 0, 12, 0.75)).not.toEqual(uninterrupted);
    } finally {
      await differentSeed.cleanup();
    }
  });

  it('rotates only through the roles that pass the filter', async () => {
    await subscribe(t.store, { difficulty: 'elite' });
    const elite = core
      .browse({ difficulty: 'elite' })
      .map((r) => r.id)
      .sort();
    const roles = await runWeeks(t.store, clock, poster, 0, elite.length * 2);
    expect(roles.slice(0, elite.length).sort()).toEqual(elite);
    expect(roles.slice(elite.length).sort()).toEqual(elite);
    expect(roles[elite.length]).not.toBe(roles[elite.length - 1]);
  });

  it('narrowing the filter mid-cycle skips roles already shown', async () => {
    const service = await subscribe(t.store);
    const early = await runWeeks(t.store, clock, poster, 0, 10);
    await service.subscribe({ channel, createdBy: 'u1', layer: 'L4' });
    const l4 = core.browse({ layer: 'L4' }).map((r) => r.id);
    const unseen = l4.filter((id) => !early.includes(id));
    const later = await runWeeks(t.store, clock, poster, 10, unseen.length + 1);
    expect(later.slice(0, unseen.length).sort()).toEqual([...unseen].sort());
    // Then the next cycle starts over all L4 roles.
    expect(l4).toContain(later.at(-1));
  });
});
