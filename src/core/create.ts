import type { Role } from './schema/role.js';
import type { RoleId } from './schema/common.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { Resolver } from './resolve/resolver.js';
import type { Resolution } from './resolve/resolution.js';
import { CareerPaths, type CareerPathResult } from './career-path.js';
import { compareRoles, type Comparison } from './compare.js';
import { browse, type BrowseFilter } from './browse.js';
import { SkillService, type SkillLookup, type SkillMatch } from './skills.js';
import { extrasFor, type RoleExtras } from './extras.js';
import { disagreementsFor, type Disagreement } from './disagreements.js';

/**
 * The shared core every front end talks to: pure, synchronous services over the validated
 * knowledge base. It imports no chat SDK.
 */
export interface Core {
  readonly kb: KnowledgeBase;
  resolve(query: string): Resolution;
  /** Roles ranked for autocomplete. */
  suggest(query: string, limit: number): Role[];
  compare(roles: Role[]): Comparison;
  browse(filter: BrowseFilter): Role[];
  path(from: RoleId, to: RoleId): CareerPathResult;
  /** Roles one career move away. */
  nextRoles(id: RoleId): Array<{ role: Role; via: string }>;
  rolesForSkill(skill: string): SkillLookup;
  match(skills: string[], limit?: number): SkillMatch[];
  /** A skill's key when the data knows it ("torch" → "pytorch"), else undefined. */
  recogniseSkill(skill: string): string | undefined;
  extras(role: Role): RoleExtras;
  /** Where the sources disagree about the role: both sides, each with its source. */
  disagreements(role: Role): Disagreement[];
}

export function createCore(kb: KnowledgeBase): Core {
  const resolver = new Resolver(kb);
  const paths = new CareerPaths(kb);
  const skills = new SkillService(kb);
  return {
    kb,
    resolve: (q) => resolver.resolve(q),
    suggest: (q, limit) => resolver.rank(q, limit),
    compare: (roles) => compareRoles(paths, roles),
    browse: (filter) => browse(kb, filter),
    path: (from, to) => paths.find(from, to),
    nextRoles: (id) => paths.next(id),
    rolesForSkill: (skill) => skills.rolesForSkill(skill),
    match: (list, limit) => skills.match(list, limit),
    recogniseSkill: (skill) => skills.recognise(skill),
    extras: (role) => extrasFor(kb, role),
    disagreements: (role) => disagreementsFor(kb, role),
  };
}
