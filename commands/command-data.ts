import * as z from 'zod';
import { Difficulty, LayerCode, Market, RoleId, SalaryMarketChoice } from '../src/core/schema/common.js';
import { IndiaSalary, Role, UsSalary } from '../src/core/schema/role.js';
import { Certification, CompanyTier, FrontierLabs, IndiaMarket, InterviewRound, PortfolioProject, SkillCluster } from '../src/core/schema/reference.js';
import { AiEngineerDeepDive } from '../src/core/schema/ai-engineer/index.js';
import { LadderLevel } from '../src/core/schema/ai-engineer/pay.js';
import { Currency, PayUnit, Range, SeedId } from '../src/core/schema/ai-engineer/sources.js';
import { DEEP_DIVE_PARTS, type DeepDivePart } from '../src/views/deep-dive/index.js';
import type { Core } from '../src/core/index.js';
import type { Resolution } from '../src/core/resolve/resolution.js';
import { unresolvedView } from '../src/views/cards/resolution-views.js';
import type { Invocation, View } from '../src/views/view.js';

/**
 * The facts behind each command's View, as structured values: front ends act on them (Slack keeps
 * a thread's comparison, the Home tab lists roles) and `--json` prints them as `data`. Each kind is
 * a zod schema, so the JSON contract and its JSON Schema come from one place. Other tools parse it:
 * fields may be added, never renamed or removed. Built from the command's own facts, never from
 * its View's text.
 */

/** A role's pay as the reference gives it: the US in $K per year, India in ₹ lakh per annum. */
const RolePay = z
  .object({
    us: UsSalary.extend({ currency: z.literal('USD'), unit: z.literal('$K/yr') }),
    india: IndiaSalary.extend({ currency: z.literal('INR'), unit: z.literal('₹ lakh per annum') }),
  })
  .strict();

/** A role in a list or beside others: who it is, where it sits, how hard it is to enter, what it pays. */
export const RoleRecord = Role.pick({ number: true, id: true, name: true, layer: true, difficulty: true, availability: true, education: true }).extend({
  pay: RolePay,
});
export type RoleRecord = z.infer<typeof RoleRecord>;

/** A role card's facts: the record, plus what the job is and the skills it asks for. */
const RoleDetail = RoleRecord.extend(
  Role.pick({ summary: true, mustHave: true, niceToHave: true, hiringCompanies: true, differentiator: true, entryRequirements: true }).shape,
);

export function roleRecord(role: Role): RoleRecord {
  const { number, id, name, layer, difficulty, availability, education, salary } = role;
  return {
    number,
    id,
    name,
    layer,
    difficulty,
    availability,
    education,
    pay: { us: { currency: 'USD', unit: '$K/yr', ...salary.us }, india: { currency: 'INR', unit: '₹ lakh per annum', ...salary.india } },
  };
}

function roleDetail(role: Role): z.infer<typeof RoleDetail> {
  const { summary, mustHave, niceToHave, hiringCompanies, differentiator, entryRequirements } = role;
  return { ...roleRecord(role), summary, mustHave, niceToHave, hiringCompanies, differentiator, entryRequirements };
}

/** One move of a career path, between two of the roles. */
const PathStep = z.object({ from: RoleId, to: RoleId, via: z.string() }).strict();

/** A role name that did not resolve to one role: the ones it may mean, or the closest. */
const RoleRef = z.object({ number: z.number().int(), id: RoleId, name: z.string() }).strict();

/** Each deep-dive part with the section of the deep-dive it shows, as the data has it. */
const deepDive = AiEngineerDeepDive.shape;
const DEEP_DIVE_CONTENT = {
  overview: deepDive.meta,
  tiers: deepDive.tiers,
  compare: deepDive.comparison,
  stack: deepDive.stack,
  skills: deepDive.skills,
  day: deepDive.dayToDay,
  ladder: deepDive.careerLadder,
  pay: z.object({ salary: deepDive.salary, careerLadder: deepDive.careerLadder }).strict(),
  roadmap: deepDive.breakingIn,
  market: z.object({ whereItAppears: deepDive.whereItAppears, figures: deepDive.figures }).strict(),
  failure: deepDive.failure.unwrap().nullable(),
  disagreements: deepDive.conflicts,
  sources: deepDive.seeds,
} satisfies Record<DeepDivePart, z.ZodType>;

