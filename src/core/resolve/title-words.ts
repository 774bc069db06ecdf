import { CUSTOMER_FACING } from './word-classes.js';

/**
 * Rewrites of a title's words (after `fold`) that name the same role, tried when the title
 * itself names none: "Developer" for "Engineer", and rank words around the role's own words.
 */

/** "LLM Developer" read as "LLM Engineer"; undefined when it has no "Developer" or names a customer-facing role. */
export function asEngineer(tokens: readonly string[]): string[] | undefined {
  if (!tokens.includes('developer') || tokens.includes('engineer')) return undefined;
  if (tokens.some((t) => CUSTOMER_FACING.has(t))) return undefined;
  return tokens.map((t) => (t === 'developer' ? 'engineer' : t));
}

/**
 * The title without the rank around it: "Head of MLOps", "RAG Engineering Lead", "NLP Tech Lead",
 * "Tech Lead Computer Vision". Undefined when there is none, or nothing else.
 */
export function withoutRank(tokens: readonly string[]): string[] | undefined {
  let start = 0;
  if (tokens[0] === 'head') start = tokens[1] === 'of' ? 2 : 1;
  else if (tokens[0] === 'tech' && tokens[1] === 'lead') start = 2;
  let end = tokens.length;
  if (tokens[end - 1] === 'lead' || tokens[end - 1] === 'head') end -= tokens[end - 2] === 'tech' ? 2 : 1;
  if (end - start < 1 || (start === 0 && end === tokens.length)) return undefined;
  return tokens.slice(start, end);
}

/** Roles by the pairs of words their names and aliases hold together ("applied" with "ml"). */
export class WordPairs {
  private readonly pairs = new Map<string, Set<string>>();

  constructor(keys: ReadonlyArray<{ tokens: readonly string[]; roleId: string }>) {
    for (const { tokens, roleId } of keys) {
      const ws = tokens.map(canonical);
      for (let i = 0; i < ws.length; i++) {
        for (let j = 0; j < ws.length; j++) {
          if (i === j) continue;
          const pair = `${ws[i]} ${ws[j]}`;
          const set = this.pairs.get(pair) ?? new Set<string>();
          set.add(roleId);
          this.pairs.set(pair, set);
        }
      }
    }
  }

  /** Roles with a name or alias holding both words, "Developer" counted as "Engineer". */
  roles(a: string, b: string): ReadonlySet<string> | undefined {
    return this.pairs.get(`${canonical(a)} ${canonical(b)}`);
  }
}

function canonical(word: string): string {
  return word === 'developer' ? 'engineer' : word;
}
