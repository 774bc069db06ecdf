import type { Role } from './schema/role.js';
import type { Difficulty } from './schema/common.js';
import type { SeedConflict } from './schema/ai-engineer.js';
import type { KnowledgeBase } from './knowledge-base.js';

/**
 * Where the sources disagree about a role. The reference contradicts itself on some entry
 * difficulties (its overview table against its roles-by-difficulty list), and the AI Engineer
 * articles disagree with it on some figures. Both sides are always shown, each with its source.
 */
export type Disagreement =
  | { kind: 'difficulty'; role: Role; overview: Difficulty; tierList: Difficulty }
  | { kind: 'sources'; role: Role; conflict: SeedConflict };

/** The seed id of the reference itself in the deep-dive's `seeds`. */
export const REFERENCE_SEED = '000';

/** Roles whose overview difficulty differs from the difficulty list that names them. */
export function difficultyDisagreements(kb: KnowledgeBase): Array<Extract<Disagreement, { kind: 'difficulty' }>> {
  const out: Array<Extract<Disagreement, { kind: 'difficulty' }>> = [];
  for (const role of kb.roles) {
    const tier = kb.reference.difficultyTiers.find((t) => t.roles.includes(role.id));
    if (tier && tier.difficulty !== role.difficulty) out.push({ kind: 'difficulty', role, overview: role.difficulty, tierList: tier.difficulty });
  }
  return out;
}

/** Everything the sources disagree on for this role: its difficulty, and figures the articles give differently from the reference. */
export function disagreementsFor(kb: KnowledgeBase, role: Role): Disagreement[] {
  const out: Disagreement[] = difficultyDisagreements(kb).filter((d) => d.role.id === role.id);
  if (kb.aiEngineer.meta.role === role.id) {
    for (const conflict of kb.aiEngineer.conflicts) {
      if (conflict.positions.some((p) => p.seeds.includes(REFERENCE_SEED))) out.push({ kind: 'sources', role, conflict });
    }
  }
  return out;
}
