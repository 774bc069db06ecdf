import { KnowledgeBase } from './knowledge-base.js';
import { loadKnowledgeBase } from './data/load.js';
import { createCore as createCoreFrom, type Core } from './create.js';

/**
 * The core over the given knowledge base, or over the bundled data validated from YAML.
 * Entry points that care about start-up open the compiled snapshot instead
 * (`openKnowledgeBase` in `data/open.ts`) and call `create.ts` directly.
 */
export function createCore(kb: KnowledgeBase = loadKnowledgeBase()): Core {
  return createCoreFrom(kb);
}

export { KnowledgeBase, loadKnowledgeBase };
export type { Core };
export type { RoleId } from './schema/common.js';
