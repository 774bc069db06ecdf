import type { AiEngineerDeepDive, LadderLevel } from '../../core/schema/ai-engineer.js';
import type { Section } from '../view.js';
import { figureText, payRange, seedTag, sourceLine, yearsText } from './format.js';
import type { PartContent } from './work.js';
import type { KnowledgeBase } from '../../core/knowledge-base.js';
import { headline, MARKET_LABEL, progressionText, salaryLines } from '../format.js';

/** Deep-dive pay: headline figures, premiums, and each article's pay ladder per market (US, UK, India). */

export type LadderMarket = 'us' | 'uk' | 'india';

export const LADDER_LEVEL_LABEL: Record<LadderLevel, string> = {
  junior: 'Junior',
  mid: 'Mid',
  senior: 'Senior',
  'staff-lead': 'Staff / lead',
};

const MARKET_NAME: Record<LadderMarket, string> = { us: 'US', uk: 'UK', india: 'India' };
const BASIS_TEXT = { base: 'base', TC: 'total compensation', unstated: 'basis not stated' } as const;

/** "US, GenAI Systems Lab: total compensation (2025)". */
function basisLine(deep: AiEngineerDeepDive, market: LadderMarket): string[] {
  return deep.careerLadder.payBasis.flatMap((b) => {
    const basis = b[market];
    return basis ? [`${seedTag(deep, b.seed)}: ${BASIS_TEXT[basis]}${b.year ? ` (${b.year})` : ''}`] : [];
  });
}

/** One line per rung: each article's title, years and range for the market, side by side. */
export function ladderLines(deep: AiEngineerDeepDive, market: LadderMarket): string[] {
  const unit = deep.salary.markets[market].unit;
  return deep.careerLadder.rungs.flatMap((rung) => {
    const views = rung.views.filter((v) => v.pay[market] !== undefined);
    if (views.length === 0) return [];
    const parts = views.map((v) => {
      const years = yearsText(v.years);
      return `${seedTag(deep, v.seed)}: ${v.title}${years ? `, ${years}` : ''}, ${payRange(unit, v.pay[market]!)}`;
    });
    return [`${LADDER_LEVEL_LABEL[rung.level]}: ${parts.join(' · ')}`];
  });
}

/** The pay ladder section for one market, with its basis and source. */
export function ladderSection(deep: AiEngineerDeepDive, market: LadderMarket): Section | undefined {
  const items = ladderLines(deep, market);
  if (items.length === 0) return undefined;
  const unit = deep.salary.markets[market].unit;
  return {
    heading: `${MARKET_NAME[market]} pay ladder, from the articles (${unit})`,
    body: `Pay basis: ${basisLine(deep, market).join('; ')}.`,
    items,
  };
}

/** The reference's own pay for the role, in its units: the headline US range, then each level by market. */
function referencePaySection(kb: KnowledgeBase, deep: AiEngineerDeepDive): Section {
  const role = kb.role(deep.meta.role);
  return {
    heading: `The reference's figures (${kb.reference.meta.title})`,
    body: 'US in $K per year, India in ₹ lakh per annum.',
    items: [`US range: ${headline(role)}`, ...(['us', 'india'] as const).map((m) => `${MARKET_LABEL[m]}: ${salaryLines(role, m).join(' · ')}`)],
  };
}

export function payPart(deep: AiEngineerDeepDive, kb: KnowledgeBase): PartContent {
  const s = deep.salary;
  return {
    description: "The reference's pay for the role, headline US figures, pay premiums and each article's pay ladder for the US, the UK and India.",
    sections: [
      referencePaySection(kb, deep),
      {
        heading: 'Headline US figures',
        body: sourceLine(deep, s.headline.sources),
        items: s.headline.items.map((h) => {
          const who = h.reportedBy ?? 'no named source';
          const what = h.measure === 'unstated' ? 'figure' : h.measure;
          const basis = h.basis === 'unstated' ? '' : `, ${BASIS_TEXT[h.basis]}`;
          return `${who}: ${what} ${payRange(h.unit, h.amount)}${basis}${h.scope ? ` (${h.scope})` : ''}${h.note ? `. ${h.note}` : ''}`;
        }),
      },
      ...(['us', 'uk', 'india'] as const).flatMap((m) => {
        const section = ladderSection(deep, m);
        return section ? [section] : [];
      }),
      ...s.premiums.map((p) => ({ heading: `Premium: ${p.topic}`, body: sourceLine(deep, p.sources), items: p.items.map(figureText) })),
      {
        heading: 'Notes on pay',
        items: [...s.notes, ...deep.careerLadder.notes].map((n) => `${n.text} (${n.sources.seeds.map((id) => seedTag(deep, id)).join(', ')})`),
      },
    ],
  };
}

/** What each rung does, per article: title, years, focus and responsibilities; then the reference's own ladder and next moves. */
export function ladderPart(deep: AiEngineerDeepDive, kb: KnowledgeBase): PartContent {
  const role = kb.role(deep.meta.role);
  const title = kb.reference.meta.title;
  return {
    description: `Seniority from junior to staff or lead, as each article describes it, then the reference's ladder; pay is in the pay part. ${sourceLine(deep, deep.careerLadder.sources)}`,
    sections: [
      ...deep.careerLadder.rungs.map((rung) => ({
        heading: LADDER_LEVEL_LABEL[rung.level],
        items: rung.views.map((v) => {
          const years = yearsText(v.years);
          const detail = [v.focus, v.responsibilities.length ? `Responsibilities: ${v.responsibilities.join(', ')}.` : ''].filter(Boolean).join(' ');
          return `${seedTag(deep, v.seed)}: ${v.title}${years ? ` (${years})` : ''}${detail ? `. ${detail}` : ''}`;
        }),
      })),
      { heading: `The reference's career ladder, for every role (${title})`, items: kb.reference.pathways.ladder.map((r) => `${r.level}: ${r.years}`) },
      { heading: `Next moves from ${role.name}, per the reference`, items: progressionText(kb, role) },
    ],
  };
}
