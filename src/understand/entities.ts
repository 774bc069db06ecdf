import type { Difficulty, LayerCode } from '../core/schema/common.js';
import { skillKey } from '../core/skills.js';
import {
  DEEP_DIVE_CUES,
  DIFFICULTY_PHRASES,
  EDUCATION_PHRASES,
  LEVEL_PHRASES,
  MARKET_PHRASES,
  NUMBER_WORDS,
  ORDINALS,
  US_AFTER,
  US_BEFORE,
  YEAR_WORDS,
} from './entity-words.js';
import { type PhraseHit, PhraseIndex, singular } from './phrases.js';
import type { Token } from './text.js';
import type { AskLevel, AskMarket } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/** An entity found in the question, with where: the tokens it covers. */
export type Found<T> = PhraseHit<T>;

export interface Entities {
  markets: Found<AskMarket>[];
  levels: Found<AskLevel>[];
  layers: Found<LayerCode>[];
  difficulties: Found<Difficulty>[];
  education: Found<'none'>[];
  tiers: Found<string>[];
  parts: Found<string>[];
  skills: Found<string>[];
  /** Words of the skills' entries that are skills only in a question about skills ("triton"). */
  looseSkills: Found<string>[];
  /** Tokens an entity other than a skill or a part took: role runs skip them. */
  taken: Set<number>;
}

const markets = new PhraseIndex(MARKET_PHRASES);
const levels = new PhraseIndex(LEVEL_PHRASES);
const difficulties = new PhraseIndex(DIFFICULTY_PHRASES);
const education = new PhraseIndex(EDUCATION_PHRASES);
const parts = new PhraseIndex(DEEP_DIVE_CUES);
const LAYER_WORDS = new Set(['layer', 'layers', 'level', 'stack']);
const NOT_TIERS = new Set(['city', 'cities', 'town', 'towns', 'college', 'colleges']);
/** The career ladder (reference.pathways.ladder) as years: 0–2 junior, 2–4 mid, 4–7 senior, 7+ staff. */
const LADDER: ReadonlyArray<readonly [minYears: number, level: AskLevel]> = [
  [0, 'entry'],
  [2, 'mid'],
  [4, 'senior'],
  [7, 'staff'],
];

function numberOf(token: Token | undefined): number | undefined {
  if (!token) return undefined;
  if (/^\d{1,2}$/.test(token.norm)) return Number(token.norm);
  return NUMBER_WORDS[token.norm] ?? ORDINALS[token.norm];
}

/** "3 years", "four yrs of experience", "5 yoe" → the ladder's level for that many years. */
function yearsLevels(tokens: readonly Token[]): Found<AskLevel>[] {
  const out: Found<AskLevel>[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    const n = numberOf(t);
    if (n === undefined || !next || !YEAR_WORDS.has(next.norm) || !/^\d|^[a-z]+$/.test(t.norm)) return;
    const level = [...LADDER].reverse().find(([min]) => n >= min)![1];
    out.push({ start: i, end: i + 2, value: level, text: `${t.norm} ${next.norm}` });
  });
  return out;
}

function layersOf(tokens: readonly Token[], vocab: Vocabulary, taken: (i: number) => boolean): Found<LayerCode>[] {
  const out: Found<LayerCode>[] = [];
  const near = (hit: { start: number; end: number }) => {
    for (let k = Math.max(0, hit.start - 2); k < Math.min(tokens.length, hit.end + 2); k++) {
      if ((k < hit.start || k >= hit.end) && LAYER_WORDS.has(tokens[k]!.norm) && tokens[k]!.clause === tokens[hit.start]!.clause) return true;
    }
    return false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const code = /^l([1-6])$/.exec(t.norm);
    if (code) {
      out.push({ start: i, end: i + 1, value: `L${code[1]}` as LayerCode, text: t.norm });
      continue;
    }
    if ((t.norm === 'layer' || t.norm === 'layers') && (numberOf(tokens[i + 1]) ?? 0) >= 1 && (numberOf(tokens[i + 1]) ?? 9) <= 6) {
      out.push({ start: i, end: i + 2, value: `L${numberOf(tokens[i + 1])}` as LayerCode, text: `layer ${tokens[i + 1]!.norm}` });
      i++;
      continue;
    }
    const ordinal = ORDINALS[t.norm];
    if (ordinal && ordinal > 0 && ordinal <= 6 && tokens[i + 1]?.norm === 'layer') {
      out.push({ start: i, end: i + 2, value: `L${ordinal}` as LayerCode, text: `${t.norm} layer` });
      i++;
      continue;
    }
    const hit = taken(i) ? undefined : vocab.layers.at(tokens, i);
    if (hit && (hit.end - hit.start >= 3 || hit.text === 'orchestration' || hit.value === 'cross' || near(hit))) {
      out.push(hit);
      i = hit.end - 1;
    }
  }
  return out;
}

