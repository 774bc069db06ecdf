import { z } from 'zod';
import { RoleId } from './common.js';

/**
 * The AI Engineer deep-dive (data/ai-engineer.yaml): what the seed articles say about the role,
 * block by block. Every block names the seed article(s) it comes from in `sources`; where two seeds
 * disagree, both figures are kept side by side and the disagreement is listed under `conflicts`.
 */

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

const UNIT_CURRENCY: Record<PayUnit, Currency> = {
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
    kind: z.enum(['article', 'career-note', 'guide']),
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
    companions: z
      .array(z.object({ name: z.string().min(1), purpose: z.string().min(1), note: z.string().min(1).optional() }).strict())
      .default([]),
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
    focusAreas: z
      .array(z.object({ sources: SourceRef, areas: z.array(z.string().min(1)).min(1) }).strict())
      .default([]),
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
            groups: z
              .array(z.object({ category: z.string().min(1), companies: z.array(z.string().min(1)).min(1) }).strict())
              .min(1),
          })
          .strict(),
      )
      .default([]),
    industries: z
      .array(
        z
          .object({
            sources: SourceRef,
            names: z.array(z.string().min(1)).min(1),
            context: z.string().min(1),
          })
          .strict(),
      )
      .default([]),
    regions: z
      .array(
        z
          .object({
            sources: SourceRef,
            names: z.array(z.string().min(1)).min(1),
            context: z.string().min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/* ------------------------------------------------------------------ project failure */

export const Failure = z
  .object({
    sources: SourceRef,
    figures: z.array(Figure).min(1),
    rootCauses: z
      .object({
        reportedBy: z.string().min(1),
        causes: z.array(z.object({ cause: z.string().min(1), detail: z.string().min(1) }).strict()).min(1),
      })
      .strict(),
    examples: z
      .array(
        z
          .object({
            organisation: z.string().min(1),
            what: z.string().min(1),
            figures: z.array(Figure).default([]),
          })
          .strict(),
      )
      .default([]),
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict();

/* ------------------------------------------------------------------ breaking in */

export const Duration = z
  .object({
    min: z.number().positive(),
    max: z.number().positive().nullable(),
    unit: z.enum(['weeks', 'months']),
  })
  .strict()
  .refine((d) => d.max === null || d.max >= d.min, { message: 'max must be at least min', path: ['max'] });

export const RoadmapPhase = z
  .object({
    phase: z.number().int().min(1),
    name: z.string().min(1),
    /** Null for an open-ended phase. */
    duration: Duration.nullable(),
    ongoing: z.boolean().default(false),
    goals: z.array(z.string().min(1)).min(1),
    /** A checklist of concrete things to be able to do, keyed by skill. */
    checklist: z.record(z.string().min(1), z.string().min(1)).optional(),
    tools: z.array(z.string().min(1)).default([]),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((p) => p.ongoing === (p.duration === null), { message: 'an ongoing phase has no duration, and only it' });

export const BreakingIn = z
  .object({
    /** A phased roadmap with durations. */
    roadmap: z
      .object({
        sources: SourceRef,
        assumes: z.string().min(1),
        total: Duration,
        totalNote: z.string().min(1).optional(),
        phases: z.array(RoadmapPhase).min(1),
      })
      .strict(),
    /** A numbered list of steps without durations. */
    steps: z
      .array(
        z
          .object({
            sources: SourceRef,
            steps: z
              .array(
                z
                  .object({
                    step: z.number().int().min(1),
                    name: z.string().min(1),
                    actions: z.array(z.string().min(1)).min(1),
                    tools: z.array(z.string().min(1)).default([]),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .default([]),
    /** Advice by topic: portfolio, communities, interviews, qualifications. */
    advice: z
      .array(
        z
          .object({
            sources: SourceRef,
            topic: z.string().min(1),
            points: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/* ------------------------------------------------------------------ conflicts */

export const SeedConflict = z
  .object({
    topic: z.string().min(1),
    kind: z.enum(['figure', 'classification', 'emphasis', 'naming']),
    /** Each side, with the seed(s) that hold it. */
    positions: z
      .array(z.object({ seeds: z.array(SeedId).min(1), holds: z.string().min(1) }).strict())
      .min(2),
    /** Where in this file the figures sit, as dotted paths. */
    where: z.array(z.string().min(1)).default([]),
    note: z.string().min(1).optional(),
  })
  .strict();
export type SeedConflict = z.infer<typeof SeedConflict>;

/* ------------------------------------------------------------------ the file */

/** Collects every seed id referenced under a `seeds` list or a `seed` field. */
function referencedSeeds(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) referencedSeeds(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'seed' && typeof v === 'string') out.add(v);
      else if (k === 'seeds' && Array.isArray(v)) {
        for (const s of v) if (typeof s === 'string') out.add(s);
      } else referencedSeeds(v, out);
    }
  }
}

export const AiEngineerDeepDive = z
  .object({
    // The role this file describes, its short summary, each seed's definition and outlook.
    meta: DeepDiveMeta,
    // The seed articles, with the outside sources each one cites.
    seeds: z.array(Seed).min(1),
    // The three kinds of "AI Engineer" job and each one's share of postings.
    tiers: Tiers,
    // AI Engineer beside neighbouring roles: one table per seed, one row per dimension, one column per role.
    comparison: z.array(ComparisonTable).min(1),
    // The production stack by layer, the frameworks, and the vector databases the seeds name.
    stack: Stack,
    // Skills in demand: must-have against nice-to-have, plus the seeds' other skill lists.
    skills: Skills,
    // What the work looks like from day to day, by area.
    dayToDay: z.array(DayToDayGroup).min(1),
    // Currency and unit per market, headline salary figures by source, pay premiums.
    salary: Salary,
    // Seniority rungs with each seed's title, years and pay per market, side by side.
    careerLadder: CareerLadder,
    // Where the work appears: kinds of employer, example companies, industries, regions.
    whereItAppears: WhereItAppears,
    // Other market figures from the seeds (growth ranking, market size, adoption), grouped by topic.
    figures: z.array(FigureGroup).default([]),
    // Why AI projects fail: the failure statistics, root causes and examples.
    failure: Failure.optional(),
    // How to get into the role: a phased roadmap with durations, step lists and advice.
    breakingIn: BreakingIn,
    // Where the seeds disagree; both sides are kept in the data, labelled, never averaged.
    conflicts: z.array(SeedConflict).default([]),
  })
  .strict()
  .superRefine((d, ctx) => {
    const declared = new Set<string>();
    d.seeds.forEach((s, i) => {
      if (declared.has(s.id)) ctx.addIssue({ code: 'custom', message: `seed "${s.id}" is declared twice`, path: ['seeds', i, 'id'] });
      if (!s.file.startsWith(`${s.id}_`)) ctx.addIssue({ code: 'custom', message: 'file must start with the seed id', path: ['seeds', i, 'file'] });
      declared.add(s.id);
    });
    const { seeds: _declaredSeeds, ...rest } = d;
    const used = new Set<string>();
    referencedSeeds(rest, used);
    for (const id of used) {
      if (!declared.has(id)) ctx.addIssue({ code: 'custom', message: `seed "${id}" is referenced but not declared under seeds`, path: ['seeds'] });
    }
  });
export type AiEngineerDeepDive = z.infer<typeof AiEngineerDeepDive>;
