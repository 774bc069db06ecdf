import type { Mention } from './role-mentions.js';
import type { Token } from './text.js';

/**
 * Which way a career move goes: the roles a question comes from ("I'm a data scientist",
 * "from X", "X to Y") and the ones it goes to ("become", "get into", "to Y").
 */
export type Direction = 'from' | 'to';

/** "im" → "im a", "im an": the phrases before a job title, split into words. */
const withArticles = (phrases: readonly string[]) => phrases.flatMap((p) => [`${p} a`, `${p} an`]).map((p) => p.split(' '));

/** How people say where they are now, right before the title: "I'm a", "working as an". */
const SELF = ['im', 'i am', 'working as', 'work as'];
const ORIGIN_STARTS = withArticles(SELF);
const ORIGIN_BEFORE: ReadonlyArray<readonly string[]> = [
  ...ORIGIN_STARTS,
  ...withArticles(['currently', 'being', 'after being', 'as']),
  ...['from', 'after', 'working as', 'work as'].map((p) => p.split(' ')),
];
const TARGET_VERBS = new Set(['become', 'becoming', 'be', 'into', 'to', 'towards', 'toward', '->']);
const ARTICLES = new Set(['a', 'an', 'the']);

function endsWith(tokens: readonly Token[], end: number, words: readonly string[]): boolean {
  if (end - words.length < 0) return false;
  return words.every((w, k) => tokens[end - words.length + k]!.norm === w);
}

/** "from"/"to" for a mention by the words just before it; undefined when they say neither. */
export function directionOf(
  tokens: readonly Token[],
  mention: Mention,
  previous: Mention | undefined,
  isTitleWord: (w: string) => boolean,
): Direction | undefined {
  let end = mention.start;
  while (end > 0 && ARTICLES.has(tokens[end - 1]!.norm)) end--;
  const before = tokens[end - 1];
  if (before && TARGET_VERBS.has(before.norm)) {
    // "X to Y": "to" after a role or a job title ("java developer to ML engineer") is a move.
    const word = tokens[end - 2]?.norm ?? '';
    if (before.norm !== 'to' || previous || isTitleWord(word) || ['switch', 'move', 'transition', 'pivot', 'go', 'get', 'shift', 'way'].includes(word))
      return 'to';
  }
  return ORIGIN_BEFORE.some((words) => endsWith(tokens, mention.start, words)) ? 'from' : undefined;
}

const ORIGIN_STOP = new Set([
  'and',
  'but',
  'with',
  'who',
  'wanting',
  'want',
  'wants',
  'looking',
  'trying',
  'planning',
  'how',
  'in',
  'at',
  'for',
  'from',
  'since',
  'having',
  'of',
  'to',
  'currently',
  'working',
  'so',
  'what',
  'can',
  'should',
]);

/**
 * The words a question uses for where the asker is now, when they are no role: "I'm a data
 * analyst, …", "SWE wanting to switch…", "backend developer to AI engineer". Undefined when none.
 */
export function originPhrase(tokens: readonly Token[], firstTarget: number, isTitleWord: (w: string) => boolean): { start: number; end: number } | undefined {
  for (let i = 0; i < firstTarget; i++) {
    const start = ORIGIN_STARTS.find((w) => endsWith(tokens, i + w.length, w) && i + w.length <= firstTarget);
    if (!start) continue;
    const from = i + start.length;
    let to = from;
    while (to < firstTarget && to - from < 4 && !ORIGIN_STOP.has(tokens[to]!.norm) && tokens[to]!.clause === tokens[from]!.clause) to++;
    if (to > from) return { start: from, end: to };
  }
  // No "I'm a": the question's first words, when a verb of moving follows them.
  let to = 0;
  while (to < firstTarget && to < 4 && !ORIGIN_STOP.has(tokens[to]!.norm) && !['switch', 'move', 'transition', 'pivot', 'become'].includes(tokens[to]!.norm))
    to++;
  const next = tokens[to]?.norm ?? '';
  const title = to > 0 && isTitleWord(tokens[to - 1]!.norm);
  if (title && ['wanting', 'want', 'wants', 'to', 'switch', 'move', 'transition', 'pivot', 'who'].includes(next)) return { start: 0, end: to };
  return undefined;
}
