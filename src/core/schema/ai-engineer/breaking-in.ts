import * as z from 'zod';
import { Figure, SeedId, SourceRef } from './sources.js';

/** The deep-dive's failure statistics, the roadmap into the role, and where the seeds disagree. */

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
    /** Advice by topic; /prep shows the interview advice and /projects the portfolio advice, for the role. */
    advice: z
      .array(
        z
          .object({
            sources: SourceRef,
            topic: z.enum(['portfolio', 'communities', 'interviews', 'qualifications', 'priorities']),
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
    positions: z.array(z.object({ seeds: z.array(SeedId).min(1), holds: z.string().min(1) }).strict()).min(2),
    /** Where in this file the figures sit, as dotted paths. */
    where: z.array(z.string().min(1)).default([]),
    note: z.string().min(1).optional(),
  })
  .strict();
export type SeedConflict = z.infer<typeof SeedConflict>;
