/**
 * Query normalisation shared by the exact index, the typo corrector and fuzzy search.
 * "Sr. ML Eng." and "ml engineer" must meet at the same key.
 *
 * Two stages: `words` cleans the text into words (with shorthand spelt out), and `fold` turns
 * words into a key (phrases folded to one token, seniority dropped). The resolver corrects
 * typos and joined words between the two, so "Machne Learnign" can still fold to "ml".
 */

/** Longest query we look at; job titles are short, and this bounds the cost of any input. */
export const MAX_QUERY_CHARS = 120;

const TOKEN_REWRITES: ReadonlyMap<string, string> = new Map([
  ['eng', 'engineer'],
  ['engg', 'engineer'],
  ['engr', 'engineer'],
  ['engineers', 'engineer'],
  ['engineering', 'engineer'],
  ['mgr', 'manager'],
  ['mngr', 'manager'],
  ['managers', 'manager'],
  ['sci', 'scientist'],
  ['scientists', 'scientist'],
  ['developers', 'developer'],
  ['dev', 'developer'],
  ['devs', 'developer'],
  ['architects', 'architect'],
  ['specialists', 'specialist'],
  ['leads', 'lead'],
  ['n', 'and'],
  ['opt', 'optimization'],
  ['optimisation', 'optimization'],
  ['infra', 'infrastructure'],
  ['gov', 'governance'],
  ['governence', 'governance'],
  ['mgmt', 'management'],
]);

/** Spells out shorthand ("eng" → "engineer"); other words pass through. */
export function rewrite(word: string): string {
  return TOKEN_REWRITES.get(word) ?? word;
}

/** Phrases folded to one token so spacing variants meet ("gen ai", "llm ops", "machine learning"). */
const PHRASES: ReadonlyMap<string, string> = new Map([
  ['gen ai', 'genai'],
  ['generative ai', 'genai'],
  ['llm ops', 'llmops'],
  ['ml ops', 'mlops'],
  ['machine learning', 'ml'],
  // A deep learning engineer or researcher is a machine learning one.
  ['deep learning', 'ml'],
  ['artificial intelligence', 'ai'],
  ['natural language processing', 'nlp'],
  ['dev rel', 'devrel'],
  ['developer relations', 'devrel'],
  ['product manager', 'pm'],
  // Postings say "Product Owner" where the reference says Product Manager.
  ['product owner', 'pm'],
  ['ai ml', 'aiml'],
  // OpenAI's and Anthropic's title for engineers and researchers alike: names no role.
  ['member of technical staff', 'mts'],
]);
const LONGEST_PHRASE = 4;
/** First words of the phrases: only these start a lookup, so most words cost one Set check. */
const PHRASE_STARTS: ReadonlySet<string> = new Set([...PHRASES.keys()].map((p) => p.split(' ')[0]!));

/** Seniority and level words are not part of a role: "Senior ML Engineer II" is an ML Engineer. */
const LEADING_SENIORITY = new Set(['senior', 'sr', 'junior', 'jr', 'staff', 'principal', 'associate', 'entry', 'level', 'mid', 'lead']);
const TRAILING_LEVEL = new Set(['i', 'ii', 'iii', 'iv', '1', '2', '3', '4']);

// Control characters and zero-width/format characters never belong to a role name.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const MARKUP = /<[^>]{0,200}>/g;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const SEPARATORS = /[^\p{L}\p{N}#]+/gu;

/** The words of a query: lower case, marks and markup dropped, shorthand spelt out. */
export function words(raw: string): string[] {
  let s = raw.length > MAX_QUERY_CHARS * 4 ? raw.slice(0, MAX_QUERY_CHARS * 4) : raw;
  // Most queries are plain ASCII; only other text needs Unicode folding (the costly part).
  if (!PLAIN_ASCII.test(s))
    s = s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(INVISIBLE, ' ');
  if (s.includes('<')) s = s.replace(MARKUP, ' ');
  s = s.toLowerCase().replace(/&/g, ' and ').replace(/\+\+/g, 'pp').replace(SEPARATORS, ' ').trim();
  if (s.length > MAX_QUERY_CHARS) s = s.slice(0, MAX_QUERY_CHARS).trim();
  if (!s) return [];
  const out = s.split(' ');
  for (let i = 0; i < out.length; i++) out[i] = rewrite(out[i]!);
  return out;
}

/** Words to key: phrases folded, leading seniority and trailing levels dropped. */
export function fold(input: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < input.length; ) {
    let taken = 1;
    let token = input[i]!;
    if (PHRASE_STARTS.has(token)) {
      for (let n = Math.min(LONGEST_PHRASE, input.length - i); n >= 2; n--) {
        const phrase = PHRASES.get(input.slice(i, i + n).join(' '));
        if (phrase !== undefined) {
          token = phrase;
          taken = n;
          break;
        }
      }
    }
    // A fold may complete an earlier phrase: "ai" + "machine learning" → "ai ml" → "aiml".
    const chained = out.length > 0 && PHRASE_STARTS.has(out[out.length - 1]!) ? PHRASES.get(`${out[out.length - 1]} ${token}`) : undefined;
    if (chained !== undefined) out[out.length - 1] = chained;
    else out.push(token);
    i += taken;
  }
  let start = 0;
  while (out.length - start > 1 && LEADING_SENIORITY.has(out[start]!)) start++;
  let end = out.length;
  while (end - start > 1 && TRAILING_LEVEL.has(out[end - 1]!)) end--;
  return out.slice(start, end).join(' ');
}

export function normalize(raw: string): string {
  return fold(words(raw));
}

export function tokens(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}
