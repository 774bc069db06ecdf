import { rewrite } from '../core/resolve/normalize.js';
import { singular } from './phrases.js';
import type { Token } from './token.js';

export type { Token } from './token.js';

/**
 * A question's text as the understanding reads it: platform markup and mentions removed, cut
 * to a bounded length, and split into words. Nothing here is ever echoed back raw.
 */

/** Characters of a question that are read; the rest of a long message is ignored (and said so). */
export const MAX_ANALYSED_CHARS = 500;
/** Words read at most, after cleaning. */
const MAX_TOKENS = 90;

export interface QuestionText {
  tokens: Token[];
  /** The message was longer than what is read. */
  truncated: boolean;
  /** Digits-and-unit figures seen ("15 lpa", "$200k", "£80k"), for the market. */
  figures: string[];
}

const PLATFORM_MARKUP: ReadonlyArray<[RegExp, string]> = [
  [/```[\s\S]*?(?:```|$)/g, ' . '], // code blocks say nothing about careers
  [/<a?:\w+:\d+>/g, ' '], // Discord custom emoji
  [/<(?:@[!&]?|#)\w+>/g, ' '], // Discord and Slack user, role and channel mentions
  [/<![^>]*>/g, ' '], // Slack's <!here>, <!channel>, <!subteam^…>
  [/<(https?:[^|>]*)\|([^>]*)>/g, ' $2 '], // Slack links keep their label
  [/https?:\/\/\S+|\bwww\.\S+|\b[\w-]+\.(?:gg|gift|com|io|in|ai)\/\S*/gi, ' '],
  [/@(?:everyone|here|channel)\b/gi, ' '],
  [/@\w+/g, ' '],
  [/:[a-z0-9_+-]+:/g, ' '], // :emoji: shortcodes
  [/\bu\.s\.a?\.?(?=\s|$|[,?!])/gi, ' usa '],
  [/\bu\.k\.?(?=\s|$|[,?!])/gi, ' uk '],
  [/\bb\/w\b/gi, ' between '],
  [/\bw\/o\b/gi, ' without '],
  [/\bw\/(?=\s)/gi, ' with '],
  [/&amp;|&/g, ' and '],
];

// One token: a word (letters, digits, "#", "+" for C++), a currency sign, "/" (AI/ML, CI/CD), an arrow, or a break.
const TOKEN = /->|=>|→|[₹$£€/]|[\p{L}\p{N}][\p{L}\p{N}#+]*|#\d+|[.?!\n]|[,;:()[\]|]/gu;
const SENTENCE_END = /^[.?!\n]$/;
const CLAUSE_END = /^[,;:()[\]|]$/;
const PLAIN_ASCII = /^[\x20-\x7e\n]*$/;

function normWord(word: string): string {
  let w = word.toLowerCase();
  if (!PLAIN_ASCII.test(w)) w = w.normalize('NFKD').replace(/\p{M}+/gu, '');
  w = w.replace(/\+\+/g, 'pp').replace(/\+/g, '');
  return rewrite(w);
}

/** Cleans and splits a question. Any string is accepted; the work done is bounded by MAX_ANALYSED_CHARS. */
export function readQuestion(raw: string): QuestionText {
  const input = typeof raw === 'string' ? raw : String(raw ?? '');
  const truncated = input.length > MAX_ANALYSED_CHARS;
  let s = truncated ? input.slice(0, MAX_ANALYSED_CHARS) : input;
  // Control and zero-width characters, and markdown emphasis, carry no meaning here.
  s = s.replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' ? '\n' : ' ')).replace(/[*_~`]+|^\s*>+/gm, ' ');
  for (const [pattern, replacement] of PLATFORM_MARKUP) s = s.replace(pattern, replacement);
  s = s.replace(/['’‘]/g, '');
  const figures = [...s.matchAll(/[$£₹]\s?\d[\d,.]*\s?k?|\d[\d,.]*\s?(?:lpa|lakhs?|lacs?|crores?|cr|k)\b/gi)].map((m) => m[0].toLowerCase());
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  for (const m of s.matchAll(TOKEN)) {
    const t = m[0];
    if (SENTENCE_END.test(t)) {
      if (t !== '.' || !/\d$/.test(s.slice(0, m.index))) {
        sentence++;
        clause++;
      }
      continue;
    }
    if (CLAUSE_END.test(t)) {
      clause++;
      continue;
    }
    if (tokens.length >= MAX_TOKENS) break;
    const norm = t === '=>' || t === '→' ? '->' : normWord(t);
    if (norm) tokens.push({ norm, one: singular(norm), raw: t, sentence, clause });
  }
  return { tokens, truncated, figures };
}
