import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { grams, words, NGRAM_WORDS, seedHashes as hashesOf } from '../../scripts/ngrams.js';

/*
 * Every descriptive string in data/ is in our own words: none shares a run of 8 consecutive
 * words with the reference documents. The documents are not in the repository; their word
 * 8-grams are, as hashes (test/fixtures/seed-ngrams.txt, written by scripts/seed-ngrams.ts).
 *
 * Exempt by rule, because they are facts to keep exactly as the documents give them: the values
 * under keys that hold names (titles, companies, skills and tools, keywords, citations).
 */
const NAME_KEYS = new Set([
  'title',
  'name',
  'names',
  'aliases',
  'companies',
  'company',
  'cites',
  'cited',
  'reportedBy',
  'keywords',
  'labs',
  'platforms',
  'mustHave',
  'niceToHave',
  'tools',
  'skill',
  'component',
  'sources',
]);

const dataDir = new URL('../../data/', import.meta.url);
const fixture = readFileSync(new URL('../fixtures/seed-ngrams.txt', import.meta.url), 'utf8');
const seedHashes = new Set(fixture.split('\n').filter((l) => l && !l.startsWith('#')));

interface Text {
  path: string;
  text: string;
}

/** Every string scalar with its dotted path, skipping the subtrees under name keys. */
function strings(value: unknown, path: string, out: Text[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!NAME_KEYS.has(k)) strings(v, path ? `${path}.${k}` : k, out);
  }
}

describe('data descriptions are in our own words', () => {
  it('the fixture holds the hashes of the reference documents', () => {
    expect(seedHashes.size).toBeGreaterThan(10_000);
    for (const h of seedHashes) expect(h).toMatch(/^[0-9a-f]{12}$/);
  });

  it('recognises text carried over verbatim (the cited sources are kept exactly, so they must match)', () => {
    const reference = parse(readFileSync(new URL('reference.yaml', dataDir), 'utf8')) as { sources: string[] };
    const matched = reference.sources.filter((s) => grams(s).some((g) => seedHashes.has(g.hash)));
    expect(matched.length).toBeGreaterThan(reference.sources.length / 2);
  });

  // In a clone with the reference documents beside it (../shared/seeds), the fixture must be current.
  const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
  it.skipIf(!existsSync(seedsDir))('the fixture matches the reference documents, when they are present', () => {
    expect(hashesOf(seedsDir)).toEqual(seedHashes);
  });

  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.yaml'))) {
    it(`${file}: no string shares ${NGRAM_WORDS} consecutive words with the reference`, () => {
      const texts: Text[] = [];
      strings(parse(readFileSync(new URL(file, dataDir), 'utf8')), '', texts);
      expect(texts.length).toBeGreaterThan(0);
      const copied = texts
        .filter((t) => words(t.text).length >= NGRAM_WORDS)
        .flatMap((t) => {
          const shared = grams(t.text).filter((g) => seedHashes.has(g.hash));
          return shared.length ? [`${t.path}: "${shared[0]!.words}" in "${t.text}"`] : [];
        });
      expect(copied).toEqual([]);
    });
  }
});
