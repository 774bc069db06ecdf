import * as z from 'zod';

/** Building blocks of the AI Engineer deep-dive: seeds and sources, ranges, pay units, figures, meta. */

/** A seed article id: the three-digit prefix of its file name, e.g. "001" for 001_f6e0a304b7b9bbdc.txt. */
export const SeedId = z.string().regex(/^\d{3}$/, 'expected a three-digit seed id such as "001"');
export type SeedId = z.infer<typeof SeedId>;

/** Where a block comes from: the seed article(s), and the outside sources they cite for it (Glassdoor, PwC, ...). */
export const SourceRef = z
  .object({
    seeds: z.array(SeedId).min(1),
    cited: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * A number or range, in whatever unit the surrounding field states. `max` is null for a single figure;
 * `plus` marks an open top ("$500K+", "5+ years"); `approx` marks the seed's "~" or "roughly".
 */
export const Range = z
  .object({
    min: z.number().nonnegative(),
    max: z.number().nonnegative().nullable(),
    plus: z.boolean(),
    approx: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.max === null || r.max >= r.min, { message: 'max must be at least min', path: ['max'] });
export type Range = z.infer<typeof Range>;

export const Currency = z.enum(['USD', 'GBP', 'INR']);
export type Currency = z.infer<typeof Currency>;

/** Pay units. Level tables use thousands (or lakh) per year; headline figures quoted in full dollars use "$/yr". */
export const PayUnit = z.enum(['$K/yr', '£K/yr', '₹ lakh per annum', '$/yr']);
export type PayUnit = z.infer<typeof PayUnit>;

/** The currency each pay unit is written in. */
export const UNIT_CURRENCY: Record<PayUnit, Currency> = {
  '$K/yr': 'USD',
  '$/yr': 'USD',
  '£K/yr': 'GBP',
  '₹ lakh per annum': 'INR',
};

/** What a pay figure covers: base salary, total compensation, or the seed does not say. */
export const PayBasis = z.enum(['base', 'TC', 'unstated']);
export type PayBasis = z.infer<typeof PayBasis>;

/** A market's currency and the unit its level ranges are written in. */
export const MarketUnit = z
  .object({
    currency: Currency,
    unit: PayUnit,
  })
  .strict()
  .refine((m) => UNIT_CURRENCY[m.unit] === m.currency, { message: 'unit does not match currency', path: ['unit'] });

/** A range per market, each in that market's unit (see `salary.markets`). */
export const MarketPay = z
  .object({
    us: Range.optional(),
    uk: Range.optional(),
    india: Range.optional(),
  })
  .strict()
  .refine((p) => p.us !== undefined || p.uk !== undefined || p.india !== undefined, {
    message: 'give at least one market',
  });
export type MarketPay = z.infer<typeof MarketPay>;

/** A sourced remark, for blocks that gather points from several seeds. */
export const SourcedNote = z
  .object({
    sources: SourceRef,
    text: z.string().min(1),
  })
  .strict();

/**
 * One figure: `value` (with `max` for a range) in `unit` ("%", "rank", "USD bn", "count", ...).
 * `previous` keeps an "up from" comparison; `year` the period the figure is for.
 */
export const Figure = z
  .object({
    what: z.string().min(1),
    value: z.number(),
    max: z.number().nullable().default(null),
    plus: z.boolean().default(false),
    approx: z.boolean().default(false),
    unit: z.string().min(1),
    year: z.string().min(1).optional(),
    previous: z
      .object({ value: z.number(), year: z.string().min(1).optional() })
      .strict()
      .optional(),
    /** The outside source the seed gives for this figure, when it names one. */
    reportedBy: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((f) => f.max === null || f.max >= f.value, { message: 'max must be at least value', path: ['max'] });
export type Figure = z.infer<typeof Figure>;

export const FigureGroup = z
  .object({
    topic: z.string().min(1),
    sources: SourceRef,
    items: z.array(Figure).min(1),
  })
  .strict();
export type FigureGroup = z.infer<typeof FigureGroup>;

/* ------------------------------------------------------------------ seeds and meta */

export const Seed = z
  .object({
    id: SeedId,
    file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'expected the seed file name, e.g. 001_f6e0a304b7b9bbdc.txt'),
    /** The article's own title, verbatim. */
    title: z.string().min(1),
    kind: z.enum(['reference', 'article', 'career-note', 'guide']),
    author: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    /** "YYYY" or "YYYY-MM": when the article dates itself or its figures. */
    dated: z
      .string()
      .regex(/^\d{4}(-\d{2})?$/, 'expected YYYY or YYYY-MM')
      .optional(),
    /** The article's own warning about its reliability, in our words. */
    caveat: z.string().min(1).optional(),
    /** Outside sources the article cites, in its text or its source list. */
    cites: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Seed = z.infer<typeof Seed>;

export const DeepDiveMeta = z
  .object({
    role: z.literal('ai-engineer'),
    name: z.string().min(1),
    summary: z.string().min(1),
    /** How each seed defines the role. */
    definitions: z.array(SourcedNote).min(1),
    /** Where each seed thinks the role is heading. */
    outlook: z.array(SourcedNote).default([]),
  })
  .strict();

/* ------------------------------------------------------------------ tiers */
