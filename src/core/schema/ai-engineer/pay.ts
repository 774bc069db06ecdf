import * as z from 'zod';
import { Currency, FigureGroup, MarketPay, MarketUnit, PayBasis, PayUnit, Range, SeedId, SourceRef, SourcedNote, UNIT_CURRENCY } from './sources.js';

/** The deep-dive's pay: headline figures, the career ladder by seniority and market, where the work appears. */

export const HeadlineFigure = z
  .object({
    /** Who produced the number (Glassdoor, Built In, Levels.fyi); null where the seed names nobody. */
    reportedBy: z.string().min(1).nullable(),
    measure: z.enum(['average', 'median', 'range', 'unstated']),
    basis: PayBasis,
    /** Who the figure describes, where narrower than all AI engineers in the US. */
    scope: z.string().min(1).optional(),
    amount: Range,
    currency: Currency,
    unit: PayUnit,
    year: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((h) => UNIT_CURRENCY[h.unit] === h.currency, { message: 'unit does not match currency', path: ['unit'] });
export type HeadlineFigure = z.infer<typeof HeadlineFigure>;

export const Salary = z
  .object({
    /** Currency and unit per market; every level range under careerLadder is in these units. */
    markets: z.object({ us: MarketUnit, uk: MarketUnit, india: MarketUnit }).strict(),
    /** Single headline figures, each with who reported it. */
    headline: z
      .object({
        sources: SourceRef,
        items: z.array(HeadlineFigure).min(1),
      })
      .strict(),
    /** Pay premiums for AI skills. */
    premiums: z.array(FigureGroup).default([]),
    /** Qualitative remarks on how pay is structured. */
    notes: z.array(SourcedNote).default([]),
  })
  .strict();

/* ------------------------------------------------------------------ career ladder */

export const LadderLevel = z.enum(['junior', 'mid', 'senior', 'staff-lead']);
export type LadderLevel = z.infer<typeof LadderLevel>;

/** One seed's account of a rung: its title, years and pay ranges, and what the seed says the rung does. */
export const RungView = z
  .object({
    seed: SeedId,
    title: z.string().min(1),
    /** Years of experience; null where the seed gives none. */
    years: Range.nullable(),
    pay: MarketPay,
    focus: z.string().min(1).optional(),
    responsibilities: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type RungView = z.infer<typeof RungView>;

export const Rung = z
  .object({
    level: LadderLevel,
    views: z.array(RungView).min(1),
  })
  .strict();
export type Rung = z.infer<typeof Rung>;

/** Which basis each seed's ranges are on, per market. */
export const PayBasisBySeed = z
  .object({
    seed: SeedId,
    year: z.string().min(1).optional(),
    us: PayBasis.optional(),
    uk: PayBasis.optional(),
    india: PayBasis.optional(),
  })
  .strict();

export const CareerLadder = z
  .object({
    sources: SourceRef,
    payBasis: z.array(PayBasisBySeed).min(1),
    rungs: z.array(Rung).min(2),
    notes: z.array(SourcedNote).default([]),
  })
  .strict()
  .superRefine((l, ctx) => {
    const seen = new Set<string>();
    l.rungs.forEach((r, i) => {
      if (seen.has(r.level)) ctx.addIssue({ code: 'custom', message: `level "${r.level}" appears twice`, path: ['rungs', i, 'level'] });
      seen.add(r.level);
      r.views.forEach((v, j) => {
        const basis = l.payBasis.find((b) => b.seed === v.seed);
        if (!l.sources.seeds.includes(v.seed)) {
          ctx.addIssue({ code: 'custom', message: `seed "${v.seed}" is not in the ladder's sources`, path: ['rungs', i, 'views', j, 'seed'] });
        }
        for (const m of ['us', 'uk', 'india'] as const) {
          if (v.pay[m] !== undefined && basis?.[m] === undefined) {
            ctx.addIssue({ code: 'custom', message: `payBasis gives no ${m} basis for seed "${v.seed}"`, path: ['rungs', i, 'views', j, 'pay', m] });
          }
        }
      });
    });
  });
export type CareerLadder = z.infer<typeof CareerLadder>;

/* ------------------------------------------------------------------ where the work appears */

/** Named things (industries, regions) with what a seed says about them. */
const NamedGroup = z
  .object({
    sources: SourceRef,
    names: z.array(z.string().min(1)).min(1),
    context: z.string().min(1),
  })
  .strict();

export const WhereItAppears = z
  .object({
    /** The kinds of employer that hire, and what each hires for. */
    hiringModes: z
      .object({
        sources: SourceRef,
        items: z.array(z.object({ kind: z.string().min(1), hiresFor: z.string().min(1) }).strict()).min(1),
        notes: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    /** Example employers by company type. */
    exampleEmployers: z
      .array(
        z
          .object({
            sources: SourceRef,
            note: z.string().min(1).optional(),
            groups: z.array(z.object({ category: z.string().min(1), companies: z.array(z.string().min(1)).min(1) }).strict()).min(1),
          })
          .strict(),
      )
      .default([]),
    industries: z.array(NamedGroup).default([]),
    regions: z.array(NamedGroup).default([]),
  })
  .strict();

/* ------------------------------------------------------------------ project failure */
