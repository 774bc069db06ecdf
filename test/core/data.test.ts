import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadKnowledgeBase } from '../../src/core/data/load.js';
import { DataError } from '../../src/core/data/errors.js';
import { jsonSchemas } from '../../src/core/data/json-schema.js';
import { defaultDataDir } from '../../src/core/paths.js';
import { testCore } from '../helpers/core.js';

const ROLE_FIELDS = [
  'number',
  'id',
  'name',
  'aliases',
  'layer',
  'layers',
  'difficulty',
  'availability',
  'education',
  'summary',
  'responsibilities',
  'mustHave',
  'niceToHave',
  'salary',
  'hiringCompanies',
  'availabilityNote',
  'entryRequirements',
  'progression',
  'related',
  'differentiator',
];

/** A copy of data/ in a temp folder named "data", edited by `edit`, then loaded. */
function loadEdited(file: string, edit: (doc: Record<string, unknown>) => void): DataError {
  const root = mkdtempSync(join(tmpdir(), 'rolecall-data-'));
  const dir = join(root, 'data');
  cpSync(defaultDataDir(), dir, { recursive: true });
  const doc = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(doc);
  writeFileSync(join(dir, file), stringify(doc));
  try {
    loadKnowledgeBase(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return err as DataError;
  }
  throw new Error('expected the edited data to be rejected');
}

// biome-ignore lint/suspicious/noExplicitAny: the test edits raw YAML documents of any shape
type RoleDoc = { roles: Array<Record<string, any>> };

describe('knowledge base', () => {
  const { kb } = testCore();

  it('has all 31 roles in the reference order with every field of the breakdown', () => {
    expect(kb.roles).toHaveLength(31);
    kb.roles.forEach((role, i) => {
      expect(role.number).toBe(i + 1);
      for (const field of ROLE_FIELDS) expect(role, `${role.id}.${field}`).toHaveProperty(field);
      expect(role.aliases.length, `${role.id} aliases`).toBeGreaterThanOrEqual(2);
      expect(role.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });
    expect(kb.role('ai-engineer').number).toBe(8);
  });

  it('carries the shared sections, the as-of date and the AI/ML Developer note', () => {
    const ref = kb.reference;
    expect(ref.meta.asOf).toBe('2026-03');
    expect(ref.layers.map((l) => l.code)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
    expect(ref.difficultyTiers.map((t) => t.difficulty)).toEqual(['accessible', 'moderate', 'advanced', 'elite']);
    expect(ref.pathways.tracks.length).toBe(7);
    expect(ref.pathways.ladder.length).toBe(6);
    expect(ref.skillsMatrix.length).toBe(6);
    // The reference's seven rounds, and its portfolio review (listed with the take-homes) as a round of its own.
    expect(ref.interviewRounds.map((r) => r.id)).toEqual([
      'ai-ml-fundamentals',
      'system-design',
      'coding-dsa',
      'domain-specific',
      'behavioral',
      'take-home',
      'portfolio-review',
      'ethics-culture',
    ]);
    expect(ref.jobKeywords.map((k) => k.layer)).toEqual(['L6', 'L5', 'L4', 'L3', 'L2', 'L1', 'cross']);
    expect(ref.frontierLabs.labs).toContain('Anthropic');
    expect(ref.companyTiers.length).toBe(5);
    expect(ref.india.platforms).toContain('Naukri.com');
    expect(ref.certifications.length).toBe(11);
    expect(ref.projects.length).toBe(15);
    expect(ref.sources.length).toBeGreaterThanOrEqual(13);
    expect(ref.meta.aiMlDeveloper.pointsTo).toEqual(['ai-engineer', 'ml-engineer']);
  });

  it('carries the AI Engineer deep-dive tiers with their share of postings', () => {
    const shares = kb.aiEngineer.tiers.tiers.map((t) => t.share.min);
    expect(shares).toEqual([60, 25, 15]);
  });

  it('every role is in exactly one difficulty tier', () => {
    const all = kb.reference.difficultyTiers.flatMap((t) => t.roles);
    expect(all.sort()).toEqual(kb.roles.map((r) => r.id).sort());
  });

  it('ships JSON Schemas that match the zod schemas', () => {
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      const onDisk = JSON.parse(readFileSync(join(defaultDataDir(), 'schema', file), 'utf8'));
      expect(onDisk, `data/schema/${file} is stale: run npm run schema`).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});

describe('a bad data file fails at load with file, path and reason', () => {
  it('names a wrong type at its exact path', () => {
    const err = loadEdited('roles.yaml', (d) => {
      (d as RoleDoc).roles[7]!.salary.us.mid.min = 'lots';
    });
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(/(^|\/)data\/roles\.yaml: roles\[7\]\.salary\.us\.mid\.min: expected number, received string$/);
  });

  it('names a missing field', () => {
    const err = loadEdited('roles.yaml', (d) => {
      delete (d as RoleDoc).roles[3]!.summary;
    });
    expect(err.problems.join('\n')).toMatch(/data\/roles\.yaml: roles\[3\]\.summary: expected string, received undefined/);
  });

  it('rejects a broken cross-reference in related roles and in progression', () => {
    const err = loadEdited('roles.yaml', (d) => {
      (d as RoleDoc).roles[0]!.related[0] = { role: 'ai-wizard' };
      (d as RoleDoc).roles[1]!.progression[0] = { role: 'chief-vibes-officer' };
    });
    const text = err.problems.join('\n');
    expect(text).toContain('data/roles.yaml: roles[0].related[0].role: unknown role id "ai-wizard"');
    expect(text).toContain('data/roles.yaml: roles[1].progression[0].role: unknown role id "chief-vibes-officer"');
  });

  it('rejects broken references in pathways, projects and certifications', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test edits a raw YAML document of any shape
    const err = loadEdited('reference.yaml', (d: any) => {
      d.pathways.tracks[0].steps[0][0] = { role: 'nobody' };
      d.projects[0].appliesTo.roles[0] = 'nobody-2';
      d.certifications[0].appliesTo.roles[0] = 'nobody-3';
    });
    const text = err.problems.join('\n');
    expect(text).toContain('data/reference.yaml: pathways.tracks[0].steps[0][0].role: unknown role id "nobody"');
    expect(text).toContain('data/reference.yaml: projects[0].appliesTo.roles[0]: unknown role id "nobody-2"');
    expect(text).toContain('data/reference.yaml: certifications[0].appliesTo.roles[0]: unknown role id "nobody-3"');
  });

  it('rejects an alias claimed by two roles', () => {
    const err = loadEdited('roles.yaml', (d) => {
      (d as RoleDoc).roles[1]!.aliases.push('MLE');
    });
    expect(err.problems.join('\n')).toMatch(/roles\.yaml: roles\[(1|22)\]\.aliases\[\d+\]: "MLE" already names role/);
  });

  it('reports YAML syntax errors with a line number', () => {
    const root = mkdtempSync(join(tmpdir(), 'rolecall-data-'));
    const dir = join(root, 'data');
    cpSync(defaultDataDir(), dir, { recursive: true });
    writeFileSync(join(dir, 'roles.yaml'), 'roles:\n  - number: 1\n   id: [unclosed\n');
    expect(() => loadKnowledgeBase(dir)).toThrow(/roles\.yaml:\d+:\d+ YAML syntax/);
  });
});
