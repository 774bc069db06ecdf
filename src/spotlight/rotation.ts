import type { RoleId } from '../core/schema/common.js';
import type { RotationState } from '../store/spotlight-store.js';

/**
 * The per-channel rotation. Each cycle is a shuffle of the whole role catalogue, reproducible
 * from (seed, cycle); a channel's filter is applied to that order, and roles already shown in
 * the cycle are skipped. The week's role is therefore a pure function of persistent state
 * (seed, cycle number, roles shown this cycle, last role shown), so restarts never change it.
 *
 * Why shuffle the whole catalogue rather than the filtered roles: changing the filter mid-cycle
 * keeps the relative order of the roles still to come, and a role shown this cycle is not shown
 * again until every eligible role has had its week. A data edit that adds or removes a role
 * reshuffles the rest of the cycle (Fisher–Yates depends on the length) but still never
 * repeats a role within the cycle; roles that no longer exist are ignored.
 */

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; plenty for shuffling 31 items. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes seed and cycle (murmur3's finaliser) so consecutive cycles get unrelated orders. */
export function cycleSeed(seed: number, cycle: number): number {
  let h = (seed ^ Math.imul(cycle + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher–Yates, driven by the PRNG; returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The catalogue's order for one cycle. Sorted first, so the data file's order does not matter. */
export function cycleOrder(catalogue: readonly RoleId[], seed: number, cycle: number): RoleId[] {
  const sorted = [...new Set(catalogue)].sort();
  return shuffle(sorted, mulberry32(cycleSeed(seed, cycle)));
}

export interface RotationPick {
  roleId: RoleId;
  /** The cycle the pick belongs to; one more than the state's when the cycle just completed. */
  cycle: number;
}

/**
 * The role for the channel's next spotlight, or undefined when no role passes the filter.
 * `catalogue` is every role id; `eligible` those passing the channel's filter.
 */
export function nextRole(state: RotationState, catalogue: readonly RoleId[], eligible: ReadonlySet<RoleId>): RotationPick | undefined {
  if (eligible.size === 0) return undefined;
  const seen = new Set(state.seen);
  let cycle = state.cycle;
  let remaining = cycleOrder(catalogue, state.seed, cycle).filter((id) => eligible.has(id) && !seen.has(id));
  if (remaining.length === 0) {
    cycle += 1;
    remaining = cycleOrder(catalogue, state.seed, cycle).filter((id) => eligible.has(id));
  }
  // Never the same role two weeks running when another is available: this only bites at a
  // cycle boundary (within a cycle the last role is already seen).
  const roleId = remaining.find((id) => id !== state.lastRoleId) ?? remaining[0]!;
  return { roleId, cycle };
}

/** The seed of the workspace-wide "role of the week" (Slack's App Home), the same everywhere. */
export const FEATURED_SEED = 0x5f07_11c7;

/**
 * The workspace-wide role for the n-th week since an epoch: cycles of the shuffled catalogue,
 * with the first two of a cycle swapped when it would repeat the previous cycle's last role.
 */
export function featuredRole(catalogue: readonly RoleId[], weekIndex: number): RoleId {
  const n = catalogue.length;
  const cycle = Math.floor(weekIndex / n);
  const order = cycleOrder(catalogue, FEATURED_SEED, cycle);
  if (cycle > 0 && n > 1 && order[0] === cycleOrder(catalogue, FEATURED_SEED, cycle - 1).at(-1)) {
    [order[0], order[1]] = [order[1]!, order[0]!];
  }
  return order[((weekIndex % n) + n) % n]!;
}

/** A fresh random seed for a new subscription. */
export function newSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 0x1_0000_0000) >>> 0;
}
