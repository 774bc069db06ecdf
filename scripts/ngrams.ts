import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Word n-grams for the "own words" check: the seed documents are reduced to hashes of their
 * word 8-grams (scripts/seed-ngrams.ts), and data strings are checked against those hashes
 * (test/data/own-words.test.ts), so the repository never holds the seeds' text.
 */
export const NGRAM_WORDS = 8;
/** Hex digits kept per hash: 48 bits keeps the chance of a false match negligible at this size. */
export const HASH_HEX = 12;

/** Lower-case words, with punctuation, quotes and dashes dropped and accents folded. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function hashGram(gram: readonly string[]): string {
  return createHash('sha256').update(gram.join(' ')).digest('hex').slice(0, HASH_HEX);
}

/** Every run of NGRAM_WORDS consecutive words, with its hash. */
export function grams(text: string): Array<{ words: string; hash: string }> {
  const w = words(text);
  const out: Array<{ words: string; hash: string }> = [];
  for (let i = 0; i + NGRAM_WORDS <= w.length; i++) {
    const gram = w.slice(i, i + NGRAM_WORDS);
    out.push({ words: gram.join(' '), hash: hashGram(gram) });
  }
  return out;
}

/** The reference documents in a folder: NNN_*.txt, in order. */
export function seedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort();
}

/** The hashes of every word 8-gram of the documents in `dir`. */
export function seedHashes(dir: string): Set<string> {
  const hashes = new Set<string>();
  for (const file of seedFiles(dir)) for (const g of grams(readFileSync(join(dir, file), 'utf8'))) hashes.add(g.hash);
  return hashes;
}
