import type { Token } from './token.js';

/** A token's words for lookup: as written, and singular ("engineers" → "engineer", "companies" → "company"). */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

export interface PhraseHit<T> {
  start: number;
  /** Exclusive. */
  end: number;
  value: T;
  text: string;
}

/**
 * Phrases of normalised words, found in a question's tokens longest first. A phrase never
 * spans two clauses ("ml engineer, india" is two things).
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Array<{ words: string[]; value: T }>>();

  constructor(entries: Iterable<readonly [phrase: string, value: T]> = []) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
    const words = phrase.split(' ').filter(Boolean);
    if (words.length === 0) return;
    const list = this.byFirst.get(words[0]!) ?? [];
    if (list.some((p) => p.words.join(' ') === words.join(' '))) return;
    list.push({ words, value });
    list.sort((x, y) => y.words.length - x.words.length);
    this.byFirst.set(words[0]!, list);
  }

  /** The longest phrase starting at token i. */
  at(tokens: readonly Token[], i: number): PhraseHit<T> | undefined {
    const first = tokens[i]!;
    const hit = this.first(tokens, i, this.byFirst.get(first.norm));
    return hit ?? (first.one !== first.norm ? this.first(tokens, i, this.byFirst.get(first.one)) : undefined);
  }

  private first(tokens: readonly Token[], i: number, list: Array<{ words: string[]; value: T }> | undefined): PhraseHit<T> | undefined {
    if (!list) return undefined;
    const first = tokens[i]!;
    for (const p of list) {
      if (i + p.words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) {
        const t = tokens[i + k]!;
        ok = t.clause === first.clause && (t.norm === p.words[k] || t.one === p.words[k]);
      }
      if (ok) return { start: i, end: i + p.words.length, value: p.value, text: p.words.join(' ') };
    }
    return undefined;
  }

  /** Non-overlapping longest matches, left to right, skipping tokens `taken` says are used. */
  scan(tokens: readonly Token[], taken: (i: number) => boolean = () => false): PhraseHit<T>[] {
    const out: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = taken(i) ? undefined : this.at(tokens, i);
      if (hit && !rangeTaken(hit, taken)) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }
}

function rangeTaken(hit: { start: number; end: number }, taken: (i: number) => boolean): boolean {
  for (let i = hit.start; i < hit.end; i++) if (taken(i)) return true;
  return false;
}
