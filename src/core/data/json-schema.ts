import * as z from 'zod';
import { RolesFile } from '../schema/role.js';
import { Reference } from '../schema/reference.js';
import { AiEngineerDeepDive } from '../schema/ai-engineer.js';

/** JSON Schemas of the data files, generated from the zod schemas (the single source). */
export function jsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    title,
  });
  return {
    'roles.schema.json': make(RolesFile, 'RoleCall roles (data/roles.yaml)'),
    'reference.schema.json': make(Reference, 'RoleCall reference sections (data/reference.yaml)'),
    'ai-engineer.schema.json': make(AiEngineerDeepDive, 'RoleCall AI Engineer deep-dive (data/ai-engineer.yaml)'),
  };
}
