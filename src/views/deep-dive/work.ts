import type { AiEngineerDeepDive, ComparisonCell, PayUnit } from '../../core/schema/ai-engineer.js';
import type { Section, Table } from '../view.js';
import { payRange, seedTag, sourceLine } from './format.js';
import { asSentence, capitalised } from '../format.js';
import { groupDigits } from '../text/numbers.js';

/** Deep-dive parts about the work itself: the tiers, the role comparisons, the stack, skills and the day-to-day. */

export interface PartContent {
  description: string;
  sections: Section[];
  table?: Table;
}

export function tiersPart(deep: AiEngineerDeepDive): PartContent {
  const t = deep.tiers;
  return {
    description: `${t.basis} ${sourceLine(deep, t.sources)}`,
    sections: [
      ...t.tiers.map((tier) => ({
        heading: `Tier ${tier.tier}: ${tier.name} (${tier.share.approx ? '~' : ''}${tier.share.min}% of postings)`,
        body: [tier.focus, tier.whereFound, tier.payNote].filter(Boolean).join(' '),
        items: [...tier.work, `Key skills: ${tier.keySkills.join(', ')}`],
      })),
      ...(t.notes.length ? [{ heading: 'Notes', items: t.notes }] : []),
    ],
  };
}

function cellText(cell: ComparisonCell, unit: PayUnit | undefined): string {
  if (typeof cell === 'string') return cell;
  if (Array.isArray(cell)) return cell.join(', ');
  return unit ? payRange(unit, cell) : String(cell.min);
}

/** One section per seed's table, one line per dimension: "Trains models: Data Scientist yes…; ML Engineer …". */
export function comparePart(deep: AiEngineerDeepDive): PartContent {
  return {
    description: `How the AI Engineer differs from the ML Engineer, the Data Scientist and the Research Scientist, in each article's own terms.`,
    sections: deep.comparison.map((table) => ({
      heading: `${table.columns.map((c) => c.label).join(' vs ')}`,
      body: sourceLine(deep, table.sources),
      items: [
        ...table.rows.map((row) => `${row.dimension}: ${table.columns.map((c) => `${c.label}: ${cellText(row.values[c.role]!, row.unit)}`).join(' · ')}`),
        ...table.notes,
      ],
    })),
  };
}

export function stackPart(deep: AiEngineerDeepDive): PartContent {
  const s = deep.stack;
  const fw = s.frameworks;
  return {
    description: `A typical production stack (${s.production.year}), the frameworks and the vector databases. ${sourceLine(deep, s.production.sources)}`,
    sections: [
      ...s.production.layers.map((layer) => ({
        heading: `Stack: ${layer.layer}`,
        items: layer.components.map((c) => {
          const tools = c.tools.join(c.combine === 'one-of' ? ' or ' : ' + ');
          return `${c.component}: ${[c.approach, tools && !c.approach?.includes(tools) ? tools : ''].filter(Boolean).join('; ')}${c.when ? ` (${c.when})` : ''}`;
        }),
      })),
      {
        heading: 'Frameworks',
        items: [
          ...fw.items.map((f) => {
            const companions = f.companions.map((c) => `${c.name} for ${c.purpose}${c.note ? ` (${c.note})` : ''}`);
            return `${f.name}, ${f.kind}: ${[...f.facts, ...companions].join('; ')}`;
          }),
          ...fw.benchmarks.map(
            (b) =>
              `${b.metric}, per ${b.basis}: ${Object.entries(b.results)
                .map(([k, v]) => `${k} ${b.approx ? '~' : ''}${v}${b.unit === '%' ? '%' : ` ${b.unit}`}`)
                .join(', ')}`,
          ),
          ...fw.patterns,
          ...fw.notes,
        ],
      },
      {
        heading: 'Vector databases',
        items: s.vectorDatabases.flatMap((g) => [
          ...g.byUseCase.map((u) => {
            const size = u.vectorsUnder ? ` (under ${groupDigits(u.vectorsUnder)} vectors)` : u.vectorsFrom ? ` (${groupDigits(u.vectorsFrom)}+ vectors)` : '';
            return `${u.useCase}${size}: ${u.pickNote ?? u.picks.join(' or ')}, because ${u.why}`;
          }),
          ...(g.named.length ? [`Named by ${seedTag(deep, g.sources.seeds[0]!)}: ${g.named.join(', ')}`] : []),
          ...g.notes,
        ]),
      },
      ...s.focusAreas.map((f) => ({ heading: `Focus areas (${seedTag(deep, f.sources.seeds[0]!)})`, body: f.areas.join(', ') })),
    ],
  };
}

export function skillsPart(deep: AiEngineerDeepDive): PartContent {
  const k = deep.skills;
  const groups = [
    ['Must-have', k.mustHave],
    ['Nice to have', k.niceToHave],
    ['Overrated', k.overrated],
    ['Technical skills', k.technical],
    ['Soft skills', k.soft],
    ['Tools to be fluent in', k.toolFluency],
  ] as const;
  return {
    description: 'Skills in demand, as each article ranks them. Where they disagree, see "Where the sources disagree".',
    sections: [
      ...groups.flatMap(([heading, list]) =>
        list.map((g) => ({
          heading: `${heading}${g.label ? `, ${g.label}` : ''} (${g.sources.seeds.map((id) => seedTag(deep, id)).join(', ')})`,
          ...(g.postingShare ? { body: `Asked for in ${g.postingShare.min}%${g.postingShare.plus ? '+' : ''} of postings.` } : {}),
          items: [...g.items.map((i) => `${i.skill}${i.tools.length ? ` (${i.tools.join(', ')})` : ''}${i.note ? `: ${i.note}` : ''}`), ...g.notes],
        })),
      ),
      ...(k.notes.length ? [{ heading: 'Notes', items: k.notes.map((n) => `${n.text} (${n.sources.seeds.map((id) => seedTag(deep, id)).join(', ')})`) }] : []),
    ],
  };
}

export function dayPart(deep: AiEngineerDeepDive): PartContent {
  return {
    description: 'What the work looks like from day to day, by area.',
    sections: deep.dayToDay.flatMap((g) =>
      g.areas.map((a) => {
        const body = [a.context ? asSentence(a.context) : '', a.tools.length ? `Tools: ${a.tools.join(', ')}.` : ''].filter(Boolean).join(' ');
        return {
          heading: `${capitalised(a.area)} (${g.sources.seeds.map((id) => seedTag(deep, id)).join(', ')})`,
          ...(body ? { body } : {}),
          items: a.tasks,
        };
      }),
    ),
  };
}
