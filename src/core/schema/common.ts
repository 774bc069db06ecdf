import * as z from 'zod';

/** Kebab-case identifier used for every cross-reference between data files. */
export const RoleId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case role id such as "ai-engineer"');
export type RoleId = z.infer<typeof RoleId>;

export const LayerCode = z.enum(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'cross']);
export type LayerCode = z.infer<typeof LayerCode>;

export const Difficulty = z.enum(['accessible', 'moderate', 'advanced', 'elite']);
export type Difficulty = z.infer<typeof Difficulty>;

export const LayerNumber = z.number().int().min(1).max(6);

/**
 * A layer as people type it: "L5", "l5", "5", "layer 5", "cross", "cross-cutting". With
 * `bareNumber: false` a lone digit is not a layer (where it could be a day or a time).
 */
export function parseLayer(text: string, opts: { bareNumber?: boolean } = {}): LayerCode | undefined {
  const s = text.trim().toLowerCase();
  const n = (opts.bareNumber === false ? /^(?:layer\s*|l)([1-6])$/ : /^(?:layer\s*|l)?([1-6])$/).exec(s);
  if (n) return `L${n[1]}` as LayerCode;
  return /^cross(?:-cutting)?$/.test(s) ? 'cross' : undefined;
}

/** A pay market; the reference gives every role's pay in both. */
export const Market = z.enum(['us', 'india']);
export type Market = z.infer<typeof Market>;
/** A market to show: one, or both side by side. */
export const MarketChoice = z.enum(['us', 'india', 'both']);
export type MarketChoice = z.infer<typeof MarketChoice>;

/** The words people use for a market. */
export const MARKET_WORDS: Readonly<Record<string, MarketChoice>> = Object.freeze({
  us: 'us',
  usa: 'us',
  usd: 'us',
  india: 'india',
  in: 'india',
  inr: 'india',
  both: 'both',
});

/** "usa", "INR", "both" → the market; undefined for any other word. */
export function parseMarket(word: string): MarketChoice | undefined {
  const w = word.trim().toLowerCase();
  return Object.hasOwn(MARKET_WORDS, w) ? MARKET_WORDS[w] : undefined;
}

/** /salary also knows the UK, for the one role whose deep-dive has UK pay. */
export const SalaryMarketChoice = z.enum(['us', 'india', 'uk', 'both'], { error: 'expected a market: us, india, uk or both' });
export type SalaryMarketChoice = z.infer<typeof SalaryMarketChoice>;
export const SALARY_MARKET_WORDS: Readonly<Record<string, SalaryMarketChoice>> = Object.freeze({
  ...MARKET_WORDS,
  uk: 'uk',
  gb: 'uk',
  gbp: 'uk',
  britain: 'uk',
});

export function parseSalaryMarket(word: string): SalaryMarketChoice | undefined {
  const w = word.trim().toLowerCase();
  return Object.hasOwn(SALARY_MARKET_WORDS, w) ? SALARY_MARKET_WORDS[w] : undefined;
}

/** A reference to a role in this knowledge base, or a title that is not one of the 31 roles (e.g. "CTO"). */
export const RoleOrTitle = z.union([
  // `qualifier` keeps the reference's specialisation of the move: "AI Research Scientist (NLP)".
  z.object({ role: RoleId, qualifier: z.string().min(1).optional() }).strict(),
  z.object({ title: z.string().min(1) }).strict(),
]);
export type RoleOrTitle = z.infer<typeof RoleOrTitle>;

/**
 * Who a certification, project or interview round applies to: named roles and/or a group
 * the core expands ("all" roles, "genai" roles, "engineering" roles, "non-coding" roles).
 */
export const RoleGroup = z.enum(['all', 'genai', 'engineering', 'non-coding']);
export type RoleGroup = z.infer<typeof RoleGroup>;

export const Audience = z
  .object({
    roles: z.array(RoleId).default([]),
    groups: z.array(RoleGroup).default([]),
    layers: z.array(LayerCode).default([]),
  })
  .strict()
  .refine((a) => a.roles.length + a.groups.length + a.layers.length > 0, {
    message: 'name at least one role, group or layer',
  });
export type Audience = z.infer<typeof Audience>;
