import * as z from 'zod';
import { RoleId } from '../common.js';
import { PayUnit, Range, SourceRef, SourcedNote } from './sources.js';

/** The deep-dive's picture of the work: job tiers, role comparisons, the stack, skills, day-to-day. */

export const Tier = z
  .object({
    tier: z.number().int().min(1),
    name: z.string().min(1),
    /** Share of "AI Engineer" postings, in %. */
    share: Range,
    focus: z.string().min(1),
    /** Typical pieces of work. */
    work: z.array(z.string().min(1)).default([]),
    /** What kind of employer needs this tier, where the seed says. */
    whereFound: z.string().min(1).optional(),
    payNote: z.string().min(1).optional(),
    keySkills: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type Tier = z.infer<typeof Tier>;

export const Tiers = z
  .object({
    sources: SourceRef,
    /** How the seed arrived at the split. */
    basis: z.string().min(1),
    tiers: z.array(Tier).min(1),
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict();

/* ------------------------------------------------------------------ comparison */

export const ComparisonColumn = z
  .object({
    role: RoleId,
    /** The seed's column heading, where it differs from our role name ("Data Scientist", "Research Scientist"). */
    label: z.string().min(1),
  })
  .strict();

/** A cell: a phrase, a list (tools, outputs), or a figure in the row's `unit`. */
export const ComparisonCell = z.union([z.string().min(1), z.array(z.string().min(1)).min(1), Range]);
export type ComparisonCell = z.infer<typeof ComparisonCell>;

export const ComparisonRow = z
  .object({
    dimension: z.string().min(1),
    /** Required when the cells are figures. */
    unit: PayUnit.optional(),
    /** One cell per column, keyed by role id. */
    values: z.record(RoleId, ComparisonCell),
  })
  .strict();

export const ComparisonTable = z
  .object({
    sources: SourceRef,
    columns: z.array(ComparisonColumn).min(2),
    rows: z.array(ComparisonRow).min(1),
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
    const cols = t.columns.map((c) => c.role);
    t.rows.forEach((row, i) => {
      const keys = Object.keys(row.values);
      for (const k of keys) {
        if (!cols.includes(k)) ctx.addIssue({ code: 'custom', message: `"${k}" is not a column`, path: ['rows', i, 'values', k] });
      }
      for (const c of cols) {
        if (!keys.includes(c)) ctx.addIssue({ code: 'custom', message: `missing a value for "${c}"`, path: ['rows', i, 'values'] });
      }
      const numeric = Object.values(row.values).some((v) => typeof v === 'object' && !Array.isArray(v));
      if (numeric && row.unit === undefined) {
        ctx.addIssue({ code: 'custom', message: 'rows with figures need a unit', path: ['rows', i, 'unit'] });
      }
    });
  });
export type ComparisonTable = z.infer<typeof ComparisonTable>;

/* ------------------------------------------------------------------ stack */

export const StackComponent = z
  .object({
    component: z.string().min(1),
    tools: z.array(z.string().min(1)).default([]),
    /** "one-of": pick one of the tools; "all-of": used together. */
    combine: z.enum(['one-of', 'all-of']).optional(),
    /** A condition on using it, e.g. only when self-hosting. */
    when: z.string().min(1).optional(),
    /** The technique, where the seed names a practice rather than (only) a tool. */
    approach: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => c.tools.length > 0 || c.approach !== undefined, { message: 'give tools or an approach' });

export const StackLayer = z
  .object({
    layer: z.string().min(1),
    components: z.array(StackComponent).min(1),
  })
  .strict();

export const FrameworkEntry = z
  .object({
    name: z.string().min(1),
    /** What it is for, in a phrase. */
    kind: z.string().min(1),
    facts: z.array(z.string().min(1)).default([]),
    /** Tools from the same family, e.g. LangGraph, LangSmith. */
    companions: z.array(z.object({ name: z.string().min(1), purpose: z.string().min(1), note: z.string().min(1).optional() }).strict()).default([]),
  })
  .strict();

export const Benchmark = z
  .object({
    metric: z.string().min(1),
    unit: z.string().min(1),
    approx: z.boolean().default(false),
    basis: z.string().min(1),
    /** Result per framework name. */
    results: z.record(z.string().min(1), z.number()),
  })
  .strict();

export const VectorDbUseCase = z
  .object({
    useCase: z.string().min(1),
    /** Upper bound on collection size, in vectors ("under 1M"). */
    vectorsUnder: z.number().int().positive().optional(),
    /** Lower bound on collection size, in vectors ("100M+"). */
    vectorsFrom: z.number().int().positive().optional(),
    picks: z.array(z.string().min(1)).min(1),
    /** How the picks relate, e.g. start with one and move to the next. */
    pickNote: z.string().min(1).optional(),
    /** The reason, as a clause with its own subject and verb: "it needs no new infrastructure". */
    why: z.string().min(1),
  })
  .strict();

export const VectorDbGroup = z
  .object({
    sources: SourceRef,
    byUseCase: z.array(VectorDbUseCase).default([]),
    /** Databases a seed names without a recommendation. */
    named: z.array(z.string().min(1)).default([]),
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((g) => g.byUseCase.length + g.named.length > 0, { message: 'give use cases or names' });

export const Stack = z
  .object({
    /** The layered production stack, layer by layer. */
    production: z
      .object({
        sources: SourceRef,
        year: z.string().min(1),
        layers: z.array(StackLayer).min(1),
      })
      .strict(),
    frameworks: z
      .object({
        sources: SourceRef,
        items: z.array(FrameworkEntry).min(1),
        benchmarks: z.array(Benchmark).default([]),
        patterns: z.array(z.string().min(1)).default([]),
        notes: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    vectorDatabases: z.array(VectorDbGroup).min(1),
    /** The broad technical areas a seed lists for the role. */
    focusAreas: z.array(z.object({ sources: SourceRef, areas: z.array(z.string().min(1)).min(1) }).strict()).default([]),
  })
  .strict();

/* ------------------------------------------------------------------ skills */

export const Skill = z
  .object({
    skill: z.string().min(1),
    tools: z.array(z.string().min(1)).default([]),
    note: z.string().min(1).optional(),
  })
  .strict();
export type Skill = z.infer<typeof Skill>;

export const SkillGroup = z
  .object({
    sources: SourceRef,
    /** The seed's own framing where it differs from the list's name ("strong differentiators"). */
    label: z.string().min(1).optional(),
    /** Share of postings that ask for these, in %. */
    postingShare: Range.optional(),
    items: z.array(Skill).min(1),
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type SkillGroup = z.infer<typeof SkillGroup>;

export const Skills = z
  .object({
    mustHave: z.array(SkillGroup).min(1),
    niceToHave: z.array(SkillGroup).min(1),
    /** Skills a seed argues are overvalued. */
    overrated: z.array(SkillGroup).default([]),
    /** Technical skills a seed lists without ranking them. */
    technical: z.array(SkillGroup).default([]),
    soft: z.array(SkillGroup).default([]),
    /** The tools a seed says candidates should be fluent in. */
    toolFluency: z.array(SkillGroup).default([]),
    notes: z.array(SourcedNote).default([]),
  })
  .strict();

/* ------------------------------------------------------------------ day to day */

export const WorkArea = z
  .object({
    area: z.string().min(1),
    /** When or why this work comes up. */
    context: z.string().min(1).optional(),
    tasks: z.array(z.string().min(1)).min(1),
    tools: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const DayToDayGroup = z
  .object({
    sources: SourceRef,
    areas: z.array(WorkArea).min(1),
  })
  .strict();

/* ------------------------------------------------------------------ salary */
