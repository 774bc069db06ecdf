import type { Role } from './schema/role.js';
import type { CareerPaths } from './career-path.js';
import { skillAtoms } from './skills.js';

/** Must-haves that overlap without being the same skill: "Docker/K8s" beside "Docker". */
export interface PartialOverlap {
  /** Each role's wording, in the order of the roles. */
  byRole: string[];
  /** The skills all of them name (normalised), e.g. ["docker"]. */
  common: string[];
}

export interface SkillOverlap {
  /** Must-haves every compared role lists as the same skill (in the first role's wording). */
  shared: string[];
  /** Must-haves every compared role touches, but with different scope. Counted apart from `shared`. */
  partial: PartialOverlap[];
  /** Per role, in the same order as the roles: must-haves no other compared role lists. */
  distinct: string[][];
  /** Distinct must-have skills across all roles (entries naming the same skill count once). */
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
  // Group must-haves across roles: entries whose atoms meet ("Docker/K8s", "Docker") are one skill.
  const groups: Array<{ atoms: Set<string>; byRole: Map<number, string> }> = [];
  roles.forEach((role, i) => {
    for (const skill of role.mustHave) {
      const atoms = skillAtoms(skill);
      const group = groups.find((g) => !g.byRole.has(i) && [...atoms].some((a) => g.atoms.has(a)));
      if (group) {
        atoms.forEach((a) => group.atoms.add(a));
        group.byRole.set(i, skill);
      } else groups.push({ atoms, byRole: new Map([[i, skill]]) });
    }
  });
  const inAll = groups.filter((g) => g.byRole.size === roles.length);
  const atomsOf = (g: (typeof groups)[number]) => roles.map((_, i) => skillAtoms(g.byRole.get(i)!));
  const same = (sets: Set<string>[]) => sets.every((a) => a.size === sets[0]!.size && [...a].every((x) => sets[0]!.has(x)));
  const shared = inAll.filter((g) => same(atomsOf(g))).map((g) => g.byRole.get(0)!);
  const partial = inAll
    .filter((g) => !same(atomsOf(g)))
    .map((g) => {
      const sets = atomsOf(g);
      return { byRole: roles.map((_, i) => g.byRole.get(i)!), common: [...sets[0]!].filter((a) => sets.every((s) => s.has(a))) };
    });
  const distinct = roles.map((_, i) => groups.filter((g) => g.byRole.size === 1 && g.byRole.has(i)).map((g) => g.byRole.get(i)!));

  const links: ProgressionLink[] = [];
  for (const a of roles) {
    for (const b of roles) {
      if (a === b) continue;
      const result = paths.find(a.id, b.id);
      if (result.status === 'found' && result.steps.length <= 3) links.push({ from: a, to: b, steps: result.steps.length });
    }
  }
  return { roles, skills: { shared, partial, distinct, total: groups.length }, links };
}
