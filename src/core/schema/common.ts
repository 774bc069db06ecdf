import { z } from 'zod';

/** Kebab-case identifier used for every cross-reference between data files. */
export const RoleId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case role id such as "ai-engineer"');
export type RoleId = z.infer<typeof RoleId>;

export const LayerCode = z.enum(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'cross']);
export type LayerCode = z.infer<typeof LayerCode>;

export const Difficulty = z.enum(['accessible', 'moderate', 'advanced', 'elite']);
export type Difficulty = z.infer<typeof Difficulty>;

export const LayerNumber = z.number().int().min(1).max(6);

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
