import type { Role } from '../schema/role.js';
import type { FuzzyKey } from './fuzzy.js';
import type { WordPairs } from './title-words.js';
import { CUSTOMER_FACING, GENERIC, IMPLIES } from './word-classes.js';

export interface Key extends FuzzyKey {
  tokens: string[];
}

/** What a title contains: one role it names, or the roles it may name. */
export type Contained = { found: Role; candidates?: undefined } | { found?: undefined; candidates: Role[] };

/**
 * A longer title that contains a whole role name or alias ("senior ml engineer ads") maps to that
 * role when the longest contained key belongs to a single role, and no other distinctive word of
 * the title points elsewhere.
 */
export class Containment {
  /** Distinct words per key, and per-query counters reused across queries (zeroed after use). */
  private readonly keyWordCounts: number[];
  private readonly hits: number[];
  private readonly touched: number[] = [];
  /** Per key: it names a customer-facing role, which "Developer" never stands in for. */
  private readonly customerFacing: boolean[];

  constructor(
    private readonly keys: readonly Key[],
    /** token → indexes into `keys` of the keys that contain it. */
    private readonly postings: ReadonlyMap<string, ReadonlySet<number>>,
    private readonly wordPairs: WordPairs,
    /** All roles, in the reference's order. */
    private readonly ordered: readonly Role[],
  ) {
    this.keyWordCounts = keys.map((k) => new Set(k.tokens).size);
    this.hits = keys.map(() => 0);
    this.customerFacing = keys.map((k) => k.tokens.includes('engineer') && k.tokens.some((t) => CUSTOMER_FACING.has(t)));
  }

  roles(queryTokens: string[]): Contained | undefined {
    if (queryTokens.length < 2) return undefined;
    const present = new Set(queryTokens);
    for (const t of queryTokens) for (const implied of IMPLIES.get(t) ?? []) present.add(implied);
    const impliedEngineer = present.has('engineer') && !queryTokens.includes('engineer');
    // Count, per key, how many of its words the query has: a key is contained when all are.
    // Only keys sharing a word with the query are touched.
    const { hits, touched } = this;
    touched.length = 0;
    for (const t of present) {
      for (const i of this.postings.get(t) ?? []) {
        const n = hits[i]!;
        hits[i] = n + 1;
        if (n === 0) touched.push(i);
      }
    }
    let bestLength = 0;
    let owners = new Set<string>();
    let best: Key[] = [];
    for (const i of touched) {
      const contained = hits[i] === this.keyWordCounts[i];
      hits[i] = 0;
      if (!contained || (impliedEngineer && this.customerFacing[i])) continue;
      const k = this.keys[i]!;
      if (k.tokens.length < bestLength || k.tokens.length >= queryTokens.length + 1) continue;
      if (k.tokens.length < 2 && GENERIC.has(k.tokens[0]!)) continue;
      if (k.tokens.length > bestLength) {
        bestLength = k.tokens.length;
        owners = new Set([k.roleId]);
        best = [k];
      } else {
        owners.add(k.roleId);
        best.push(k);
      }
    }
    if (bestLength === 0) return undefined;
    let roles = this.ordered.filter((r) => owners.has(r.id));
    if (roles.length > 1) {
      // Titles name their role as a phrase ("RAG Engineer - LLM Platform"): prefer the one key
      // that appears word for word; two such phrases means the title names two roles.
      // "Developer" reads as "Engineer" here too ("AI Vision Developer" holds "Vision Engineer").
      const phrase = ` ${queryTokens.join(' ')} `;
      const asEngineer = impliedEngineer ? phrase.replace(/ developer /g, ' engineer ') : phrase;
      const inPhrase = (k: Key) => phrase.includes(` ${k.key} `) || asEngineer.includes(` ${k.key} `);
      const contiguous = new Set(best.filter(inPhrase).map((k) => k.roleId));
      if (contiguous.size === 1) roles = roles.filter((r) => contiguous.has(r.id));
    }
    if (roles.length > 1) return { candidates: roles };
    const rivals = this.rivals(queryTokens, roles[0]!, best);
    return rivals.length === 0 ? { found: roles[0]! } : { candidates: [roles[0]!, ...rivals] };
  }

  /**
   * Other roles a title names when it holds a generic role's words plus a word that another role
   * pairs with the same job noun: "AI Pipeline Developer" is not plainly an AI Engineer while "AI
   * Data Pipeline Engineer" is a role; "Healthcare ML Engineer" is an ML Engineer.
   */
  private rivals(queryTokens: string[], role: Role, best: Key[]): Role[] {
    const own = best.filter((k) => k.roleId === role.id);
    if (!own.every((k) => k.tokens.every((t) => GENERIC.has(t)))) return [];
    const ids = new Set<string>();
    for (const w of queryTokens) {
      if (GENERIC.has(w) || own.some((k) => k.tokens.includes(w))) continue;
      for (const k of own) for (const id of this.wordPairs.roles(w, k.tokens[k.tokens.length - 1]!) ?? []) if (id !== role.id) ids.add(id);
    }
    return this.ordered.filter((r) => ids.has(r.id));
  }
}
