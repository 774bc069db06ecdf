import type { Role } from './schema/role.js';
import type { CareerPaths } from './career-path.js';
import { skillKey } from './skills.js';

export interface SkillOverlap {
  /** Must-haves every compared role lists (in the first role's wording). */
  shared: string[];
  /** Per role, in the same order as the roles: must-haves no other compared role lists. */
  distinct: string[][];
  /** Distinct must-have skills across all roles; `shared.length` of these are shared. */
  total: number;
}

export interface ProgressionLink {
  from: Role;
  to: Role;
  /** Moves from one to the other; 1 when listed directly in the role's career progression. */
  steps: number;
}

export interface Comparison {
  roles: Role[];
  skills: SkillOverlap;
  /** Where one compared role lies on the other's career progression. */
  links: ProgressionLink[];
}

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

/** Lays 2–4 distinct roles side by side. */
export function compareRoles(paths: CareerPaths, roles: Role[]): Comparison {
  if (roles.length < MIN_COMPARE || roles.length > MAX_COMPARE) {
    throw new RangeError(`compare takes ${MIN_COMPARE} to ${MAX_COMPARE} roles, got ${roles.length}`);
  }
  const keyed = roles.map((r) => new Map(r.mustHave.map((s) => [skillKey(s), s])));
  const all = new Set(keyed.flatMap((m) => [...m.keys()]));
  const sharedKeys = [...keyed[0]!.keys()].filter((k) => keyed.every((m) => m.has(k)));
  const shared = sharedKeys.map((k) => keyed[0]!.get(k)!);
  const distinct = keyed.map((m, i) =>
    [...m.entries()].filter(([k]) => keyed.every((other, j) => j === i || !other.has(k))).map(([, s]) => s),
  );

  const links: ProgressionLink[] = [];
  for (const a of roles) {
    for (const b of roles) {
      if (a === b) continue;
      const result = paths.find(a.id, b.id);
      if (result.status === 'found' && result.steps.length <= 3) links.push({ from: a, to: b, steps: result.steps.length });
    }
  }
  return { roles, skills: { shared, distinct, total: all.size }, links };
}
