import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { JsonData, jsonDataSchema } from '../../commands/command-data.js';
import { defaultDataDir } from '../../src/core/paths.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { testCore } from '../helpers/core.js';

// The built CLI (`npm run build` first), as a script calling `rolecall … --json` runs it.
const run = promisify(execFile);
async function rolecall(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['dist/app/cli.js', ...args, '--json'], { encoding: 'utf8' }).catch((err: { stdout: string }) => err);
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** What `data` must hold: the kind, or null for the answers that carry no facts. */
type Expected = JsonData['kind'] | null;

/**
 * Every command of the registry, with the calls run for it and the data kind each must print.
 * A command added to the registry without a line here fails the first test.
 */
const CALLS: Record<string, Array<[string[], Expected]>> = {
  role: [
    [['role', 'AI Engineer'], 'role'],
    [['role', 'engineer'], 'unresolved'],
  ],
  compare: [
    [['compare', 'AI Engineer', 'ML Engineer'], 'comparison'],
    [['compare', 'AI Engineer', 'zzqx'], 'unresolved'],
  ],
  roles: [
    [['roles'], 'roles'],
    [['roles', 'L5'], 'roles'],
  ],
  path: [
    [['path', 'AI Engineer', 'AI Solutions Architect'], 'path'],
    [['path', 'Prompt Engineer'], 'path'],
  ],
  skills: [[['skills', 'CUDA'], 'skills']],
  match: [[['match', 'python', 'pytorch', 'sql'], 'match']],
  salary: [
    [['salary', 'ML Engineer'], 'salary'],
    [['salary', 'AI Engineer', '--market', 'uk'], 'salary'],
  ],
  prep: [
    [['prep', 'AI Engineer'], 'prep'],
    [['prep'], 'prep'],
  ],
  certs: [
    [['certs'], 'certs'],
    [['certs', 'ML Engineer'], 'certs'],
  ],
  projects: [
    [['projects', 'RAG Engineer'], 'projects'],
    [['projects', '--layer', 'L3'], 'projects'],
  ],
  companies: [
    [['companies'], 'companies'],
    [['companies', '--which', 'india'], 'companies'],
  ],
  deepdive: [
    [['deepdive'], 'deepdive'],
    [['deepdive', '--part', 'pay'], 'deepdive'],
    [['deepdive', '--part', 'failure'], 'deepdive'],
  ],
  sources: [[['sources'], 'sources']],
  ask: [
    [['ask', 'mle vs ai engineer salary in india'], 'comparison'],
    [['ask', 'what is the weather'], null],
  ],
  // `rolecall profile` and `rolecall settings` are operators' tools with their own output
  // (profile export prints the profile's JSON), as `rolecall spotlight` is; /spotlight's data is checked below.
  profile: [],
  settings: [],
  spotlight: [],
  about: [[['about'], 'about']],
  help: [[['help'], 'help']],
};

const results = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  const calls = Object.values(CALLS).flat();
  // Two at a time: other tests share the machine.
  for (let i = 0; i < calls.length; i += 2) {
    await Promise.all(calls.slice(i, i + 2).map(async ([args]) => results.set(args.join(' '), await rolecall(...args))));
  }
}, 120_000);

const data = (...args: string[]) => results.get(args.join(' '))!.data as JsonData;

describe('every --json carries its data', () => {
  it('covers every command of the registry', () => {
    expect(Object.keys(CALLS).sort()).toEqual(commands.map((c) => c.name).sort());
  });

  for (const [name, calls] of Object.entries(CALLS)) {
    for (const [args, kind] of calls) {
      it(`${args.join(' ')}: data is ${kind ?? 'null'} and validates against its schema`, () => {
        const json = results.get(args.join(' '))!;
        expect(json, name).toHaveProperty('data');
        // `role --json` keeps its own contract (status, query, role) and has no view.
        if (name !== 'role') expect(json.view, 'data sits beside the view').toBeDefined();
        if (kind === null) return expect(json.data).toBeNull();
        const parsed = JsonData.safeParse(json.data);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(parsed.data?.kind).toBe(kind);
      });
    }
  }

  it('ships the JSON Schema of data, current with the zod schemas', () => {
    const onDisk = JSON.parse(readFileSync(join(defaultDataDir(), 'schema', 'cli-data.schema.json'), 'utf8'));
    expect(onDisk, 'data/schema/cli-data.schema.json is stale: run npm run schema').toEqual(JSON.parse(JSON.stringify(jsonDataSchema())));
  });

  it('/spotlight reports whether it did what was asked, through the same schema', async () => {
    const result = await new Dispatcher(testCore()).run('spotlight', { subcommand: 'preview' }, { platform: 'cli' });
    expect(JsonData.parse(result.data)).toEqual({ kind: 'spotlight', ok: false });
  });
});

