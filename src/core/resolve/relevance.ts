import { editDistanceWithin } from './edit-distance.js';
import { maxDistanceFor } from './typo-index.js';
import { GENERIC, UBIQUITOUS } from './word-classes.js';

/**
 * Whether a role is worth suggesting for a query: it must share a distinctive word with it
 * (the same word, a prefix of at least 4 letters, or a near spelling). Fuzzy scores alone let
 * "Frontend Engineer" suggest AI Compiler / Kernel Engineer on the strength of "engineer".
 */
export function distinctive(queryTokens: readonly string[]): string[] {
  const own = queryTokens.filter((t) => !GENERIC.has(t));
  // A query of generic words only ("Applied ML Engineer") still has words that narrow it.
  return own.length > 0 ? own : queryTokens.filter((t) => !UBIQUITOUS.has(t));
}

export function sharesDistinctiveWord(queryWords: readonly string[], roleWords: ReadonlySet<string>): boolean {
  for (const q of queryWords) {
    if (roleWords.has(q)) return true;
    for (const r of roleWords) {
      if (q.length >= 4 && r.length >= 4 && (r.startsWith(q) || q.startsWith(r))) return true;
      if (q.length >= 5 && editDistanceWithin(q, r, maxDistanceFor(q.length)) <= maxDistanceFor(q.length)) return true;
    }
  }
  return false;
}
