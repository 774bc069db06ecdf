import { KnowledgeBase } from './knowledge-base.js';
import { loadKnowledgeBase } from './data/load.js';
import { createCore as createCoreFrom, type Core } from './create.js';
import type { Resolution } from './resolve/resolution.js';
import type { CareerPathResult } from './career-path.js';
import type { Comparison } from './compare.js';
import type { BrowseFilter } from './browse.js';
import type { SkillLookup, SkillMatch } from './skills.js';
import type { RoleExtras } from './extras.js';
import type { Disagreement } from './disagreements.js';

/**
 * The core over the given knowledge base, or over the bundled data validated from YAML.
 * Entry points that care about start-up open the compiled snapshot instead
 * (`openKnowledgeBase` in `data/open.ts`) and call `create.ts` directly.
 */
export function createCore(kb: KnowledgeBase = loadKnowledgeBase()): Core {
  return createCoreFrom(kb);
}

export { KnowledgeBase, loadKnowledgeBase };
export type { Core, Resolution, Comparison, CareerPathResult, SkillLookup, SkillMatch, RoleExtras, BrowseFilter, Disagreement };
export type { Role } from './schema/role.js';
export type { RoleId } from './schema/common.js';
