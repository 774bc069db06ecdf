import type { AiEngineerDeepDive, LadderLevel } from '../../core/schema/ai-engineer.js';
import type { Section } from '../view.js';
import { figureText, payRange, seedTag, sourceLine, yearsText } from './format.js';
import type { PartContent } from './work.js';

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

export function payPart(deep: AiEngineerDeepDive): PartContent {
  const s = deep.salary;
  return {
    description: "Headline US figures, pay premiums and each article's pay ladder for the US, the UK and India.",
    sections: [
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

/** What each rung does, per article: title, years, focus and responsibilities. */
export function ladderPart(deep: AiEngineerDeepDive): PartContent {
  return {
    description: `Seniority from junior to staff or lead, as each article describes it. Pay is under "Pay". ${sourceLine(deep, deep.careerLadder.sources)}`,
    sections: deep.careerLadder.rungs.map((rung) => ({
      heading: LADDER_LEVEL_LABEL[rung.level],
      items: rung.views.map((v) => {
        const years = yearsText(v.years);
        const detail = [v.focus, v.responsibilities.length ? `Responsibilities: ${v.responsibilities.join(', ')}.` : ''].filter(Boolean).join(' ');
        return `${seedTag(deep, v.seed)}: ${v.title}${years ? ` (${years})` : ''}${detail ? `. ${detail}` : ''}`;
      }),
    })),
  };
}
