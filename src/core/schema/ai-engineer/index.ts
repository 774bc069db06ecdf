import * as z from 'zod';
import { DeepDiveMeta, FigureGroup, Seed } from './sources.js';
import { ComparisonTable, DayToDayGroup, Skills, Stack, Tiers } from './work.js';
import { CareerLadder, Salary, WhereItAppears } from './pay.js';
import { BreakingIn, Failure, SeedConflict } from './breaking-in.js';

/**
 * The AI Engineer deep-dive (data/ai-engineer.yaml): what the seed articles say about the role,
 * block by block. Every block names the seed article(s) it comes from in `sources`; where two seeds
 * disagree, both figures are kept side by side and the disagreement is listed under `conflicts`.
 */

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

export * from './sources.js';
export * from './work.js';
export * from './pay.js';
export * from './breaking-in.js';