describe('the data holds the facts as values', () => {
  it('roles: all 31, each with numeric pay in both markets and their units', () => {
    const d = data('roles');
    if (d.kind !== 'roles') throw new Error(d.kind);
    expect(d.roles).toHaveLength(31);
    expect(d.filter).toEqual({ layer: null, difficulty: null, education: null, availability: null });
    for (const r of d.roles) {
      expect(typeof r.pay.us.range.min).toBe('number');
      const bands = [r.pay.us.entry, r.pay.us.mid, r.pay.us.senior, r.pay.india.entry, r.pay.india.mid, r.pay.india.senior].filter((b) => b !== null);
      expect(bands.length, r.name).toBeGreaterThan(1);
      for (const b of bands) expect(typeof b.min).toBe('number');
    }
    expect(d.roles[7]).toMatchObject({
      number: 8,
      id: 'ai-engineer',
      layer: 'L5',
      difficulty: 'moderate',
      availability: 'Very High',
      pay: {
        us: { currency: 'USD', unit: '$K/yr', range: { min: 100, max: 350, plus: true }, mid: { min: 140, max: 211 } },
        india: { currency: 'INR', unit: '₹ lakh per annum', entry: { min: 5, max: 12 } },
      },
    });
    const l5 = data('roles', 'L5');
    expect(l5.kind === 'roles' && l5.roles.every((r) => r.layer === 'L5') && l5.filter.layer).toBe('L5');
  });

  it('compare: the roles and their shared, partial and distinct skills', () => {
    const d = data('compare', 'AI Engineer', 'ML Engineer');
    if (d.kind !== 'comparison') throw new Error(d.kind);
    expect(d.roles.map((r) => r.id)).toEqual(['ai-engineer', 'ml-engineer']);
    expect(d.skills.shared).toEqual(['Python', 'PyTorch/TensorFlow', 'Git']);
    expect(d.skills.partial).toEqual([{ byRole: ['Docker/K8s', 'Docker'], common: ['docker'] }]);
    expect(d.skills.distinct.map((x) => x.role)).toEqual(['ai-engineer', 'ml-engineer']);
    expect(d.skills.distinct[0]!.skills).toContain('RAG');
    expect(d.skills.distinct[1]!.skills).toContain('SQL');
  });

  it('path: the role ids of each step, with what backs the move', () => {
    expect(data('path', 'AI Engineer', 'AI Solutions Architect')).toMatchObject({
      status: 'found',
      from: 'ai-engineer',
      to: 'ai-solutions-architect',
      roles: ['ai-engineer', 'ai-solutions-architect'],
      steps: [{ from: 'ai-engineer', to: 'ai-solutions-architect', via: 'progression' }],
    });
    const next = data('path', 'Prompt Engineer');
    expect(next).toMatchObject({ status: 'next', from: 'prompt-engineer', to: null });
    expect(next.kind === 'path' && next.next.map((n) => n.role)).toContain('ai-engineer');
  });

  it('salary, match, deep-dive and help carry numbers and records, not text', () => {
    expect(data('salary', 'ML Engineer')).toMatchObject({ role: { id: 'ml-engineer' }, market: 'both', markets: ['us', 'india'], uk: null });
    const uk = data('salary', 'AI Engineer', '--market', 'uk');
    expect(uk.kind === 'salary' && uk.uk).toMatchObject({ currency: 'GBP', unit: '£K/yr' });
    expect(uk.kind === 'salary' && typeof uk.uk?.rungs[0]?.pay.min).toBe('number');
    const match = data('match', 'python', 'pytorch', 'sql');
    expect(match.kind === 'match' && match.matches[0]).toMatchObject({ rank: 1, matchedMustHave: expect.arrayContaining(['Python']) });
    expect(data('deepdive', '--part', 'pay')).toMatchObject({
      part: 'pay',
      role: 'ai-engineer',
      content: { salary: { markets: { uk: { currency: 'GBP' } } } },
    });
    const help = data('help');
    expect(help.kind === 'help' && help.commands.map((c) => c.name)).toEqual(commands.map((c) => c.name));
  });

  it('an unresolved role names the roles it may mean', () => {
    const d = data('role', 'engineer');
    expect(d).toMatchObject({ kind: 'unresolved', status: 'ambiguous', query: 'engineer' });
    expect(d.kind === 'unresolved' && d.candidates.length).toBeGreaterThan(1);
  });
});
