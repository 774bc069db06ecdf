import * as z from 'zod';
import { Difficulty, LayerCode } from './schema/common.js';
import type { Role } from './schema/role.js';
import type { KnowledgeBase } from './knowledge-base.js';

/** Education levels, lowest first; a role's "minimum education" maps onto one. */
export const EducationLevel = z.enum(['none', 'bachelor', 'master', 'phd']);
export type EducationLevel = z.infer<typeof EducationLevel>;

/** Availability words of the reference, scarcest first. */
export const AVAILABILITY_ORDER = ['Ultra-Niche', 'Very Few', 'Niche', 'Growing', 'Medium', 'Medium-High', 'High', 'Very High'] as const;
export const AvailabilityLevel = z.enum(['niche', 'medium', 'high']);
export type AvailabilityLevel = z.infer<typeof AvailabilityLevel>;

export const BrowseFilter = z
  .object({
    layer: LayerCode.optional(),
    difficulty: Difficulty.optional(),
    /** Roles open to someone with at most this education. */
    education: EducationLevel.optional(),
    /** Roles with at least this availability. */
    availability: AvailabilityLevel.optional(),
  })
  .strict();
export type BrowseFilter = z.infer<typeof BrowseFilter>;

/** The lowest education a role's "Min Education" wording accepts. */
export function educationLevel(role: Role): EducationLevel {
  const e = role.education.toLowerCase();
  if (e.startsWith('none')) return 'none';
  if (e.startsWith('bachelor')) return 'bachelor';
  if (e.startsWith('master')) return 'master';
  if (e.startsWith('phd')) return 'phd';
  return 'bachelor';
}

export function availabilityRank(role: Role): number {
  const i = (AVAILABILITY_ORDER as readonly string[]).indexOf(role.availability);
  return i === -1 ? AVAILABILITY_ORDER.indexOf('Medium') : i;
}

const AVAILABILITY_FLOOR: Record<AvailabilityLevel, number> = {
  niche: 0,
  medium: AVAILABILITY_ORDER.indexOf('Growing'),
  high: AVAILABILITY_ORDER.indexOf('High'),
};

const EDUCATION_RANK: Record<EducationLevel, number> = { none: 0, bachelor: 1, master: 2, phd: 3 };

export function browse(kb: KnowledgeBase, filter: BrowseFilter): Role[] {
  return kb.roles.filter(
    (r) =>
      (!filter.layer || r.layer === filter.layer) &&
      (!filter.difficulty || r.difficulty === filter.difficulty) &&
      (!filter.education || EDUCATION_RANK[educationLevel(r)] <= EDUCATION_RANK[filter.education]) &&
      (!filter.availability || availabilityRank(r) >= AVAILABILITY_FLOOR[filter.availability]),
  );
}
