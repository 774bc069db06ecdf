import Fuse from 'fuse.js';
import type { Role } from '../schema/role.js';
import { TrigramIndex } from './trigram-index.js';

export interface FuzzyKey {
  key: string;
  roleId: string;
}

/** Roles with their best fuzzy score (fuse.js: 0 is a perfect match), best first. */
export type Ranked = Array<{ role: Role; score: number }>;

/** Keys handed to fuse.js per query, and the trigram similarity a key needs to be one. */
const FUZZY_CANDIDATES = 16;
const MIN_TRIGRAM_SIMILARITY = 0.25;

/**
 * Fuzzy hits, best score per role, best first: fuse.js scores only the keys that share
 * enough trigrams with the query (its score depends on the pair alone, not on the set).
 */
export class FuzzyRanker {
  private readonly trigramIndex: TrigramIndex;
  private readonly options;
  private last: { key: string; ranked: Ranked } | undefined;

  constructor(
    private readonly keys: readonly FuzzyKey[],
    worstScore: number,
    private readonly role: (id: string) => Role,
  ) {
    this.trigramIndex = new TrigramIndex(keys.map((k) => k.key));
    this.options = { keys: ['key'], includeScore: true, ignoreLocation: true, threshold: worstScore, minMatchCharLength: 2 };
  }

  rank(key: string): Ranked {
    // Autocomplete ranks right after resolving the same text: reuse that result.
    if (this.last?.key === key) return this.last.ranked;
    const ranked = this.compute(key);
    this.last = { key, ranked };
    return ranked;
  }

  private compute(key: string): Ranked {
    const candidates = this.trigramIndex.candidates(key, FUZZY_CANDIDATES, MIN_TRIGRAM_SIMILARITY).map((i) => this.keys[i]!);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, this.options);
    const best = new Map<string, number>();
    for (const hit of fuse.search(key)) {
      const score = hit.score ?? 1;
      const prev = best.get(hit.item.roleId);
      if (prev === undefined || score < prev) best.set(hit.item.roleId, score);
    }
    return [...best.entries()].map(([id, score]) => ({ role: this.role(id), score })).sort((a, b) => a.score - b.score || a.role.number - b.role.number);
  }
}