function marketsOf(tokens: readonly Token[], taken: (i: number) => boolean): Found<AskMarket>[] {
  const out = markets.scan(tokens, taken);
  tokens.forEach((t, i) => {
    if (t.norm !== 'us' || taken(i)) return;
    const before = tokens[i - 1]?.norm ?? '';
    const after = tokens[i + 1]?.norm ?? '';
    if (t.raw === 'US' || US_BEFORE.has(before) || US_AFTER.has(after) || tokens.length === 1) out.push({ start: i, end: i + 1, value: 'us', text: 'us' });
  });
  return out.sort((x, y) => x.start - y.start);
}

function tiersOf(tokens: readonly Token[], vocab: Vocabulary): Found<string>[] {
  const out: Found<string>[] = [];
  tokens.forEach((t, i) => {
    const n = numberOf(tokens[i + 1]);
    if ((t.norm === 'tier' || t.norm === 'tiers') && n && n >= 1 && n <= 5 && !NOT_TIERS.has(tokens[i + 2]?.norm ?? '')) {
      out.push({ start: i, end: i + 2, value: String(n), text: `tier ${n}` });
    }
  });
  return [...out, ...vocab.tiers.scan(tokens, (i) => out.some((h) => i >= h.start && i < h.end))];
}

/** skillKey of the question's n-grams, remembered: the same few hundred recur in every question (bounded). */
const keys = new Map<string, string>();
function keyOf(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= 20_000) keys.clear();
    key = skillKey(text);
    keys.set(text, key);
  }
  return key;
}

/** Skills named by the data's own wording, longest first ("vector dbs" before "vector"). */
function skillsOf(tokens: readonly Token[], vocab: Vocabulary, taken: (i: number) => boolean): Found<string>[] {
  const loose = (i: number) => vocab.looseSkills.get(tokens[i]!.norm) ?? vocab.looseSkills.get(tokens[i]!.one);
  const out: Found<string>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken(i) || !(vocab.skillStarts.has(t.norm) || vocab.skillStarts.has(t.one))) {
      const word = taken(i) ? undefined : loose(i);
      if (word) out.push({ start: i, end: i + 1, value: word, text: `~${t.norm}` });
      continue;
    }
    let found = false;
    for (let n = Math.min(4, tokens.length - i); n >= 1 && !found; n--) {
      const span = tokens.slice(i, i + n);
      if (span.some((s, k) => s.clause !== t.clause || taken(i + k)) || span.at(-1)!.norm === '/') continue;
      const key = keyOf(span.map((s) => s.norm).join(' '));
      const shown = vocab.skills.get(key) ?? vocab.skills.get(key.split(' ').map(singular).join(' '));
      if (shown) {
        out.push({ start: i, end: i + n, value: shown, text: span.map((s) => s.norm).join(' ') });
        i += n - 1;
        found = true;
      }
    }
    const word = found ? undefined : loose(i);
    if (word) out.push({ start: i, end: i + 1, value: word, text: `~${t.norm}` });
  }
  return out;
}

/** Loose hits are marked with "~" while found; they travel apart. */
function splitSkills(all: Found<string>[]): { skills: Found<string>[]; looseSkills: Found<string>[] } {
  const strip = (h: Found<string>) => ({ ...h, text: h.text.replace(/^~/, '') });
  return { skills: all.filter((h) => !h.text.startsWith('~')), looseSkills: all.filter((h) => h.text.startsWith('~')).map(strip) };
}

export function findEntities(tokens: readonly Token[], vocab: Vocabulary): Entities {
  const taken = new Set<number>();
  const isTaken = (i: number) => taken.has(i);
  const take = <T>(hits: Found<T>[]) => {
    for (const h of hits) for (let i = h.start; i < h.end; i++) taken.add(i);
    return hits;
  };
  const layers = take(layersOf(tokens, vocab, isTaken));
  const foundMarkets = take(marketsOf(tokens, isTaken));
  const foundEducation = take(education.scan(tokens, isTaken));
  const foundDifficulties = take(difficulties.scan(tokens, isTaken));
  const foundLevels = take([...levels.scan(tokens, isTaken), ...yearsLevels(tokens)].sort((x, y) => x.start - y.start));
  const tiers = take(tiersOf(tokens, vocab));
  return {
    markets: foundMarkets,
    levels: foundLevels,
    layers,
    difficulties: foundDifficulties,
    education: foundEducation,
    tiers,
    parts: parts.scan(tokens),
    ...splitSkills(skillsOf(tokens, vocab, isTaken)),
    taken,
  };
}
