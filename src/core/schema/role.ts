import * as z from 'zod';
import { Difficulty, LayerCode, LayerNumber, RoleId, RoleOrTitle } from './common.js';

/**
 * A salary range in $K per year (US) or ₹ lakh per annum (India).
 * `max` is null where the reference gives a single figure; `plus` marks an open top ("$250K+").
 */
export const SalaryBand = z
  .object({
    min: z.number().nonnegative(),
    max: z.number().nonnegative().nullable(),
    plus: z.boolean(),
  })
  .strict()
  .refine((b) => b.max === null || b.max >= b.min, { message: 'max must be at least min', path: ['max'] });
export type SalaryBand = z.infer<typeof SalaryBand>;

/**
 * A band for one seniority level. `label` keeps the reference's own wording where it differs
 * from the level ("Entry/postdoc", "Senior/Lead"); `note` keeps qualifiers such as "+ commission".
 */
export const SalaryLevel = z
  .object({
    min: z.number().nonnegative(),
    max: z.number().nonnegative().nullable(),
    plus: z.boolean(),
    label: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((b) => b.max === null || b.max >= b.min, { message: 'max must be at least min', path: ['max'] });
export type SalaryLevel = z.infer<typeof SalaryLevel>;

/** An extra figure beyond entry/mid/senior: "FAANG TC", "Top 1%", "NVIDIA", "MNC labs". */
export const SalaryExtra = z
  .object({
    label: z.string().min(1),
    min: z.number().nonnegative(),
    max: z.number().nonnegative().nullable(),
    plus: z.boolean(),
    basis: z.enum(['base', 'TC', 'OTE']).default('base'),
  })
  .strict();
export type SalaryExtra = z.infer<typeof SalaryExtra>;

const MarketLevels = {
  entry: SalaryLevel.nullable(),
  mid: SalaryLevel.nullable(),
  senior: SalaryLevel.nullable(),
  notes: z.array(SalaryExtra).default([]),
};

export const UsSalary = z
  .object({
    /** The overview table's headline range. */
    range: SalaryBand.and(z.object({ basis: z.enum(['base', 'TC']).default('base') })),
    ...MarketLevels,
  })
  .strict();

export const IndiaSalary = z.object({ ...MarketLevels }).strict();

export const Role = z
  .object({
    /** 1–31, in the reference's order. */
    number: z.number().int().min(1),
    id: RoleId,
    name: z.string().min(1),
    /** A short badge the reference attaches to the title, e.g. "Highest Job Volume". */
    tagline: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).min(1),
    /** Primary layer, as in the overview table. */
    layer: LayerCode,
    /** The layers the role spans, from its "Stack Layer" field, e.g. [5, 6]. */
    layers: z.array(LayerNumber).min(1),
    /** The reference's qualifier on the stack layer, e.g. "strategic", "most specialized". */
    layerNote: z.string().min(1).optional(),
    difficulty: Difficulty,
    /** The overview's words, e.g. "Medium-High". */
    availability: z.string().min(1),
    /** The overview's words, e.g. "Master's pref". */
    education: z.string().min(1),
    summary: z.string().min(1),
    responsibilities: z.array(z.string().min(1)).min(1),
    mustHave: z.array(z.string().min(1)).min(1),
    niceToHave: z.array(z.string().min(1)).min(1),
    salary: z.object({ us: UsSalary, india: IndiaSalary }).strict(),
    hiringCompanies: z.array(z.string().min(1)).min(1),
    availabilityNote: z.string().min(1),
    entryRequirements: z.string().min(1),
    progression: z.array(RoleOrTitle).min(1),
    related: z.array(RoleOrTitle).min(1),
    differentiator: z.string().min(1),
  })
  .strict();
export type Role = z.infer<typeof Role>;

export const RolesFile = z
  .object({
    roles: z.array(Role).min(1),
  })
  .strict();
export type RolesFile = z.infer<typeof RolesFile>;
