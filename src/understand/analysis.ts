import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import { directionOf, originPhrase } from './direction.js';
import { type Entities, findEntities } from './entities.js';
import { CUES } from './lexicon.js';
import { OFF_TOPIC, SMALL_TALK } from './scope-words.js';
import { PhraseIndex, singular } from './phrases.js';
import { type Mention, findMentions } from './role-mentions.js';
import { MAX_ANALYSED_CHARS, type QuestionText, readQuestion, type Token } from './text.js';
import type { AskIntent, Evidence } from './types.js';
import type { Vocabulary } from './vocabulary.js';
import { STOPWORDS } from './entity-words.js';
import { editDistanceWithin } from '../core/resolve/edit-distance.js';

/** Everything read from a question, before deciding what it asks. */
export interface Analysis {
  tokens: Token[];
  truncated: boolean;
  entities: Entities;
  mentions: Mention[];
  /** Roles found confidently, once each, in the order named. */
  roles: Role[];
  ambiguous: Extract<Mention, { kind: 'ambiguous' }>[];
  /** Job titles that are none of the 31 roles. */
  others: Extract<Mention, { kind: 'other' }>[];
  /** Cue weight per intent. */
  cues: Map<AskIntent, number>;
  /** The sentences each intent's cues are in. */
  cueSentences: Map<AskIntent, Set<number>>;
  offTopic: string[];
  /** Roles the question moves from and to (path). */
  from: Role[];
  to: Role[];
  /** Where the asker is, when that is no role: "data analyst". */
  origin?: { text: string; suggestions: Role[] };
  /** Words no lexicon explains. */
  unexplained: number;
  evidence: Evidence[];
}

const INTENT_CUES = new PhraseIndex<Array<[AskIntent, number]>>();
for (const [intent, list] of Object.entries(CUES) as Array<[AskIntent, ReadonlyArray<readonly [string, number]>]>) {
  for (const [phrase, weight] of list) {
    const existing = INTENT_CUES.at(
      phrase.split(' ').map((norm) => ({ norm, one: norm, raw: norm, sentence: 0, clause: 0 })),
      0,
    );
    if (existing && existing.text === phrase) existing.value.push([intent, weight]);
    else INTENT_CUES.add(phrase, [[intent, weight]]);
  }
}
const OFF = new PhraseIndex(OFF_TOPIC.map((p) => [p, true] as const));
const SMALL = new Set(SMALL_TALK);

function correctTypos(q: QuestionText, vocab: Vocabulary): void {
  for (const t of q.tokens) {
    if (t.norm.length < 5 || !/^[a-z]+$/.test(t.norm) || vocab.known.has(t.norm) || vocab.known.has(t.one)) continue;
    const fixed = vocab.typos.closest(t.norm);
    // One edit only: at two, "mechanical" would become "technical".
    if (fixed && editDistanceWithin(t.norm, fixed, 1) <= 1) {
      t.norm = fixed;
      t.one = singular(fixed);
    }
  }
}

