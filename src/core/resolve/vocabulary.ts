import { TypoIndex } from './typo-index.js';

/**
 * The words of every role name and alias, before phrases are folded ("machine", "learning",
 * "product"), and the repairs a query's words may need to meet them: a word written joined
 * ("fullstack", "promptengineer") split into the two words it names, and a misspelt word
 * ("Machne", "Prodcut") replaced by the single closest word.
 */
export class Vocabulary {
  private readonly known: ReadonlySet<string>;
  private readonly typos: TypoIndex;

  constructor(words: Iterable<string>) {
    this.known = new Set(words);
    this.typos = new TypoIndex([...this.known].filter((w) => w.length >= 3));
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The query's words with joined words split and typos fixed, or undefined when none changed. */
  correct(words: readonly string[]): string[] | undefined {
    let changed = false;
    const out: string[] = [];
    for (const w of words) {
      if (this.known.has(w) || w.length < 4 || /\d/.test(w)) {
        out.push(w);
        continue;
      }
      const split = this.split(w) ?? this.typos.closest(w);
      if (split === undefined) out.push(w);
      else {
        changed = true;
        if (typeof split === 'string') out.push(split);
        else out.push(...split);
      }
    }
    return changed ? out : undefined;
  }

  /** "fullstack" → ["full", "stack"] when both halves are words of the vocabulary. */
  private split(word: string): [string, string] | undefined {
    for (let i = 2; i <= word.length - 2; i++) {
      // Whole words only, no shorthand: "devops" is not "developer ops".
      const a = word.slice(0, i);
      if (!this.known.has(a)) continue;
      const b = word.slice(i);
      if (this.known.has(b)) return [a, b];
    }
    return undefined;
  }
}
