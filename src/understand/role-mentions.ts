import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import { JOB_NOUNS } from '../core/resolve/word-classes.js';
import { singular } from './phrases.js';
import type { Token } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Roles named in a question. Runs of title words ("senior", "india", "vs" end one) are read by
 * the resolver, split where that names more roles ("mle ai engineer" is two): the reading that
 * covers the most words with the strongest matches wins.
 */
export type Mention =
  | { kind: 'role'; start: number; end: number; text: string; role: Role; strong: boolean }
  | { kind: 'ambiguous'; start: number; end: number; text: string; candidates: Role[]; note?: string }
  /** A job title that is none of the 31 roles ("data analyst", "SWE"), with the closest AI roles. */
  | { kind: 'other'; start: number; end: number; text: string; suggestions: Role[] };

const MAX_SPAN = 6;
const EXACT = new Set(['exact', 'number', 'reordered', 'typo']);

/** A mention before it is placed in the question. */
type Reading = Mention extends infer M ? (M extends Mention ? Omit<M, 'start' | 'end'> : never) : never;

const isJobNoun = (w: string) => JOB_NOUNS.has(w) || JOB_NOUNS.has(singular(w));

/** A span's reading and its score: three a word for a whole name, less for a partial or unsure one. */
function readSpan(core: Core, tokens: readonly Token[], vocab: Vocabulary): { mention?: Reading; score: number } {
  const text = tokens
    .map((t) => t.norm)
    .join(' ')
    .replace(/ \/ /g, '/');
  // A single word names a role only as one of the roles' one-word names (or "#8"); others need no lookup.
  if (tokens.length === 1 && !vocab.singleNames.has(text) && !vocab.singleNames.has(singular(text)) && !/^#\d+$/.test(text)) return { score: 0 };
  const res = core.resolve(text);
  const n = tokens.length;
  const job = tokens.some((t) => isJobNoun(t.norm));
  if (res.status === 'found') {
    const exact = EXACT.has(res.via);
    if (n === 1 && !(exact && (text.length >= 3 || res.via === 'number'))) return { score: 0 };
    return { mention: { kind: 'role', text, role: res.role, strong: exact || job }, score: exact ? 3 * n : 1 + n };
  }
  if (res.status === 'ambiguous') {
    if (res.reason === 'not-a-role')
      return { mention: { kind: 'ambiguous', text, candidates: res.candidates, ...(res.note ? { note: res.note } : {}) }, score: 3 * n };
    if (n >= 2 && job) return { mention: { kind: 'ambiguous', text, candidates: res.candidates }, score: 1.5 * n };
    return { score: 0 };
  }
  if (n >= 2 && isJobNoun(tokens[n - 1]!.norm)) return { mention: { kind: 'other', text, suggestions: res.suggestions }, score: 0.5 * n };
  if (n === 1 && ['swe', 'sde', 'sre', 'pm'].includes(text)) return { mention: { kind: 'other', text, suggestions: res.suggestions }, score: 0.5 };
  return { score: 0 };
}

/** The best split of one run into role mentions (dynamic programming over its spans). */
function segment(core: Core, run: readonly Token[], offset: number, vocab: Vocabulary): Mention[] {
  const n = run.length;
  const best: Array<{ score: number; mentions: Mention[] }> = Array.from({ length: n + 1 }, () => ({ score: 0, mentions: [] }));
  for (let i = n - 1; i >= 0; i--) {
    best[i] = { score: best[i + 1]!.score, mentions: best[i + 1]!.mentions };
    if (vocab.joiners.has(run[i]!.norm)) continue;
    for (let j = i + 1; j <= Math.min(n, i + MAX_SPAN); j++) {
      if (vocab.joiners.has(run[j - 1]!.norm)) continue;
      // A span over "and" is one title only where a role's name has those words: "ethics and governance".
      if (j - i >= 3 && run.slice(i + 1, j - 1).some((t, k) => t.norm === 'and' && !vocab.andPairs.has(`${run[i + k]!.norm} ${run[i + k + 2]!.norm}`))) break;
      const { mention, score } = readSpan(core, run.slice(i, j), vocab);
      if (!mention) continue;
      const total = score + best[j]!.score;
      if (total > best[i]!.score) best[i] = { score: total, mentions: [{ ...mention, start: offset + i, end: offset + j } as Mention, ...best[j]!.mentions] };
    }
  }
  return best[0]!.mentions;
}

export function findMentions(core: Core, tokens: readonly Token[], vocab: Vocabulary, taken: ReadonlySet<number>): Mention[] {
  const out: Mention[] = [];
  const isTitle = (t: Token, i: number) =>
    !taken.has(i) && (vocab.titleWords.has(t.norm) || vocab.titleWords.has(t.one) || vocab.joiners.has(t.norm) || /^#\d{1,2}$/.test(t.norm));
  for (let i = 0; i < tokens.length; ) {
    if (!isTitle(tokens[i]!, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && isTitle(tokens[j]!, j) && tokens[j]!.clause === tokens[i]!.clause) j++;
    out.push(...segment(core, tokens.slice(i, j), i, vocab));
    i = j;
  }
  return out;
}
