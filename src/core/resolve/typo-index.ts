import { editDistanceWithin } from './edit-distance.js';

/**
 * Finds the vocabulary word closest to a misspelt token with a deletion-neighbourhood index
 * (the SymSpell idea): a word and a typo within distance d share a string reachable by at most
 * d deletions from each. Lookups touch a few dozen candidates instead of the whole vocabulary.
 */
export const maxDistanceFor = (length: number): number => (length >= 8 ? 2 : 1);

function deletions(word: string, depth: number, into: Set<string>): void {
  into.add(word);
  if (depth === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) deletions(shorter, depth - 1, into);
  }
}

export class TypoIndex {
  private readonly index = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      // A word may be matched by tokens up to 2 longer, which may allow distance 2.
      const neighbourhood = new Set<string>();
      deletions(word, word.length + 2 >= 8 ? 2 : 1, neighbourhood);
      for (const d of neighbourhood) {
        const list = this.index.get(d);
        if (list) list.push(word);
        else this.index.set(d, [word]);
      }
    }
  }

  /** The single closest word within the allowed distance, or undefined when none or a tie. */
  closest(token: string): string | undefined {
    const max = maxDistanceFor(token.length);
    const probes = new Set<string>();
    deletions(token, max, probes);
    const candidates = new Set<string>();
    for (const p of probes) for (const w of this.index.get(p) ?? []) candidates.add(w);
    let best: string | undefined;
    let bestDistance = max + 1;
    let tie = false;
    for (const word of candidates) {
      const d = editDistanceWithin(token, word, max);
      if (d < bestDistance) {
        best = word;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance) tie = true;
    }
    return best !== undefined && bestDistance <= max && !tie ? best : undefined;
  }
}
