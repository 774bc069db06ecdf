import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core.js';
import { everyView, type RenderedView, viewTexts } from '../helpers/every-view.js';
import { danglingSlots, internalNames, keysAndWords, missingVerbs } from '../helpers/sentence-checks.js';
import { quoteHash, seedTexts, viewQuotes, type QuoteScan } from '../helpers/view-quotes.js';

/*
 * Every sentence of every answer: all commands over all 31 roles, every deep-dive part, company
 * tier, market, layer and difficulty, and everything one click away (test/helpers/every-view.ts),
 * checked for template slots left empty, clauses without their verb, RoleCall's internal names,
 * lower-case headings, and quotation marks around anything but the sources' own words.
 */

const core = testCore();
const dataDir = new URL('../../data/', import.meta.url);
const data = keysAndWords(
  readdirSync(dataDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(new URL(f, dataDir), 'utf8'))),
);
const seedIds = core.kb.aiEngineer.seeds.map((s) => s.id);

let views: RenderedView[] = [];
beforeAll(async () => {
  views = await everyView(core);
});

/** Each problem once, with the first place it was seen. */
function problems(check: (text: string, at: string) => string[]): string[] {
  const found = new Map<string, string>();
  for (const { asked, view } of views) {
    for (const t of viewTexts(view)) for (const p of check(t.text, t.at)) if (!found.has(p)) found.set(p, `${p} (${asked} ${t.at})`);
  }
  return [...found.values()];
}

describe('the checks catch what they are for', () => {
  it('a dangling template slot', () => {
    for (const bad of [
      'Take-home for undefined roles',
      'Mid: null',
      'NaN% of postings',
      'Tools: [object Object]',
      'AI Engineer ()',
      'Source: ',
      'Key skills:',
      'a ,b',
      'two  spaces',
      'Entry: $100K,, Mid',
      'the share of.',
      'junior and',
      'the the reference',
    ]) {
      expect(danglingSlots(bad), bad).not.toEqual([]);
    }
    for (const good of ['Compare with…', '/match <skill>, <skill>, ...', 'the platform other AI engineers rely on: model serving', 'e.g. financial services']) {
      expect(danglingSlots(good), good).toEqual([]);
    }
  });

  it('a clause without its verb, as /deepdive stack had it', () => {
    for (const bad of [
      'pgvector, because it no new infrastructure, and performance is adequate',
      'Pinecone, because it easiest to operate and dependable',
      'Milvus, because it designed for distributed workloads',
      'Qdrant or Weaviate, because it more control',
    ]) {
      expect(missingVerbs(bad), bad).not.toEqual([]);
    }
    for (const good of [
      'Chroma, because it costs nothing',
      'Milvus, because it is built for distributed workloads',
      'since it also needs',
      "because it's free",
    ]) {
      expect(missingVerbs(good), good).toEqual([]);
    }
  });

  it('a source file number, a data path or a field name', () => {
    for (const bad of [
      '002 flags employer examples as provisional.',
      'Named as paying the top senior total compensation (see salary.headline).',
      "004's India figures for the top rung",
      'see careerLadder',
      'the postingShare figure',
    ]) {
      expect(internalNames(bad, seedIds, data), bad).not.toEqual([]);
    }
    for (const good of ['903 analysed postings', '₹10,000 crore', '1,300,000 roles', 'Levels.fyi median', 'Character.ai', 'vLLM or TGI', 'xAI', 'spaCy/NLTK']) {
      expect(internalNames(good, seedIds, data), good).toEqual([]);
    }
  });
});

describe('every answer', () => {
  it('renders a View for every command, role and part', () => {
    // 31 roles × role, path, prep, certs, projects and four salary markets, every pair for path and compare, and more.
    expect(views.length).toBeGreaterThan(2000);
    const commandsSeen = new Set(views.map((v) => v.view.kind));
    for (const kind of [
      'role',
      'compare',
      'list',
      'path',
      'skills',
      'match',
      'salary',
      'help',
      'prep',
      'certs',
      'projects',
      'companies',
      'sources',
      'about',
      'deep-dive',
      'spotlight',
    ]) {
      expect(commandsSeen, kind).toContain(kind);
    }
  });

  it('has no template slot left empty or filled with a non-value', () => {
    // An empty header above the row labels is how a table is laid out, not an empty slot.
    expect(problems((text, at) => (at === 'table.columns[0]' && text === '' ? [] : danglingSlots(text)))).toEqual([]);
  });

  it('has no clause that lost its verb', () => {
    expect(problems(missingVerbs)).toEqual([]);
  });

  it('names sources by title, author or publisher, never by file number, data path or field name', () => {
    expect(problems((text) => internalNames(text, seedIds, data))).toEqual([]);
  });

  it('starts every section heading with a capital letter or a figure', () => {
    expect(
      problems((text, at) =>
        /^sections\[\d+\]\.heading$/.test(at) && !/^["“(/]?[\p{Lu}\p{N}$£₹]|^\/[a-z]/u.test(text) ? [`lower-case heading "${text}"`] : [],
      ),
    ).toEqual([]);
  });
});

describe('quotation marks hold the sources’ own words', () => {
  const fixture = readFileSync(new URL('../fixtures/seed-quotes.txt', import.meta.url), 'utf8');
  const checked = new Set(fixture.split('\n').filter((l) => l && !l.startsWith('#')));
  let scan: QuoteScan;
  beforeAll(() => {
    scan = viewQuotes(views);
  });

  it('pair up', () => {
    expect(scan.unbalanced).toEqual([]);
    expect(scan.quotes.length).toBeGreaterThan(10);
  });

  it('quote only what was checked against the reference documents (test/fixtures/seed-quotes.txt)', () => {
    const unchecked = scan.quotes.filter((q) => !checked.has(quoteHash(q.quote))).map((q) => `"${q.quote}" (${q.where})`);
    expect(unchecked, 'run npx tsx scripts/seed-quotes.ts beside the reference documents').toEqual([]);
  });

  // In a clone with the reference documents beside it (../shared/seeds), check each quote word for
  // word, and that the fixture lists exactly today's quotes.
  const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
  it.skipIf(!existsSync(seedsDir))('appear word for word in the reference documents, when they are present', () => {
    const seeds = seedTexts(seedsDir);
    expect(scan.quotes.filter((q) => !seeds.some((s) => s.includes(q.quote))).map((q) => `"${q.quote}" (${q.where})`)).toEqual([]);
    expect(new Set(scan.quotes.map((q) => quoteHash(q.quote)))).toEqual(checked);
  });
});
