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
  private readonly words: string[];
  private readonly near: TypoIndex;

  constructor(roleWords: ReadonlyMap<string, ReadonlySet<string>>) {
    for (const [roleId, words] of roleWords) {
      for (const w of words) {
        const ids = this.rolesByWord.get(w);
        if (ids) ids.push(roleId);
        else this.rolesByWord.set(w, [roleId]);
      }
    }
    this.words = [...this.rolesByWord.keys()];
    this.near = new TypoIndex(this.words);
  }

  /** Ids of the relevant roles, or undefined when the query has no word to judge by. */
  roles(queryTokens: readonly string[]): Set<string> | undefined {
    const own = distinctive(queryTokens);
    if (own.length === 0) return undefined;
    const out = new Set<string>();
    const add = (word: string) => {
      for (const id of this.rolesByWord.get(word) ?? []) out.add(id);
    };
    for (const q of own) {
      add(q);
      if (q.length < 4) continue;
      for (const w of this.words) if (w.length >= 4 && (w.startsWith(q) || q.startsWith(w))) add(w);
      if (q.length >= 5) for (const w of this.near.within(q)) add(w);
    }
    return out;
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
