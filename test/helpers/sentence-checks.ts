/**
 * Checks on the sentences RoleCall shows, each a pure function returning what is wrong (empty when
 * nothing is), so a test can show each one catching the faults it exists for.
 */

/**
 * Words after which a phrase cannot stop, so an empty slot left them hanging ("the share of .",
 * "junior and ,"). Prepositions that English lets a clause end on ("look for", "rely on") are not here.
 */
const HANGING = ['a', 'an', 'the', 'of', 'than', 'per', 'via', 'between', 'versus', 'vs'];
/** Conjunctions may take a comma ("and, in the author's estimate, …"), never a full stop. */
const HANGING_CONJUNCTIONS = ['and', 'or', 'nor', 'because'];

const DANGLING: Array<[string, RegExp]> = [
  ['an undefined value', /\bundefined\b/],
  ['a null value', /\bnull\b/],
  ['NaN', /\bNaN\b/],
  ['an object printed as text', /\[object\b/],
  ['empty parentheses', /\(\s*\)/],
  ['empty brackets', /\[\s*\]/],
  ['a doubled space', / {2}/],
  ['a space before punctuation', / [,.;:!?)]/],
  ['a space after an opening parenthesis', /\( /],
  ['doubled punctuation', /[,;:]\s*[,;:.]|(?<!\.)\.\s?\.(?!\.)|\(\s*[,;:.]/],
  ['a label with nothing after it', /:\s*$/],
  ['a doubled word', /\b([a-z]{2,})\s+\1\b/i],
  ['leading or trailing blanks', /^\s|\s$/],
  ['a phrase ending in an article or a preposition', new RegExp(`\\b(?:${HANGING.join('|')})\\s*(?:[.,;:!?)]|$)`, 'i')],
  ['a phrase ending in a conjunction', new RegExp(`\\b(?:${HANGING_CONJUNCTIONS.join('|')})\\s*(?:[.;:!?)]|$)`, 'i')],
];

/** Template text with a slot left empty or filled with a non-value. */
export function danglingSlots(text: string): string[] {
  if (text.length === 0) return ['an empty string'];
  // "..." in a usage line ("<skill>, <skill>, ...") is an ellipsis, not doubled full stops.
  const plain = text.replace(/\.\.\./g, '…');
  return DANGLING.flatMap(([what, re]) => (re.test(plain) ? [`${what}: ${excerpt(plain, re)}`] : []));
}

/**
 * Finite verbs (auxiliaries, modals and common irregular forms) that may follow a singular subject.
 * Any other word must end in -s (costs, needs, runs) to count as a verb there.
 */
const FINITE = new Set([
  'is',
  'was',
  'has',
  'had',
  'does',
  'did',
  'can',
  'could',
  'will',
  'would',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'cost',
  'fell',
  'grew',
  'made',
  'took',
  'went',
  'won',
]);
/** Adverbs that may sit between the subject and its verb ("because it also costs"). */
const ADVERBS = new Set(['also', 'still', 'often', 'only', 'usually', 'rarely', 'never', 'already', 'always', 'then', 'now', 'just', 'seldom']);
/** A subordinate clause with a singular pronoun subject: its next word must be a verb. */
const CLAUSE = /\b(?:because|since|as|while|if|when|though|although|unless|so that|so)\s+(it|this|he|she)\s+(\S+)(?:\s+(\S+))?/gi;

const isVerb = (word: string) => FINITE.has(word) || (/^[a-z]+s$/.test(word) && !/ss$/.test(word)) || /^[a-z]+[’']s$/.test(word);

/** Clauses missing their verb: "because it no new infrastructure", "because it easiest to operate", "because it designed for …". */
export function missingVerbs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CLAUSE)) {
    const clean = (w: string | undefined) => (w ?? '').toLowerCase().replace(/[^a-z’']/g, '');
    let next = clean(m[2]);
    if (next === 'it’s' || next === "it's") continue;
    if (ADVERBS.has(next)) next = clean(m[3]);
    if (!isVerb(next)) out.push(`no verb after "${m[0]}"`);
  }
  return out;
}

/**
 * Names only RoleCall's data uses: source file numbers ("002 flags …", "004's India figures"),
 * dotted data paths ("see salary.headline") and camelCase field names ("careerLadder").
 * `data` holds the keys of the data files (a dotted word counts as a path when it starts with one)
 * and the names the data keeps as the reference spells them ("spaCy"), which are not field names.
 */
export function internalNames(text: string, seedIds: readonly string[], data: { keys: ReadonlySet<string>; names: ReadonlySet<string> }): string[] {
  const dataKeys = data.keys;
  const out: string[] = [];
  for (const id of seedIds) {
    // "000" also ends "$10,000" and "1,300,000": a separator or digit before it is a number, not an id.
    if (new RegExp(`(?<![\\d,.$£₹])\\b${id}\\b(?![.,]?\\d)`).test(text)) out.push(`source id ${id}: ${excerpt(text, new RegExp(id))}`);
  }
  for (const m of text.matchAll(/\b\d{3}[’']s\b|\b\d{3}_[0-9a-f]{6,}/g)) out.push(`source id: "${m[0]}"`);
  for (const m of text.matchAll(/\b([a-z][A-Za-z]*)((?:\.[a-z][A-Za-z-]*)+)\b/g)) {
    if (dataKeys.has(m[1]!)) out.push(`data path: "${m[0]}"`);
  }
  for (const m of text.matchAll(/\b[a-z]+(?:[A-Z][a-z]+)+\b/g)) if (!data.names.has(m[0])) out.push(`field name: "${m[0]}"`);
  for (const word of text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []) {
    if (dataKeys.has(word) && !out.some((o) => o.includes(`"${word}"`))) out.push(`field name: "${word}"`);
  }
  return out;
}

/** The object keys of parsed data files, at every depth, and the words of their string values. */
export function keysAndWords(value: unknown, out = { keys: new Set<string>(), names: new Set<string>() }) {
  if (typeof value === 'string') for (const w of value.split(/[^\p{L}\p{N}]+/u)) out.names.add(w);
  else if (Array.isArray(value)) for (const v of value) keysAndWords(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.keys.add(k);
      keysAndWords(v, out);
    }
  }
  return out;
}

/** Text between double quotes ("…" or “…”), and whether the marks pair up. */
export function quotedTexts(text: string): { quotes: string[]; unbalanced: boolean } {
  const straight = text.match(/"/g)?.length ?? 0;
  const curlyOpen = text.match(/“/g)?.length ?? 0;
  const curlyClose = text.match(/”/g)?.length ?? 0;
  const quotes = [...text.matchAll(/"([^"]*)"|“([^”]*)”/g)].map((m) => m[1] ?? m[2] ?? '');
  return { quotes, unbalanced: straight % 2 !== 0 || curlyOpen !== curlyClose };
}

function excerpt(text: string, re: RegExp): string {
  const m = re.exec(text);
  if (!m) return text.slice(0, 80);
  const from = Math.max(0, m.index - 40);
  return `…${text.slice(from, m.index + m[0].length + 40)}…`;
}