export function analyse(core: Core, vocab: Vocabulary, text: string): Analysis {
  const q = readQuestion(text);
  correctTypos(q, vocab);
  const { tokens } = q;
  const evidence: Evidence[] = [];
  const entities = findEntities(tokens, vocab);
  const mentions = findMentions(core, tokens, vocab, entities.taken);
  const explained = new Set<number>();
  const mark = (start: number, end: number) => {
    for (let i = start; i < end; i++) explained.add(i);
  };

  const cues = new Map<AskIntent, number>();
  const cueSentences = new Map<AskIntent, Set<number>>();
  for (const hit of INTENT_CUES.scan(tokens)) {
    mark(hit.start, hit.end);
    for (const [intent, weight] of hit.value) {
      cues.set(intent, (cues.get(intent) ?? 0) + weight);
      cueSentences.set(intent, (cueSentences.get(intent) ?? new Set()).add(tokens[hit.start]!.sentence));
      evidence.push({ kind: 'cue', text: hit.text, value: intent });
    }
  }
  // "what can a new grad AI engineer make", "how much do MLEs make": make after a role is pay.
  const firstMention = mentions[0];
  if (
    firstMention &&
    tokens.some((t, i) => /^mak(?:e|es|ing)$/.test(t.norm) && i > firstMention.start && t.sentence === tokens[firstMention.start]!.sentence)
  ) {
    cues.set('salary', (cues.get('salary') ?? 0) + 2);
  }
  const offTopic = OFF.scan(tokens).map((h) => {
    mark(h.start, h.end);
    evidence.push({ kind: 'off-topic', text: h.text, value: 'off-topic' });
    return h.text;
  });

  const roles: Role[] = [];
  const from: Role[] = [];
  const to: Role[] = [];
  let previous: Mention | undefined;
  for (const m of mentions) {
    mark(m.start, m.end);
    if (m.kind === 'role') {
      if (!roles.includes(m.role)) roles.push(m.role);
      evidence.push({ kind: 'role', text: m.text, value: m.role.id });
      const dir = directionOf(tokens, m, previous, (w) => vocab.titleWords.has(w));
      if (dir) evidence.push({ kind: dir, text: m.text, value: m.role.id });
      if (dir === 'from' && !from.includes(m.role)) from.push(m.role);
      if (dir === 'to' && !to.includes(m.role)) to.push(m.role);
    } else
      evidence.push({
        kind: m.kind === 'ambiguous' ? 'ambiguous-role' : 'other-title',
        text: m.text,
        value: m.kind === 'ambiguous' ? m.candidates.map((r) => r.id).join(' ') : '',
      });
    previous = m;
  }
  // "X to Y" with nothing before X: X is where the move starts.
  const firstTo = mentions.find((m) => m.kind === 'role' && to.includes(m.role));
  const firstRole = mentions.find((m) => m.kind === 'role');
  if (to.length > 0 && from.length === 0 && firstRole?.kind === 'role' && firstTo && firstRole.start < firstTo.start && !to.includes(firstRole.role)) {
    from.push(firstRole.role);
  }
  let origin: Analysis['origin'];
  const other = mentions.find((m) => m.kind === 'other');
  const targetAt = firstTo?.start ?? firstRole?.start ?? tokens.length;
  if (from.length === 0 && (to.length > 0 || firstRole)) {
    // "…become an AI architect from data engineer": a title after "from" is where the move starts.
    const fromOther = mentions.find((m) => m.kind === 'other' && tokens[m.start - 1]?.norm === 'from');
    const span =
      fromOther ??
      (other && other.start < targetAt ? other : originPhrase(tokens, targetAt, (w) => vocab.titleWords.has(w) || vocab.titleWords.has(singular(w))));
    if (span && (!firstRole || span.end <= targetAt || span === fromOther)) {
      const words = tokens.slice(span.start, span.end).map((t) => t.norm);
      const res = core.resolve(words.join(' '));
      const isLevelOnly = [...Array(span.end - span.start).keys()].some((k) => entities.taken.has(span.start + k));
      // Words the title runs skipped ("mechanical engineer") name a role only by its exact name.
      const exact = res.status === 'found' && ['exact', 'reordered', 'number'].includes(res.via);
      if (!exact && !isLevelOnly && words.some((w) => !STOPWORDS.has(w))) {
        origin = { text: words.join(' '), suggestions: res.status === 'found' ? [res.role] : res.status === 'not_found' ? res.suggestions : res.candidates };
        mark(span.start, span.end);
        evidence.push({ kind: 'from', text: origin.text, value: 'not one of the roles' });
      }
    }
  }

  for (const group of [
    entities.markets,
    entities.levels,
    entities.layers,
    entities.difficulties,
    entities.education,
    entities.tiers,
    entities.parts,
    entities.skills,
    entities.looseSkills,
  ]) {
    for (const h of group) mark(h.start, h.end);
  }
  pushEntityEvidence(entities, evidence);
  if (q.truncated) evidence.push({ kind: 'truncated', text: '', value: `only the first ${MAX_ANALYSED_CHARS} characters were read` });
  const unexplained = tokens.filter((t, i) => !explained.has(i) && !STOPWORDS.has(t.norm) && !SMALL.has(t.norm) && t.norm !== '/').length;
  return {
    tokens,
    truncated: q.truncated,
    entities,
    mentions,
    roles,
    ambiguous: mentions.filter((m): m is Extract<Mention, { kind: 'ambiguous' }> => m.kind === 'ambiguous'),
    others: mentions.filter((m): m is Extract<Mention, { kind: 'other' }> => m.kind === 'other'),
    cues,
    cueSentences,
    offTopic,
    from,
    to,
    ...(origin ? { origin } : {}),
    unexplained,
    evidence,
  };
}

function pushEntityEvidence(e: Entities, evidence: Evidence[]): void {
  const add = (kind: Evidence['kind'], hits: ReadonlyArray<{ text: string; value: string }>) =>
    hits.forEach((h) => evidence.push({ kind, text: h.text, value: h.value }));
  add('market', e.markets);
  add('level', e.levels);
  add('layer', e.layers);
  add('difficulty', e.difficulties);
  add('education', e.education);
  add('tier', e.tiers);
  add('part', e.parts);
  add('skill', e.skills);
}

/** Only greetings, thanks and filler. */
export function isSmallTalk(a: Analysis): boolean {
  return a.tokens.every((t) => SMALL.has(t.norm) || STOPWORDS.has(t.norm));
}
