import * as z from 'zod';
import { Audience, Difficulty, LayerCode, LayerNumber, RoleId, RoleOrTitle } from './common.js';

export const Meta = z
  .object({
    title: z.string().min(1),
    /** Month the reference was researched, "YYYY-MM". */
    asOf: z.string().regex(/^\d{4}-\d{2}$/, 'expected YYYY-MM'),
    /** A caution that pay and hiring figures are a snapshot. */
    snapshotNote: z.string().min(1),
    /** "AI/ML Developer" is not a distinct role: the note and the roles it maps to. */
    aiMlDeveloper: z
      .object({
        aliases: z.array(z.string().min(1)).min(1),
        note: z.string().min(1),
        pointsTo: z.array(RoleId).min(1),
      })
      .strict(),
    /** The stack runs from the layer that is easiest to enter to the one that pays most. */
    stackSpan: z.object({ easiestEntry: LayerCode, highestPay: LayerCode }).strict(),
    /** Why this is a 6-layer model when industry models use 4-5. */
    stackModelNote: z.string().min(1),
  })
  .strict();

export const Layer = z
  .object({
    number: LayerNumber,
    code: LayerCode,
    name: z.string().min(1),
    focus: z.string().min(1),
    roles: z.array(RoleId).min(1),
  })
  .strict();

export const DifficultyTier = z
  .object({
    difficulty: Difficulty,
    experience: z.string().min(1),
    background: z.string().min(1),
    roles: z.array(RoleId).min(1),
  })
  .strict();

export const PathwayTrack = z
  .object({
    id: RoleId,
    name: z.string().min(1),
    focus: z.string().min(1),
    /** Each step is one or more alternatives ("AI Engineer / Data Scientist"). */
    steps: z.array(z.array(RoleOrTitle).min(1)).min(2),
  })
  .strict();

export const LadderRung = z
  .object({
    level: z.string().min(1),
    years: z.string().min(1),
  })
  .strict();

export const SkillCluster = z
  .object({
    cluster: z.string().min(1),
    roles: z.array(RoleId).min(1),
    why: z.string().min(1),
  })
  .strict();

export const InterviewRound = z
  .object({
    id: RoleId,
    name: z.string().min(1),
    /** The reference's scope wording, e.g. "L4-L2 roles"; absent where it gives none. */
    scope: z.string().min(1).optional(),
    appliesTo: Audience,
    /**
     * A one-line account, for a round every role gets: a role's answer gives this and points to the
     * round in full (/prep on its own) instead of repeating it.
     */
    summary: z.string().min(1).optional(),
    topics: z.array(z.string().min(1)).default([]),
    /** Role-specific topics, for the domain-specific round. */
    roleTopics: z.array(z.object({ roles: z.array(RoleId).min(1), topics: z.array(z.string().min(1)).min(1) }).strict()).default([]),
    /** Layer-specific tasks, for take-home assignments. */
    layerTasks: z.array(z.object({ layer: LayerCode, task: z.string().min(1) }).strict()).default([]),
    /** Company-specific focus, for the behavioral round. */
    companyFocus: z.array(z.object({ company: z.string().min(1), focus: z.string().min(1) }).strict()).default([]),
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** A job-search keyword, and the roles it names: the card of each of these suggests it. */
export const JobKeyword = z
  .object({
    keyword: z.string().min(1),
    roles: z.array(RoleId).min(1),
  })
  .strict();

export const KeywordGroup = z
  .object({
    layer: LayerCode,
    keywords: z.array(JobKeyword).min(1),
  })
  .strict();

export const FrontierLabs = z
  .object({
    labs: z.array(z.string().min(1)).min(1),
    tracks: z
      .array(
        z
          .object({
            name: z.string().min(1),
            layers: z.array(LayerCode).min(1),
            requirements: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .min(1),
    standOut: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const CompanyTier = z
  .object({
    tier: z.number().int().min(1),
    name: z.string().min(1),
    trait: z.string().min(1),
    companies: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const IndiaMarket = z
  .object({
    groups: z.array(z.object({ name: z.string().min(1), companies: z.array(z.string().min(1)).min(1) }).strict()).min(1),
    platforms: z.array(z.string().min(1)).min(1),
    salaryContext: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const Certification = z
  .object({
    name: z.string().min(1),
    code: z.string().min(1).optional(),
    appliesTo: Audience,
    priority: z.enum(['high', 'medium', 'nice-to-have']),
    note: z.string().min(1).optional(),
  })
  .strict();

export const PortfolioProject = z
  .object({
    title: z.string().min(1),
    appliesTo: Audience,
    /** The reference's layer wording, e.g. "L4-5", "Cross", "All". */
    layers: z.string().min(1),
    tip: z.string().min(1),
  })
  .strict();

/** The parts of the reference that can disagree with each other about a role. */
export const ReferencePart = z.enum(['overview table', 'role breakdown', 'roles by entry difficulty', 'salary table']);
export type ReferencePart = z.infer<typeof ReferencePart>;

/**
 * Where the reference contradicts itself about a role in figures that data/roles.yaml keeps only
 * one side of (it files pay by the role breakdown): each side with the part of the reference that
 * holds it. Contradictions whose two sides are both in the data (difficulty, layer) are found by
 * src/core/disagreements.ts instead.
 */
export const ReferenceConflict = z
  .object({
    role: RoleId,
    topic: z.string().min(1),
    kind: z.enum(['figure', 'classification']),
    positions: z.array(z.object({ part: ReferencePart, holds: z.string().min(1) }).strict()).min(2),
    note: z.string().min(1).optional(),
  })
  .strict();
export type ReferenceConflict = z.infer<typeof ReferenceConflict>;

export const Reference = z
  .object({
    meta: Meta,
    layers: z.array(Layer).length(6),
    difficultyTiers: z.array(DifficultyTier).length(4),
    pathways: z.object({ tracks: z.array(PathwayTrack).min(1), ladder: z.array(LadderRung).min(2) }).strict(),
    skillsMatrix: z.array(SkillCluster).min(1),
    interviewRounds: z.array(InterviewRound).min(1),
    jobKeywords: z.array(KeywordGroup).min(1),
    frontierLabs: FrontierLabs,
    companyTiers: z.array(CompanyTier).min(1),
    india: IndiaMarket,
    salaryNotes: z.array(z.string().min(1)).min(1),
    certifications: z.array(Certification).min(1),
    certificationNote: z.string().min(1),
    projects: z.array(PortfolioProject).min(1),
    sources: z.array(z.string().min(1)).min(1),
    /** Where the reference contradicts itself about a role (see ReferenceConflict). */
    conflicts: z.array(ReferenceConflict).default([]),
    /** Members of the named groups that certifications, projects and rounds refer to ("all" is implicit). */
    roleGroups: z
      .object({
        genai: z.array(RoleId).min(1),
        engineering: z.array(RoleId).min(1),
        'non-coding': z.array(RoleId).min(1),
      })
      .strict(),
  })
  .strict();
export type Reference = z.infer<typeof Reference>;
export type Layer = z.infer<typeof Layer>;
export type PathwayTrack = z.infer<typeof PathwayTrack>;
export type InterviewRound = z.infer<typeof InterviewRound>;
export type Certification = z.infer<typeof Certification>;
export type PortfolioProject = z.infer<typeof PortfolioProject>;
export type SkillCluster = z.infer<typeof SkillCluster>;
