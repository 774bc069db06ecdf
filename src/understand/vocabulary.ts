import type { KnowledgeBase } from '../core/knowledge-base.js';
import type { LayerCode } from '../core/schema/common.js';
import { words } from '../core/resolve/normalize.js';
import { JOB_NOUNS } from '../core/resolve/word-classes.js';
import { TypoIndex } from '../core/resolve/typo-index.js';
import { skillKey } from '../core/skills.js';
import { CUES } from './lexicon.js';
import { OFF_TOPIC } from './scope-words.js';
import { DEEP_DIVE_CUES, DIFFICULTY_PHRASES, LEVEL_PHRASES, MARKET_PHRASES, STOPWORDS } from './entity-words.js';
import { PhraseIndex, singular } from './phrases.js';

/** Title words beyond the 31 roles' names, so "SWE", "QA tester" and "backend developer" are read as job titles. */
const OTHER_TITLE_WORDS = ['swe', 'sde', 'sre', 'devops', 'qa', 'tester', 'software', 'backend', 'frontend', 'fullstack', 'teacher', 'analyst'];
/** Words of role names that never make a run of title words by themselves ("Data Engineer for AI"). */
const FUNCTION_WORDS = new Set(['for', 'of', 'and', 'the', 'a', 'an', 'in', 'to', 'as', 'at', 'on', 'with', 'or', 'by']);
/** Words that join a title's words but never start or end a run of them. */
const JOINERS = new Set(['/', 'and']);
/** Words of skill entries that say nothing alone ("Triton Inference Server" is a skill; "server" is not). */
const GENERIC_SKILL_WORDS = new Set(
  'vs code extension user skills skill understanding knowledge experience design tools tool patterns management development systems system model models techniques methods frameworks framework architecture architectures data strong deep basic advanced custom server services service platforms platform integration integrations engineer ai ml llm genai programming metrics evaluation analysis research writing building domain expertise industry specific prior excellent ability public hands multi real time pipeline pipelines strategies strategy protocols protocol concepts theory quality awareness tracking building apis api app apps rest go'.split(
    ' ',
  ),
);

export interface Vocabulary {
  /** Words that can belong to a job title: the roles' names and aliases, and other job nouns. */
  titleWords: ReadonlySet<string>;
  joiners: ReadonlySet<string>;
  /** One-word names of roles ("mle", "mlops", "devrel"): the only single words worth a lookup. */
  singleNames: ReadonlySet<string>;
  /** "ethics and governance": the words around "and" in a role's name; other spans over "and" name two things. */
  andPairs: ReadonlySet<string>;
  /** skillKey → the data's wording. */
  skills: ReadonlyMap<string, string>;
  /** Other words of the skills' entries ("triton", "airflow"), read as skills only in questions about skills. */
  looseSkills: ReadonlyMap<string, string>;
  /** First words of skill phrases, so only n-grams starting with one are looked up. */
  skillStarts: ReadonlySet<string>;
  layers: PhraseIndex<LayerCode>;
  tiers: PhraseIndex<string>;
  /** Every word the lexicons know, for telling a typo from a word. */
  known: ReadonlySet<string>;
  /** Corrects a misspelt word to a known one (5+ letters, one edit; two from 8). */
  typos: TypoIndex;
}

/** Single words that are some command's cue ("certifications", "project"): never a skill alone. */
const CUE_WORDS = new Set(
  Object.values(CUES).flatMap((list) =>
    list
      .map(([p]) => p)
      .filter((p) => !p.includes(' '))
      .flatMap((p) => [p, `${p}s`]),
  ),
);

function addSkill(map: Map<string, string>, display: string): void {
  const shown = display.replace(/\s+/g, ' ').trim();
  const key = skillKey(shown);
  if (key.length < 3 || key.split(' ').length > 5 || STOPWORDS.has(key) || GENERIC_SKILL_WORDS.has(key) || CUE_WORDS.has(key)) return;
  if (!map.has(key)) map.set(key, shown);
  const one = key.split(' ').map(singular).join(' ');
  if (!map.has(one)) map.set(one, shown);
}

/** A product or acronym as the data spells it: "LangGraph", "vLLM", "ONNX", "A2A" (not "Deep" or "Strong"). */
const NAMED = /^(?:[A-Za-z][a-z0-9]*[A-Z0-9][A-Za-z0-9.]*|[A-Z0-9]{2,})$/;

/**
 * Every skill the roles list, split into the parts a person would name ("PyTorch/TensorFlow" →
 * both, "(LoRA/QLoRA)" too, "Triton" of "Triton Inference Server" only in `loose`).
 */
