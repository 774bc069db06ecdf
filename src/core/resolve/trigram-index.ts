/**
 * Character-trigram index over the resolver's keys. It picks the few keys worth a fuzzy
 * comparison, so fuse.js scores a handful of candidates instead of every name and alias,
 * and a query sharing nothing with any key skips fuzzy search altogether.
 */
export function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

export class TrigramIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[] = [];
  /** Shared-trigram counts per key, reused across queries (zeroed after each). */
  private readonly shared: Int32Array;
  private readonly touched: number[] = [];

  constructor(keys: readonly string[]) {
    keys.forEach((key, i) => {
      const grams = trigrams(key);
      this.sizes[i] = grams.size;
      for (const g of grams) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
    });
    this.shared = new Int32Array(keys.length);
  }

  /**
   * Key indexes ordered by Dice similarity of trigram sets, best first, keeping those at or
   * above `minSimilarity`, at most `limit`.
   */
  candidates(query: string, limit: number, minSimilarity: number): number[] {
    const grams = trigrams(query);
    const { shared, touched } = this;
    touched.length = 0;
    for (const g of grams) {
      const list = this.postings.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        const n = shared[i]!;
        shared[i] = n + 1;
        if (n === 0) touched.push(i);
      }
    }
    const scored: Array<[number, number]> = [];
    for (const i of touched) {
      const dice = (2 * shared[i]!) / (grams.size + this.sizes[i]!);
      shared[i] = 0;
      if (dice >= minSimilarity) scored.push([i, dice]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return scored.slice(0, limit).map(([i]) => i);
  }
}
