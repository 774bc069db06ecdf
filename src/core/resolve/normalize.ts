/**
 * Query normalisation shared by the exact index, the typo corrector and fuzzy search.
 * "Sr. ML Eng." and "ml engineer" must meet at the same key.
 */

/** Longest query we look at; job titles are short, and this bounds the cost of any input. */
export const MAX_QUERY_CHARS = 120;

const TOKEN_REWRITES: Record<string, string> = {
  eng: 'engineer',
  engg: 'engineer',
  engr: 'engineer',
  engineers: 'engineer',
  engineering: 'engineer',
  mgr: 'manager',
  mngr: 'manager',
  managers: 'manager',
  sci: 'scientist',
  scientists: 'scientist',
  developers: 'developer',
  dev: 'developer',
  devs: 'developer',
  architects: 'architect',
  specialists: 'specialist',
  leads: 'lead',
  ml: 'ml',
  machine: 'machine',
  '&': 'and',
  n: 'and',
  genai: 'genai',
  gen: 'gen',
  opt: 'optimization',
  optimisation: 'optimization',
  infra: 'infrastructure',
  gov: 'governance',
  governence: 'governance',
  mgmt: 'management',
  pm: 'pm',
  cv: 'cv',
};

/** Phrases folded to one token so spacing variants meet ("gen ai", "llm ops", "machine learning"). */
const PHRASES: Array<[RegExp, string]> = [
  [/\bgen ai\b/g, 'genai'],
  [/\bgenerative ai\b/g, 'genai'],
  [/\bllm ops\b/g, 'llmops'],
  [/\bml ops\b/g, 'mlops'],
  [/\bmachine learning\b/g, 'ml'],
  [/\bartificial intelligence\b/g, 'ai'],
  [/\bnatural language processing\b/g, 'nlp'],
  [/\bdev rel\b/g, 'devrel'],
  [/\bdeveloper relations\b/g, 'devrel'],
  [/\bproduct manager\b/g, 'pm'],
  [/\bai ml\b/g, 'aiml'],
];

/** Seniority and level words are not part of a role: "Senior ML Engineer II" is an ML Engineer. */
const LEADING_SENIORITY = new Set(['senior', 'sr', 'junior', 'jr', 'staff', 'principal', 'associate', 'entry', 'level', 'mid', 'lead']);
const TRAILING_LEVEL = /(?:\s(?:i{1,3}|iv|[1-4]))+$/;

// Control characters and zero-width/format characters never belong to a role name.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const MARKUP = /<[^>]{0,200}>/g;

export function normalize(raw: string): string {
  let s = raw.length > MAX_QUERY_CHARS * 4 ? raw.slice(0, MAX_QUERY_CHARS * 4) : raw;
  s = s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(INVISIBLE, ' ').replace(MARKUP, ' ').toLowerCase();
  s = s.replace(/&/g, ' and ').replace(/\+\+/g, 'pp').replace(/[^\p{L}\p{N}#]+/gu, ' ').trim();
  if (s.length > MAX_QUERY_CHARS) s = s.slice(0, MAX_QUERY_CHARS).trim();
  s = s
    .split(' ')
    .map((t) => TOKEN_REWRITES[t] ?? t)
    .join(' ');
  for (const [pattern, replacement] of PHRASES) s = s.replace(pattern, replacement);
  const tokens = s.split(' ').filter(Boolean);
  while (tokens.length > 1 && LEADING_SENIORITY.has(tokens[0]!)) tokens.shift();
  return tokens.join(' ').replace(TRAILING_LEVEL, '');
}

export function tokens(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}
