import type { AiEngineerDeepDive } from '../../core/schema/ai-engineer.js';
import { figureText, SEED_KIND_LABEL, seedLabel, seedTag, sideSources, sourceLine } from './format.js';
import type { PartContent } from './work.js';
import { asSentence } from '../format.js';

/** Deep-dive parts around the role: definitions, the roadmap in, the market, failures, disagreements, sources. */

const tags = (deep: AiEngineerDeepDive, seeds: readonly string[]) => seeds.map((id) => seedTag(deep, id)).join(', ');

export function overviewPart(deep: AiEngineerDeepDive): PartContent {
  return {
    description: deep.meta.summary,
    sections: [
      { heading: 'How each article defines the role', items: deep.meta.definitions.map((d) => `${tags(deep, d.sources.seeds)}: ${d.text}`) },
      { heading: 'Where it is heading', items: deep.meta.outlook.map((d) => `${tags(deep, d.sources.seeds)}: ${d.text}`) },
    ],
  };
}

type Span = { min: number; max: number | null; unit: 'weeks' | 'months' };
/** "1–2 months", "6+ months". */
const durationText = (d: Span) => `${d.min}${d.max === null ? '+' : `–${d.max}`} ${d.unit}`;
/** Before a noun, with the unit singular: "a 6–8-month roadmap". */
const durationAdjective = (d: Span) => `${d.min}${d.max === null ? '+' : `–${d.max}`}-${d.unit.replace(/s$/, '')}`;

export function roadmapPart(deep: AiEngineerDeepDive): PartContent {
  const r = deep.breakingIn.roadmap;
  return {
    description: `A ${durationAdjective(r.total)} roadmap${r.totalNote ? ` ${r.totalNote}` : ''}; it assumes ${r.assumes}. ${sourceLine(deep, r.sources)}`,
    sections: [
      ...r.phases.map((p) => ({
        heading: `Phase ${p.phase}: ${p.name} (${p.duration ? durationText(p.duration) : 'ongoing'})`,
        ...(p.note ? { body: asSentence(p.note) } : {}),
        items: [
          ...p.goals,
          ...Object.entries(p.checklist ?? {}).map(([skill, task]) => `${skill}: ${task}`),
          ...(p.tools.length ? [`Tools: ${p.tools.join(', ')}`] : []),
        ],
      })),
      ...deep.breakingIn.steps.map((s) => ({
        heading: `Steps in (${tags(deep, s.sources.seeds)})`,
        items: s.steps.map((st) => `${st.step}. ${st.name}: ${st.actions.join('; ')}${st.tools.length ? ` (${st.tools.join(', ')})` : ''}`),
      })),
      ...deep.breakingIn.advice.map((a) => ({ heading: `Advice: ${a.topic} (${tags(deep, a.sources.seeds)})`, items: a.points })),
    ],
  };
}

export function marketPart(deep: AiEngineerDeepDive): PartContent {
  const w = deep.whereItAppears;
  return {
    description: 'Who hires AI engineers, where, and the market figures the articles quote.',
    sections: [
      {
        heading: `Who hires, and for what (${tags(deep, w.hiringModes.sources.seeds)})`,
        items: [...w.hiringModes.items.map((i) => `${i.kind}: ${i.hiresFor}`), ...w.hiringModes.notes],
      },
      ...w.exampleEmployers.map((e) => ({
        heading: `Example employers (${tags(deep, e.sources.seeds)})`,
        ...(e.note ? { body: e.note } : {}),
        items: e.groups.map((g) => `${g.category}: ${g.companies.join(', ')}`),
      })),
      {
        heading: 'Industries and regions',
        items: [...w.industries, ...w.regions].map((g) => `${g.names.join(', ')}: ${g.context} (${tags(deep, g.sources.seeds)})`),
      },
      ...deep.figures.map((g) => ({ heading: `Figures: ${g.topic}`, body: sourceLine(deep, g.sources), items: g.items.map(figureText) })),
    ],
  };
}

export function failurePart(deep: AiEngineerDeepDive): PartContent {
  const f = deep.failure;
  if (!f) return { description: 'The articles say nothing about project failure.', sections: [] };
  return {
    description: `Why enterprise AI projects fail, and what that means for the role. ${sourceLine(deep, f.sources)}`,
    sections: [
      { heading: 'Figures', items: f.figures.map(figureText) },
      { heading: `Root causes (${f.rootCauses.reportedBy})`, items: f.rootCauses.causes.map((c) => `${c.cause}: ${c.detail}`) },
      ...(f.examples.length
        ? [
            {
              heading: 'Examples',
              items: f.examples.map((e) => `${e.organisation}: ${e.what}${e.figures.length ? ` (${e.figures.map(figureText).join('; ')})` : ''}`),
            },
          ]
        : []),
      ...(f.notes.length ? [{ heading: 'Notes', items: f.notes }] : []),
    ],
  };
}

/** Every disagreement between the sources, each side with its source, never merged. */
export function conflictsPart(deep: AiEngineerDeepDive): PartContent {
  return {
    description:
      'Where the reference and the articles disagree, or an article with itself. Both sides are kept and named (an article by its author or publisher; the titles are under Sources); nothing is averaged.',
    sections: deep.conflicts.map((c) => ({
      heading: c.topic,
      ...(c.note ? { body: c.note } : {}),
      items: c.positions.map((p) => `${p.holds} (${sideSources(deep, p.seeds)})`),
    })),
  };
}

export function sourcesPart(deep: AiEngineerDeepDive): PartContent {
  return {
    description: 'The documents behind the deep-dive, and the outside sources each one cites.',
    sections: deep.seeds.map((s) => ({
      heading: seedLabel(s),
      body: [`${SEED_KIND_LABEL[s.kind]}${s.dated ? `, ${s.dated}` : ''}${s.publisher && s.author ? `, ${s.publisher}` : ''}.`, s.caveat ?? '']
        .filter(Boolean)
        .join(' '),
      ...(s.cites.length ? { items: [`Cites: ${s.cites.join(', ')}`] } : {}),
    })),
  };
}