const deepDivePart = <P extends keyof typeof DEEP_DIVE_CONTENT>(part: P) =>
  z.object({ kind: z.literal('deepdive'), part: z.literal(part), role: RoleId, content: DEEP_DIVE_CONTENT[part] }).strict();

export const DeepDiveData = z.discriminatedUnion(
  'part',
  DEEP_DIVE_PARTS.map(deepDivePart) as unknown as [ReturnType<typeof deepDivePart<'overview'>>, ...ReturnType<typeof deepDivePart>[]],
);

/** Every kind of data a command's `--json` prints. */
export const JsonData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: RoleDetail }).strict(),
  z
    .object({
      kind: z.literal('roles'),
      roles: z.array(RoleRecord),
      filter: z
        .object({
          layer: LayerCode.nullable(),
          difficulty: Difficulty.nullable(),
          education: z.string().nullable(),
          availability: z.string().nullable(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('comparison'),
      roles: z.array(RoleRecord),
      skills: z
        .object({
          /** Must-haves every role lists, in the first role's wording. */
          shared: z.array(z.string()),
          /** Must-haves all roles touch with different scope: each role's wording, in role order. */
          partial: z.array(z.object({ byRole: z.array(z.string()), common: z.array(z.string()) }).strict()),
          /** Per role, in role order: must-haves no other role lists. */
          distinct: z.array(z.object({ role: RoleId, skills: z.array(z.string()) }).strict()),
          total: z.number().int(),
        })
        .strict(),
      links: z.array(z.object({ from: RoleId, to: RoleId, steps: z.number().int() }).strict()),
    })
    .strict(),
  z
    .object({
      kind: z.literal('path'),
      /** found: a listed path; none: no listed path (`reverse` when the other way has one); same; next: moves from `from`. */
      status: z.enum(['found', 'none', 'same', 'next']),
      from: RoleId,
      to: RoleId.nullable(),
      /** The role ids from `from` to `to`, in order; empty unless found. */
      roles: z.array(RoleId),
      steps: z.array(PathStep),
      reverse: z.array(PathStep).nullable(),
      next: z.array(z.object({ role: RoleId, via: z.string() }).strict()),
    })
    .strict(),
  z
    .object({
      kind: z.literal('skills'),
      query: z.string(),
      mustHave: z.array(z.object({ role: RoleId, skill: z.string() }).strict()),
      niceToHave: z.array(z.object({ role: RoleId, skill: z.string() }).strict()),
      clusters: z.array(SkillCluster),
      suggestions: z.array(z.string()),
    })
    .strict(),
  z
    .object({
      kind: z.literal('match'),
      skills: z.array(z.string()),
      matches: z.array(
        z
          .object({
            rank: z.number().int(),
            role: RoleRecord,
            coverage: z.number(),
            matchedMustHave: z.array(z.string()),
            matchedNiceToHave: z.array(z.string()),
            missingMustHave: z.array(z.string()),
          })
          .strict(),
      ),
    })
    .strict(),
  z
    .object({
      kind: z.literal('salary'),
      role: RoleRecord,
      market: SalaryMarketChoice,
      markets: z.array(Market),
      level: z.enum(['entry', 'mid', 'senior', 'staff']).nullable(),
      /** The deep-dive's UK ladder, for the one role that has it and only when the UK is asked. */
      uk: z
        .object({
          currency: Currency,
          unit: PayUnit,
          rungs: z.array(z.object({ level: LadderLevel, title: z.string(), years: Range.nullable(), pay: Range, seed: SeedId }).strict()),
        })
        .strict()
        .nullable(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('prep'),
      role: RoleId.nullable(),
      rounds: z.array(
        z.object({ round: InterviewRound, topics: z.array(z.string()), tasks: z.array(z.object({ layer: LayerCode, task: z.string() }).strict()) }).strict(),
      ),
      frontierTracks: z.array(FrontierLabs.shape.tracks.element),
      standOut: z.array(z.string()),
    })
    .strict(),
  z.object({ kind: z.literal('certs'), role: RoleId.nullable(), certifications: z.array(Certification) }).strict(),
  z.object({ kind: z.literal('projects'), role: RoleId.nullable(), layer: LayerCode.nullable(), projects: z.array(PortfolioProject) }).strict(),
  z.object({ kind: z.literal('companies'), tiers: z.array(CompanyTier), india: IndiaMarket.nullable() }).strict(),
  DeepDiveData,
  z
    .object({
      kind: z.literal('sources'),
      sources: z.array(z.string()),
      seeds: deepDive.seeds,
    })
    .strict(),
  z
    .object({
      kind: z.literal('help'),
      commands: z.array(z.object({ name: z.string(), usage: z.string(), description: z.string(), examples: z.array(z.string()) }).strict()),
    })
    .strict(),
  /** A role name that named no single role (ambiguous or not found). */
  z.object({ kind: z.literal('unresolved'), status: z.enum(['ambiguous', 'not_found']), query: z.string(), candidates: z.array(RoleRef) }).strict(),
  z.object({ kind: z.literal('spotlight'), ok: z.boolean() }).strict(),
  /** /about: the version and how current the data is; the page link is the line's `url`. */
  z
    .object({
      kind: z.literal('about'),
      version: z.string(),
      dataAsOf: z.string(),
      roles: z.number().int(),
      support: z.object({ issues: z.string().nullable(), repository: z.string().nullable() }).strict(),
    })
    .strict(),
  /** /settings: false when it changed nothing it was asked to (refused, rejected, not here). */
  z.object({ kind: z.literal('settings'), ok: z.boolean() }).strict(),
]);
export type JsonData = z.infer<typeof JsonData>;

/** A deep-dive part's data: the section of the deep-dive it shows, as the data file has it. */
export function deepDiveData(deep: AiEngineerDeepDive, part: DeepDivePart): JsonData {
  const content: { [P in DeepDivePart]: z.infer<(typeof DEEP_DIVE_CONTENT)[P]> } = {
    overview: deep.meta,
    tiers: deep.tiers,
    compare: deep.comparison,
    stack: deep.stack,
    skills: deep.skills,
    day: deep.dayToDay,
    ladder: deep.careerLadder,
    pay: { salary: deep.salary, careerLadder: deep.careerLadder },
    roadmap: deep.breakingIn,
    market: { whereItAppears: deep.whereItAppears, figures: deep.figures },
    failure: deep.failure ?? null,
    disagreements: deep.conflicts,
    sources: deep.seeds,
  };
  // TypeScript cannot pair content[part] with its part's schema for a part it knows only as a union.
  return { kind: 'deepdive', part, role: deep.meta.role, content: content[part] } as JsonData;
}

/** What `--json` prints as `data`: the command's public data, or null where it has none (errors, notices, /profile). */
// /ask's own data (kind 'question', commands/command.ts) is internal: what it understood is printed by ask --json itself.
export function jsonData(data: JsonData | { kind: 'question' } | undefined): JsonData | null {
  return data && data.kind !== 'question' ? data : null;
}

/** A role lookup's data: the role card's facts, or the roles an unresolved name may mean. */
export function resolutionData(res: Resolution): JsonData {
  if (res.status === 'found') return { kind: 'role', role: roleDetail(res.role) };
  const roles = res.status === 'ambiguous' ? res.candidates : res.suggestions;
  return { kind: 'unresolved', status: res.status, query: res.query, candidates: roles.map((r) => ({ number: r.number, id: r.id, name: r.name })) };
}

/** unresolvedView with its data. */
export function unresolvedAnswer(core: Core, res: Exclude<Resolution, { status: 'found' }>, retry: (role: Role) => Invocation): { view: View; data: JsonData } {
  return { view: unresolvedView(core, res, retry), data: resolutionData(res) };
}

/** The JSON Schema of `data` (data/schema/cli-data.schema.json, written by `npm run schema`). */
export function jsonDataSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(JsonData.nullable(), { io: 'output', unrepresentable: 'any', reused: 'ref' }),
    title: 'RoleCall --json data (rolecall <command> --json)',
  };
}
