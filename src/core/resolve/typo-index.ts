import { editDistanceWithin } from './edit-distance.js';

/**
 * Finds the vocabulary word closest to a misspelt token. The vocabulary is a few hundred words,
 * so a scan is enough when two cheap filters skip nearly every word before the edit distance:
 * the length may differ by at most the allowed distance, and each edit brings in or takes out
 * at most one letter, so the letter sets may differ by at most that many letters each way.
 * (A deletion-neighbourhood index allocated ~100 strings per long token; this allocates none.)
 */
export const maxDistanceFor = (length: number): number => (length >= 8 ? 2 : 1);

/** The letters of a word as bits; other characters share six bits (a looser, still safe, filter). */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    mask |= 1 << (c >= 0 && c < 26 ? c : 26 + ((c + 97) % 6));
  }
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class TypoIndex {
  /** Words by length, with their letter masks. */
  private readonly byLength = new Map<number, { words: string[]; masks: number[] }>();

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      let bucket = this.byLength.get(word.length);
      if (!bucket) {
        bucket = { words: [], masks: [] };
        this.byLength.set(word.length, bucket);
      }
      bucket.words.push(word);
      bucket.masks.push(letterMask(word));
    }
  }

  /** The single closest word within the allowed distance, or undefined when none or a tie. */
  closest(token: string): string | undefined {
    let best: string | undefined;
    let bestDistance = maxDistanceFor(token.length) + 1;
    let tie = false;
    this.scan(token, (word, d) => {
      if (d < bestDistance) {
        best = word;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance) tie = true;
      return bestDistance;
    });
    return best !== undefined && !tie ? best : undefined;
  }

  /** Every word within the allowed distance of the token. */
  within(token: string): string[] {
    const out: string[] = [];
    this.scan(token, (word) => {
      out.push(word);
      return maxDistanceFor(token.length);
    });
    return out;
  }

  /**
   * Calls `found` with each word within the allowed distance; `found` returns the distance
   * still worth computing exactly (a closest-word search narrows it as it goes).
   */
  private scan(token: string, found: (word: string, distance: number) => number): void {
    const max = maxDistanceFor(token.length);
    let limit = max;
    const mask = letterMask(token);
    for (let length = token.length - max; length <= token.length + max; length++) {
      const bucket = this.byLength.get(length);
      if (!bucket) continue;
      for (let i = 0; i < bucket.words.length; i++) {
        const m = bucket.masks[i]!;
        if (bitCount(mask & ~m) > max || bitCount(m & ~mask) > max) continue;
        const word = bucket.words[i]!;
        const d = editDistanceWithin(token, word, limit);
        if (d <= limit) limit = found(word, d);
      }
    }
  }
}
