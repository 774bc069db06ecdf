import { createHash } from 'node:crypto';

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
