import type { Role } from './schema/role.js';
import type { Difficulty, LayerCode } from './schema/common.js';
import type { ReferenceConflict } from './schema/reference.js';
import type { SeedConflict } from './schema/ai-engineer.js';
import type { KnowledgeBase } from './knowledge-base.js';

/**
 * Where the sources disagree about a role. The reference contradicts itself on some entry
 * difficulties (its overview table against its roles-by-difficulty list), on a layer (its overview
 * table against the role's breakdown) and on some pay (its salary table against the breakdown),
 * and the AI Engineer articles disagree with it on some figures. Both sides are always shown, each
 * with its source.
 */
export type Disagreement =
  | { kind: 'difficulty'; role: Role; overview: Difficulty; tierList: Difficulty }
  | { kind: 'layer'; role: Role; overview: LayerCode }
  | { kind: 'reference'; role: Role; conflict: ReferenceConflict }
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

/**
 * Roles the overview table files under one layer while their breakdown calls them cross-cutting
 * (all six layers) or names layers that leave the overview's out.
 */
export function layerDisagreements(kb: KnowledgeBase): Array<Extract<Disagreement, { kind: 'layer' }>> {
  return kb.roles.flatMap((role) => {
    if (role.layer === 'cross') return [];
    const crossCutting = role.layers.length === 6;
    const outside = !role.layers.includes(Number(role.layer.slice(1)));
    return crossCutting || outside ? [{ kind: 'layer' as const, role, overview: role.layer }] : [];
  });
}

/** Everything the sources disagree on for this role: its difficulty, and figures the articles give differently from the reference. */
export function disagreementsFor(kb: KnowledgeBase, role: Role): Disagreement[] {
  const out: Disagreement[] = [...difficultyDisagreements(kb), ...layerDisagreements(kb)].filter((d) => d.role.id === role.id);
  for (const conflict of kb.reference.conflicts) if (conflict.role === role.id) out.push({ kind: 'reference', role, conflict });
  if (kb.aiEngineer.meta.role === role.id) {
    for (const conflict of kb.aiEngineer.conflicts) {
      if (conflict.positions.some((p) => p.seeds.includes(REFERENCE_SEED))) out.push({ kind: 'sources', role, conflict });
    }
  }
  return out;
}