function skillVocabulary(kb: KnowledgeBase, titleWords: ReadonlySet<string>): { strict: Map<string, string>; loose: Map<string, string> } {
  const strict = new Map<string, string>();
  const loose = new Map<string, string>();
  const texts = new Set<string>();
  for (const r of kb.roles) for (const s of [...r.mustHave, ...r.niceToHave]) texts.add(s);
  for (const text of texts) {
    const outer = text.replace(/\([^)]*\)/g, ' ');
    addSkill(strict, outer);
    const parts = outer.split(/[/+,&]|\band\b/i);
    parts.forEach((p) => addSkill(strict, p));
    for (const [, inner] of text.matchAll(/\(([^)]*)\)/g)) inner!.split(/[,/]/).forEach((p) => addSkill(strict, p));
    for (const part of parts) {
      const ws = part.trim().split(/\s+/);
      if (ws.length < 2) continue;
      for (const w of ws) {
        const n = words(w).join(' ');
        if (n.length < 3 || titleWords.has(n) || GENERIC_SKILL_WORDS.has(n) || STOPWORDS.has(n) || CUE_WORDS.has(n)) continue;
        addSkill(NAMED.test(w) ? strict : loose, w);
      }
    }
  }
  return { strict, loose };
}

function layerIndex(kb: KnowledgeBase): PhraseIndex<LayerCode> {
  const index = new PhraseIndex<LayerCode>();
  for (const layer of kb.reference.layers) {
    const name = words(layer.name).join(' ');
    index.add(name, layer.code);
    // "Inference & Serving" is also "inference", "serving"; layer.ts asks for "layer" beside a part.
    for (const part of layer.name.split(/\s*&\s*|\s+and\s+/)) index.add(words(part).join(' '), layer.code);
  }
  index.add('cross cutting', 'cross');
  return index;
}

/** Company tiers by their names ("Frontier Labs", "Big Tech AI Teams") and the words people use for them. */
function tierIndex(kb: KnowledgeBase): PhraseIndex<string> {
  const index = new PhraseIndex<string>();
  for (const t of kb.reference.companyTiers) {
    const name = words(t.name);
    index.add(name.join(' '), String(t.tier));
    index.add(name.filter((w) => w !== 'ai').join(' '), String(t.tier));
  }
  for (const [phrase, tier] of [
    ['big tech', '2'],
    ['faang', '2'],
    ['enterprises', '4'],
    ['startups', '3'],
    ['startup', '3'],
    ['service based', '5'],
  ] as const)
    index.add(phrase, tier);
  return index;
}

export function buildVocabulary(kb: KnowledgeBase): Vocabulary {
  const titleWords = new Set<string>([...JOB_NOUNS, ...OTHER_TITLE_WORDS]);
  for (const r of kb.roles) for (const text of [r.name, ...r.aliases]) for (const w of words(text)) if (!FUNCTION_WORDS.has(w)) titleWords.add(w);
  const { strict: skills, loose: looseSkills } = skillVocabulary(kb, titleWords);
  const singleNames = new Set<string>(['swe', 'sde', 'sre', 'pm']);
  for (const r of kb.roles) for (const text of [r.name, ...r.aliases]) if (words(text).length === 1) singleNames.add(words(text)[0]!);
  const andPairs = new Set<string>();
  for (const text of [...kb.roles.flatMap((r) => [r.name, ...r.aliases]), ...kb.reference.meta.aiMlDeveloper.aliases]) {
    const ws = words(text);
    ws.forEach((w, i) => {
      if (w === 'and' && i > 0 && i < ws.length - 1) andPairs.add(`${ws[i - 1]} ${ws[i + 1]}`);
    });
  }
  const skillStarts = new Set<string>();
  for (const [key, shown] of skills) {
    skillStarts.add(key.split(' ')[0]!);
    const first = words(shown)[0];
    if (first) skillStarts.add(first);
  }
  for (const synonym of ['k8s', 'torch', 'tf', 'js', 'ts', 'sklearn', 'postgres', 'golang', 'reactjs', 'nextjs', 'large', 'retrieval', 'prompting', 'llms'])
    skillStarts.add(synonym);
  const known = new Set<string>([...titleWords, ...STOPWORDS, ...skillStarts]);
  const phraseWords = [
    ...Object.values(CUES).flatMap((list) => list.map(([p]) => p)),
    ...DEEP_DIVE_CUES.map(([p]) => p),
    ...OFF_TOPIC,
    ...[...MARKET_PHRASES, ...LEVEL_PHRASES, ...DIFFICULTY_PHRASES].map(([p]) => p),
    ...kb.reference.layers.map((l) => words(l.name).join(' ')),
  ];
  for (const p of phraseWords) for (const w of p.split(' ')) known.add(w);
  for (const key of [...skills.keys(), ...looseSkills.keys()]) for (const w of key.split(' ')) known.add(w);
  // Typos are fixed only towards content words long enough to be told apart.
  const targets = [...known].filter((w) => w.length >= 6 && !STOPWORDS.has(w) && /^[a-z]+$/.test(w));
  return {
    titleWords,
    joiners: JOINERS,
    singleNames,
    andPairs,
    skills,
    looseSkills,
    skillStarts,
    layers: layerIndex(kb),
    tiers: tierIndex(kb),
    known,
    typos: new TypoIndex(targets),
  };
}
