import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { RolesFile } from '../schema/role.js';
import { Reference } from '../schema/reference.js';
import { AiEngineerDeepDive } from '../schema/ai-engineer.js';
import { defaultDataDir, packageRoot } from '../paths.js';
import { DataError, formatPath, formatZodIssues } from './errors.js';
import { checkCrossReferences, collectRoleIds } from './cross-refs.js';
import { KnowledgeBase } from '../knowledge-base.js';

export const DATA_FILES = {
  roles: 'roles.yaml',
  reference: 'reference.yaml',
  aiEngineer: 'ai-engineer.yaml',
} as const;

/** yaml's guard against alias bombs: more expansions than this are refused as a data error. */
export const MAX_ALIAS_COUNT = 100;

/** How a file is named in messages: relative to the package when it lives there ("data/roles.yaml"). */
function displayName(path: string): string {
  for (const base of [packageRoot(), process.cwd()]) {
    const rel = relative(base, path);
    if (!rel.startsWith('..') && !isAbsolute(rel)) return rel;
  }
  return path;
}

function readYaml<S extends z.ZodType>(path: string, schema: S, problems: string[]): z.infer<S> | undefined {
  const name = displayName(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    problems.push(`${name}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return undefined;
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      problems.push(`${name}:${pos ? `${pos.line}:${pos.col}` : ''} YAML syntax: ${e.message.split('\n')[0]}`);
    }
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // An alias bomb ("billion laughs") would expand to gigabytes; yaml stops it and says why.
    problems.push(`${name}: YAML aliases: ${(err as Error).message} (at most ${MAX_ALIAS_COUNT} alias expansions are allowed)`);
    return undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    problems.push(...formatZodIssues(name, result.error));
    return undefined;
  }
  return result.data;
}

/**
 * Loads and validates the knowledge base. Throws a DataError listing every problem
 * (schema errors first, then broken cross-references), so a bad edit fails at start-up.
 */
export function loadKnowledgeBase(dataDir: string = defaultDataDir()): KnowledgeBase {
  const problems: string[] = [];
  const paths = {
    roles: join(dataDir, DATA_FILES.roles),
    reference: join(dataDir, DATA_FILES.reference),
    aiEngineer: join(dataDir, DATA_FILES.aiEngineer),
  };
  const rolesFile = readYaml(paths.roles, RolesFile, problems);
  const reference = readYaml(paths.reference, Reference, problems);
  const deepDive = readYaml(paths.aiEngineer, AiEngineerDeepDive, problems);
  if (!rolesFile || !reference || !deepDive) throw new DataError(problems);

  problems.push(
    ...checkCrossReferences(rolesFile.roles, reference, {
      roles: displayName(paths.roles),
      reference: displayName(paths.reference),
    }),
  );
  const ids = new Set(rolesFile.roles.map((r) => r.id));
  for (const { path, id } of collectRoleIds(deepDive)) {
    if (!ids.has(id)) problems.push(`${displayName(paths.aiEngineer)}: ${formatPath(path)}: unknown role id "${id}"`);
  }
  if (problems.length > 0) throw new DataError(problems);
  return new KnowledgeBase(rolesFile.roles, reference, deepDive);
}
