import * as z from 'zod';
import { defineCommand, roleText, type CommandResult } from './command.js';
import type { Core } from '../src/core/index.js';
import type { Role } from '../src/core/schema/role.js';
import type { Comparison } from '../src/core/compare.js';
import { MAX_COMPARE } from '../src/core/compare.js';
import { roleRecord, unresolvedAnswer, type JsonData } from './command-data.js';
import { notice } from '../src/views/cards/notice.js';
import { DIFFICULTY_LABEL, kbView, headline, LEVEL_LABEL, LEVELS, roleRef, salaryCell } from '../src/views/format.js';
import { compareChart } from '../src/views/chart.js';
import type { Section, View } from '../src/views/view.js';
import { forYou, profileSkills, roleFits, savedProfile } from './personal.js';

/** The input's role slots, in order: one per role compared, at most MAX_COMPARE. */
export const COMPARE_SLOTS = ['role_a', 'role_b', 'role_c', 'role_d'] as const satisfies { length: typeof MAX_COMPARE };
const SLOTS = COMPARE_SLOTS;

/** Splits on vs / , / |, and on "and" only when nothing else separated the roles. */
export function splitCompareText(text: string): string[] {
  const strong = text
    .split(/\s*(?:\bvs\.?(?=\s|$)|\bversus\b|,|\|)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
  if (strong.length > 1) return strong;
  return text
    .split(/\s*(?:\band\b|\/\/)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const compare = defineCommand({
  name: 'compare',
  description: 'Compare 2–4 roles side by side: pay, difficulty, shared and distinct skills',
  usage: '/compare <role> vs <role> [vs <role>] [vs <role>]',
  examples: ['/compare AI Engineer vs ML Engineer', '/compare RAG Engineer, LLM Engineer, GenAI Engineer'],
  options: [
    { name: 'role_a', kind: 'role', description: 'First role', required: true },
    { name: 'role_b', kind: 'role', description: 'Second role', required: true },
    { name: 'role_c', kind: 'role', description: 'Third role (optional)', required: false },
    { name: 'role_d', kind: 'role', description: 'Fourth role (optional)', required: false },
  ],
  input: z.object({
    role_a: roleText,
    role_b: roleText,
    role_c: roleText.optional(),
    role_d: roleText.optional(),
    // Text syntax can name more roles than there are slots; they land here and are refused clearly.
    extra: z.array(z.string()).max(0, `compare takes at most ${MAX_COMPARE} roles: drop one and try again`).optional(),
  }),
  parseText(text) {
    const parts = splitCompareText(text);
    const slots = Object.fromEntries(parts.slice(0, MAX_COMPARE).map((p, i) => [SLOTS[i], p]));
    return parts.length > MAX_COMPARE ? { ...slots, extra: parts.slice(MAX_COMPARE) } : slots;
  },
  async run(input, core, ctx): Promise<CommandResult> {
    const queries = SLOTS.map((s) => input[s]).filter((q): q is string => typeof q === 'string');
    const resolutions = queries.map((q) => core.resolve(q));
    const roles: Role[] = [];
    for (const [i, res] of resolutions.entries()) {
      if (res.status !== 'found') {
        // Re-run the same comparison with the chosen candidate in this slot; settled slots travel as "#n".
        const args = (r: Role) =>
          Object.fromEntries(
            resolutions.map((other, j) => [SLOTS[j]!, j === i ? roleRef(r) : other.status === 'found' ? roleRef(other.role) : other.query.slice(0, 20)]),
          );
        return unresolvedAnswer(core, res, (r) => ({ command: 'compare', args: args(r) }));
      }
      roles.push(res.role);
    }
    const unique = [...new Set(roles)];
    if (unique.length < 2) {
      return notice('Pick two different roles', `"${queries.join('" and "')}" all point to ${roles[0]!.name}. Compare it with another role.`);
    }
    const cmp = core.compare(unique);
    const shown = comparisonView(core, cmp);
    const skills = profileSkills(await savedProfile(ctx));
    const view = skills.length ? forYou(shown, coverSentence(core, unique, skills)) : shown;
    return { view, data: comparisonData(cmp) };
  },
});

function comparisonData({ roles, skills, links }: Comparison): JsonData {
  return {
    kind: 'comparison',
    roles: roles.map(roleRecord),
    skills: {
      shared: skills.shared,
      partial: skills.partial.map((p) => ({ byRole: p.byRole, common: p.common })),
      distinct: roles.map((r, i) => ({ role: r.id, skills: skills.distinct[i] ?? [] })),
      total: skills.total,
    },
    links: links.map((l) => ({ from: l.from.id, to: l.to.id, steps: l.steps })),
  };
}

/**
 * "You cover 4 of 6 of AI Engineer’s must-haves and 2 of 7 of ML Engineer’s; AI Engineer is the
 * closer fit.": the better fit is the better /match rank (must-haves covered, then share, then nice-to-haves).
 */
function coverSentence(core: Core, roles: Role[], skills: string[]): string {
  const fits = roleFits(core, roles, skills);
  const parts = fits.map((f, i) => `${f.have.length} of ${f.role.mustHave.length} of ${f.role.name}’s${i === 0 ? ' must-haves' : ''}`);
  const covered = `You cover ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}`;
  const rankOf = (f: (typeof fits)[number]) => f.rank ?? Number.POSITIVE_INFINITY;
  const best = Math.min(...fits.map(rankOf));
  const top = fits.filter((f) => rankOf(f) === best);
  if (best === Number.POSITIVE_INFINITY) return `${covered}.`;
  if (top.length === fits.length) return `${covered}; they fit you equally well.`;
  const names = top.map((f) => f.role.name);
  if (names.length === 1) return `${covered}; ${names[0]} is the ${fits.length === 2 ? 'closer' : 'closest'} fit.`;
  return `${covered}; ${names.slice(0, -1).join(', ')} and ${names.at(-1)} fit you best.`;
}

/** " ML Engineer lies on AI Engineer's career path.": names the roles, whatever their number. */
function linkSentence({ roles, links }: Comparison): string {
  if (links.length === 0) return '';
  if (roles.length === 2) return ' One lies on the other’s career path.';
  const pairs = links.map((l) => `${l.to.name} lies on ${l.from.name}’s career path`);
  return ` ${pairs.join('; ')}.`;
}

export function comparisonView(core: Core, cmp: Comparison): View {
  const { roles, skills, links } = cmp;
  const sections: Section[] = [
    { heading: `Shared must-have skills (${skills.shared.length} of ${skills.total})`, items: skills.shared.length ? skills.shared : ['None in common'] },
    ...(skills.partial.length
      ? [
          {
            heading: `Partly shared (${skills.partial.length})`,
            items: skills.partial.map((p) => `${p.byRole.map((w, i) => `${w} (${roles[i]!.name})`).join(' vs ')}: they overlap only in part`),
          },
        ]
      : []),
    ...roles.map((r, i) => ({ heading: `Only ${r.name}`, items: skills.distinct[i]!.length ? skills.distinct[i]! : ['Nothing beyond the shared skills'] })),
    { heading: 'Key differentiators', items: roles.map((r) => `${r.name}: ${r.differentiator}`) },
  ];
  if (links.length > 0) {
    sections.push({
      heading: 'Career link',
      items: links.map((l) => `${l.from.name} → ${l.to.name}: ${l.steps === 1 ? 'a listed next step' : `${l.steps} moves`}`),
    });
  }
  const row = (label: string, f: (r: Role) => string) => [label, ...roles.map(f)];
  return kbView(core.kb, {
    kind: 'compare',
    title: roles.map((r) => r.name).join(' vs '),
    description: `${skills.shared.length} of ${skills.total} must-have skills shared${skills.partial.length ? `, ${skills.partial.length} partly` : ''}.${linkSentence(cmp)}`,
    fields: roles.map((r) => ({
      label: r.name,
      value: [
        `${r.layer} · ${DIFFICULTY_LABEL[r.difficulty]} · ${r.availability}`,
        `US ${headline(r)}`,
        `US mid ${salaryCell(r, 'us', 'mid')} · India mid ${salaryCell(r, 'india', 'mid')}`,
        `Education: ${r.education}`,
      ].join('\n'),
      inline: true,
    })),
    sections,
    table: {
      columns: ['', ...roles.map((r) => r.name)],
      rows: [
        row('Layer', (r) => r.layer),
        row('Difficulty', (r) => DIFFICULTY_LABEL[r.difficulty]),
        row('Availability', (r) => r.availability),
        row('Education', (r) => r.education),
        row('US range', headline),
        ...LEVELS.map((l) => row(`US ${LEVEL_LABEL[l].toLowerCase()}`, (r) => salaryCell(r, 'us', l))),
        ...LEVELS.map((l) => row(`India ${LEVEL_LABEL[l].toLowerCase()}`, (r) => salaryCell(r, 'india', l))),
      ],
    },
    // The table shows both markets, so the chart does too: one panel each, never $ and ₹ on one axis.
    chart: compareChart(roles, ['us', 'india']),
    actions: roles.map((r) => ({ type: 'button' as const, label: r.name, invoke: { command: 'role', args: { name: roleRef(r) } } })),
    page: { kind: 'compare', roles: roles.map((r) => r.id) },
  });
}
