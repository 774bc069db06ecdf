import { TypoIndex } from './typo-index.js';
import { GENERIC, UBIQUITOUS } from './word-classes.js';

/**
 * Which roles are worth offering for a query: those sharing a distinctive word with it (the
 * same word, a prefix of at least 4 letters, or a near spelling of a word of 5 letters or more).
 * Fuzzy scores alone let "Frontend Engineer" suggest AI Compiler / Kernel Engineer on the
 * strength of "engineer". Knowing the answer before fuzzy search also lets a query that no role
 * shares a word with skip fuzzy search altogether.
 */
export class Relevance {
  private readonly rolesByWord = new Map<string, string[]>();
  /** The roles' words in sorted order, for prefix ranges by binary search. */
  private readonly sorted: string[];
  private readonly near: TypoIndex;

  constructor(roleWords: ReadonlyMap<string, ReadonlySet<string>>) {
    for (const [roleId, words] of roleWords) {
      for (const w of words) {
        const ids = this.rolesByWord.get(w);
        if (ids) ids.push(roleId);
        else this.rolesByWord.set(w, [roleId]);
      }
    }
    this.sorted = [...this.rolesByWord.keys()].sort();
    this.near = new TypoIndex(this.sorted);
  }

  /** Ids of the relevant roles, or undefined when the query has no word to judge by. */
  roles(queryTokens: readonly string[]): Set<string> | undefined {
    const own = distinctive(queryTokens);
    if (own.length === 0) return undefined;
    const out = new Set<string>();
    for (const q of own) {
      this.addRoles(q, out);
      if (q.length < 4) continue;
      // Role words that extend the query word ("infer" → "inference")…
      for (let i = this.firstAtOrAfter(q); i < this.sorted.length && this.sorted[i]!.startsWith(q); i++) this.addRoles(this.sorted[i]!, out);
      // …and role words the query word extends ("kernels" → "kernel").
      for (let n = 4; n < q.length; n++) this.addRoles(q.slice(0, n), out);
      if (q.length >= 5) for (const w of this.near.within(q)) this.addRoles(w, out);
    }
    return out;
  }

  private addRoles(word: string, into: Set<string>): void {
    const ids = this.rolesByWord.get(word);
    if (ids) for (const id of ids) into.add(id);
  }

  private firstAtOrAfter(word: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The words of a query that can make a role relevant: those that are not generic, or for a query
 * of generic words only ("Applied ML Engineer"), those that still narrow it.
 */
function distinctive(queryTokens: readonly string[]): string[] {
  const own = queryTokens.filter((t) => !GENERIC.has(t));
  return own.length > 0 ? own : queryTokens.filter((t) => !UBIQUITOUS.has(t));
}
