import type { Core } from '../../core/index.js';
import type { Disagreement } from '../../core/disagreements.js';
import type { Difficulty } from '../../core/schema/common.js';
import type { Role } from '../../core/schema/role.js';
import type { Section } from '../view.js';
import { DIFFICULTY_LABEL } from '../format.js';
import { seedById, seedLabel } from '../deep-dive/format.js';

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
  const deep = core.kb.aiEngineer;
  const sides = d.conflict.positions.map((p) => {
    const names = p.seeds.map((id) => {
      const seed = seedById(deep, id);
      return seed ? seedLabel(seed) : id;
    });
    return `${p.holds} (${names.join('; ')})`;
  });
  return `${d.conflict.topic}: ${sides.join(' vs ')}.${d.conflict.note ? ` ${d.conflict.note}` : ''}`;
}

/** The role card's "Where sources disagree" section, when they do. */
export function disagreementSection(core: Core, role: Role): Section[] {
  const lines = core.disagreements(role).map((d) => disagreementLine(core, d));
  return lines.length ? [{ heading: 'Where sources disagree', items: lines }] : [];
}

/** For /roles <difficulty>: how roles that the reference files under two difficulties are counted. */
export function difficultyCountNote(core: Core, difficulty: Difficulty): string | undefined {
  const all = core.kb.roles.flatMap((r) => core.disagreements(r)).filter((d) => d.kind === 'difficulty');
  const relevant = all.filter((d) => d.overview === difficulty || d.tierList === difficulty);
  if (relevant.length === 0) return undefined;
  const parts = relevant.map((d) =>
    d.overview === difficulty
      ? `${d.role.name} is counted here (${DIFFICULTY_LABEL[d.overview]} in the overview table) though the reference's list by difficulty puts it under ${DIFFICULTY_LABEL[d.tierList]}`
      : `${d.role.name} is not counted here: the reference's list by difficulty puts it under ${DIFFICULTY_LABEL[d.tierList]}, but its overview table says ${DIFFICULTY_LABEL[d.overview]}, which RoleCall follows`,
  );
  return `Counted by the reference's overview table. ${parts.join('; ')}.`;
}
