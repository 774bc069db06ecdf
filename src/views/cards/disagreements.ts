import type { Core } from '../../core/index.js';
import type { Disagreement } from '../../core/disagreements.js';
import type { Difficulty, LayerCode, Market } from '../../core/schema/common.js';
import type { Role } from '../../core/schema/role.js';
import type { Section } from '../view.js';
import { DIFFICULTY_LABEL, layerLabel, MARKET_LABEL } from '../format.js';
import { sideSources } from '../deep-dive/format.js';

/** One line per disagreement: each side with its source, then a short caveat. */
export function disagreementLine(core: Core, d: Disagreement): string {
  const title = core.kb.reference.meta.title;
  if (d.kind === 'difficulty') {
    return (
      `Entry difficulty: ${DIFFICULTY_LABEL[d.overview]} in the overview table of ${title}, ` +
      `${DIFFICULTY_LABEL[d.tierList]} in its list of roles by difficulty. ` +
      `The reference gives both; RoleCall files the role under ${DIFFICULTY_LABEL[d.overview]}, as the overview does.`
    );
  }
  if (d.kind === 'layer') {
    const breakdown = d.role.layerNote ?? d.role.layers.map((n) => `L${n}`).join(', ');
    return (
      `Layer: ${layerLabel(core.kb, d.overview)} in the overview table and the six-layer stack of ${title}, ` +
      `${breakdown} in its role breakdown. RoleCall files the role under ${d.overview}, as the overview does.`
    );
  }
  if (d.kind === 'reference') {
    const sides = d.conflict.positions.map((p) => `${p.holds} (${p.part} of ${title})`);
    return `${d.conflict.topic}: ${sides.join(' vs ')}.${d.conflict.note ? ` ${d.conflict.note}` : ''}`;
  }
  const sides = d.conflict.positions.map((p) => `${p.holds} (${sideSources(core.kb.aiEngineer, p.seeds)})`);
  return `${d.conflict.topic}: ${sides.join(' vs ')}.${d.conflict.note ? ` ${d.conflict.note}` : ''}`;
}

/** The role card's "Where sources disagree" section, when they do. */
export function disagreementSection(core: Core, role: Role): Section[] {
  const lines = core.disagreements(role).map((d) => disagreementLine(core, d));
  return lines.length ? [{ heading: 'Where sources disagree', items: lines }] : [];
}

/** The pay disagreements about a role in any of these markets ("US pay …", "India pay …"), for /salary. */
export function payDisagreements(core: Core, role: Role, markets: readonly Market[]): Disagreement[] {
  const words = markets.map((m) => new RegExp(`\\b${MARKET_LABEL[m]}\\b`));
  return core
    .disagreements(role)
    .filter((d) => (d.kind === 'sources' || d.kind === 'reference') && d.conflict.kind === 'figure' && words.some((w) => w.test(d.conflict.topic)));
}

/**
 * For /roles <layer>: the roles the reference files under one layer in its overview table and calls
 * cross-cutting in their breakdown; `shown` are the roles the answer lists.
 */
export function layerCountNote(core: Core, layer: LayerCode, shown: readonly Role[]): string | undefined {
  const all = core.kb.roles.flatMap((r) => core.disagreements(r)).filter((d) => d.kind === 'layer');
  const relevant = all.filter((d) => (d.overview === layer && shown.includes(d.role)) || layer === 'cross');
  if (relevant.length === 0) return undefined;
  const parts = relevant.map((d) =>
    d.overview === layer
      ? `${d.role.name} is counted here, as in the overview table, though its role breakdown calls it ${d.role.layerNote ?? 'cross-cutting'}`
      : `${d.role.name} is not counted here: its role breakdown calls it ${d.role.layerNote ?? 'cross-cutting'}, but the overview table files it under ${d.overview}, which RoleCall follows`,
  );
  return `Counted by the reference's overview table. ${parts.join('; ')}.`;
}

/** For /roles <difficulty>: how roles (of `within`, the other filters' roles) that the reference files under two difficulties are counted. */
export function difficultyCountNote(core: Core, difficulty: Difficulty, within: readonly Role[] = core.kb.roles): string | undefined {
  // Only roles the other filters keep: /roles L5 moderate says nothing of a cross-cutting role.
  const all = within.flatMap((r) => core.disagreements(r)).filter((d) => d.kind === 'difficulty');
  const relevant = all.filter((d) => d.overview === difficulty || d.tierList === difficulty);
  if (relevant.length === 0) return undefined;
  const parts = relevant.map((d) =>
    d.overview === difficulty
      ? `${d.role.name} is counted here (${DIFFICULTY_LABEL[d.overview]} in the overview table) though the reference's list by difficulty puts it under ${DIFFICULTY_LABEL[d.tierList]}`
      : `${d.role.name} is not counted here: the reference's list by difficulty puts it under ${DIFFICULTY_LABEL[d.tierList]}, but its overview table says ${DIFFICULTY_LABEL[d.overview]}, which RoleCall follows`,
  );
  return `Counted by the reference's overview table. ${parts.join('; ')}.`;
}
