/**
 * Classes of words the resolver reasons with. All are words after normalisation
 * (`normalize.ts`): phrases such as "machine learning" arrive folded ("ml").
 */

/** Connecting words and words about the search itself: no role is named by them. */
const FILLER = ['and', 'the', 'of', 'a', 'an', 'for', 'in', 'at', 'role', 'job', 'jobs', 'roles', 'career'];

/** Words that name no role by themselves: a query made only of these is ambiguous. */
export const GENERIC: ReadonlySet<string> = new Set([
  'ai',
  'ml',
  'aiml',
  'genai',
  'llm',
  'engineer',
  'developer',
  'data',
  'scientist',
  'science',
  'manager',
  'specialist',
  'lead',
  'architect',
  'research',
  'researcher',
  ...FILLER,
  'consultant',
  'analyst',
  'head',
  'expert',
  'applied',
  'product',
  'ops',
  'model',
  'models',
]);

/** Generic words so common in role names that sharing one says nothing about relevance. */
export const UBIQUITOUS: ReadonlySet<string> = new Set(['ai', 'genai', 'engineer', 'developer', 'lead', 'manager', 'specialist', 'head', 'expert', ...FILLER]);

/**
 * Words that make a title an AI title. "Product Manager" is any product manager; "Product
 * Manager, AI/ML" is an AI Product Manager.
 */
export const AI_MARKERS: ReadonlySet<string> = new Set([
  'ai',
  'ml',
  'aiml',
  'genai',
  'llm',
  'llms',
  'llmops',
  'mlops',
  'nlp',
  'mle',
  'rag',
  'agentic',
  'gpt',
  'chatbot',
]);

/**
 * Words of a title that say "engineer or researcher" and nothing more. When the part before a
 * comma or dash is made only of these ("Member of Technical Staff - Pretraining"), the team
 * after it names the role.
 */
export const NEUTRAL_TITLE: ReadonlySet<string> = new Set([
  'mts',
  'member',
  'of',
  'technical',
  'staff',
  'software',
  'engineer',
  'developer',
  'research',
  'researcher',
  'scientist',
  'programmer',
  'swe',
  'sde',
  'and',
  // "Tech Lead, Computer Vision": a rank, the team names the role.
  'tech',
  'lead',
  'head',
]);

/** What a folded word also says: "genai" is AI too, "aiml" is both AI and ML. */
export const IMPLIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['genai', ['ai']],
  ['aiml', ['ai', 'ml']],
  ['llmops', ['llm']],
  // Postings say "LLM Developer" for an LLM Engineer; the reverse holds for no role name.
  ['developer', ['engineer']],
]);

/**
 * Words of roles whose "Engineer" sells or supports rather than builds: a "Solutions Developer"
 * is no Solutions Engineer, so "Developer" never stands in for "Engineer" beside them.
 */
export const CUSTOMER_FACING: ReadonlySet<string> = new Set([
  'sales',
  'presales',
  'pre',
  'solutions',
  'solution',
  'relations',
  'devrel',
  'customer',
  'support',
]);

export function saysAi(tokens: readonly string[]): boolean {
  return tokens.some((t) => AI_MARKERS.has(t));
}

/**
 * Words a job title ends in. "Technical Writer" is a job outside AI; "red team" or "ethics"
 * is a topic, which names the AI role that owns it.
 */
export const JOB_NOUNS: ReadonlySet<string> = new Set([
  'engineer',
  'developer',
  'manager',
  'pm',
  'writer',
  'architect',
  'scientist',
  'researcher',
  'analyst',
  'designer',
  'consultant',
  'strategist',
  'trainer',
  'tutor',
  'annotator',
  'lead',
  'specialist',
  'advocate',
  'ethicist',
  'linguist',
  'programmer',
  'officer',
  'director',
  'head',
]);
