import Fuse from 'fuse.js';
import type { Role } from '../schema/role.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { TypoIndex } from './typo-index.js';
import { TrigramIndex } from './trigram-index.js';
import { normalize, tokens } from './normalize.js';
import type { Resolution } from './resolution.js';

/**
 * Thresholds calibrated on test/fixtures/resolve-calibration.ts (checked by test/core/resolve.test.ts) (fuse scores: 0 is a perfect match).
 * A fuzzy hit is only "found" when it is both close and clearly ahead of the next role.
 */
export const THRESHOLDS = {
  /** Best fuzzy score that may still be a confident answer. */
  foundMax: 0.2,
  /** Lead over the second-best role that a confident answer needs. */
  margin: 0.12,
  /** Roles within this of the best are shown together when the best is not clear. */
  candidateSpread: 0.12,
  /** Worst fuzzy score still worth offering as a suggestion. */
  suggestMax: 0.45,
  /** Queries shorter than this (after normalisation) that are no exact name are never confident. */
  minConfidentLength: 4,
} as const;

/** Words that name no role by themselves: a query made only of these is ambiguous. */
const GENERIC = new Set([
  'ai', 'ml', 'aiml', 'genai', 'llm', 'engineer', 'developer', 'data', 'scientist', 'science', 'manager', 'specialist',
  'lead', 'architect', 'research', 'researcher', 'and', 'the', 'of', 'a', 'an', 'for', 'in', 'at', 'role', 'job',
  'jobs', 'roles', 'career', 'consultant', 'analyst', 'head', 'expert', 'applied', 'product', 'ops', 'model', 'models',
]);

interface Key {
  key: string;
  roleId: string;
  tokens: string[];
}

const MAX_CANDIDATES = 8;
/** Keys handed to fuse.js per query, and the trigram similarity a key needs to be one. */
const FUZZY_CANDIDATES = 16;
const MIN_TRIGRAM_SIMILARITY = 0.25;
const FUSE_OPTIONS = {
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  threshold: THRESHOLDS.suggestMax,
  minMatchCharLength: 2,
};
const MAX_SUGGESTIONS = 3;

export class Resolver {
  private readonly exact = new Map<string, Set<string>>();
  private readonly reordered = new Map<string, Set<string>>();
  private readonly keys: Key[] = [];
  private readonly typos: TypoIndex;
  /** token → indexes into `keys` of the keys that contain it. */
  private readonly postings = new Map<string, Set<number>>();
  private readonly vocabularySet: Set<string>;
  private readonly trigramIndex: TrigramIndex;
  private lastFuzzy: { key: string; ranked: Array<{ role: Role; score: number }> } | undefined;
  /** Normalised role names and aliases, for prefix ranking in autocomplete. */
  private readonly normalizedNames = new Map<string, { name: string; aliases: string[] }>();
  private readonly notARole: { keys: Set<string>; note: string; pointsTo: Role[] };

  constructor(private readonly kb: KnowledgeBase) {
    for (const role of kb.roles) {
      for (const text of [role.name, role.id.replace(/-/g, ' '), ...role.aliases]) this.addKey(text, role.id);
    }
    const vocab = new Set<string>();
    this.keys.forEach((k, i) =>
      k.tokens.forEach((t) => {
        vocab.add(t);
        const posting = this.postings.get(t) ?? new Set<number>();
        posting.add(i);
        this.postings.set(t, posting);
      }),
    );
    this.vocabularySet = vocab;
    this.typos = new TypoIndex([...vocab].filter((w) => w.length >= 3));
    this.trigramIndex = new TrigramIndex(this.keys.map((k) => k.key));
    for (const role of kb.roles) {
      this.normalizedNames.set(role.id, { name: normalize(role.name), aliases: role.aliases.map(normalize) });
    }
    const meta = kb.reference.meta.aiMlDeveloper;
    this.notARole = {
      keys: new Set(meta.aliases.map(normalize)),
      note: meta.note,
      pointsTo: meta.pointsTo.map((id) => kb.role(id)),
    };
  }

  private addKey(text: string, roleId: string): void {
    const key = normalize(text);
    if (!key) return;
    const add = (map: Map<string, Set<string>>, k: string) => {
      const set = map.get(k) ?? new Set<string>();
      set.add(roleId);
      map.set(k, set);
    };
    add(this.exact, key);
    add(this.reordered, sortedKey(key));
    if (!this.keys.some((k) => k.key === key && k.roleId === roleId)) this.keys.push({ key, roleId, tokens: tokens(key) });
  }

  resolve(rawQuery: string): Resolution {
    const query = typeof rawQuery === 'string' ? rawQuery : String(rawQuery);
    const key = normalize(query);
    if (!key) return { status: 'not_found', query, suggestions: [] };

    if (this.notARole.keys.has(key)) {
      return { status: 'ambiguous', query, candidates: this.notARole.pointsTo, reason: 'not-a-role', note: this.notARole.note };
    }

    const byNumber = /^#?(\d{1,3})$/.exec(key.replace(/^role /, ''));
    if (byNumber) {
      const role = this.kb.byNumber.get(Number(byNumber[1]));
      return role ? { status: 'found', query, role, score: 1, via: 'number' } : { status: 'not_found', query, suggestions: [] };
    }

    const exact = this.fromSet(query, this.exact.get(key), 1, 'exact');
    if (exact) return exact;
    const reordered = this.fromSet(query, this.reordered.get(sortedKey(key)), 0.97, 'reordered');
    if (reordered) return reordered;

    const corrected = this.correctTypos(tokens(key));
    const fixed = corrected ? normalize(corrected.join(' ')) : key;
    if (corrected) {
      const hit =
        this.fromSet(query, this.exact.get(fixed), 0.92, 'typo') ??
        this.fromSet(query, this.reordered.get(sortedKey(fixed)), 0.9, 'typo');
      if (hit) return hit;
    }
    const queryTokens = tokens(fixed);

    // Roles with a name or alias holding every word of the query ("rag", "ai scientist").
    const owners = this.owners(queryTokens);
    if (queryTokens.every((t) => GENERIC.has(t))) {
      if (owners.length >= 2) return { status: 'ambiguous', query, candidates: owners.slice(0, MAX_CANDIDATES), reason: 'generic' };
      return this.ambiguousOrNotFound(query, this.rankFuzzy(fixed), 'generic');
    }
    if (owners.length === 1) return { status: 'found', query, role: owners[0]!, score: 0.9, via: 'contains' };
    if (owners.length > 1) return { status: 'ambiguous', query, candidates: owners.slice(0, MAX_CANDIDATES), reason: 'close' };

    const contained = this.containment(query, queryTokens);
    if (contained) return contained;

    const ranked = this.rankFuzzy(fixed);
    const [best, second] = ranked;
    if (!best) return { status: 'not_found', query, suggestions: [] };
    const lead = (second?.score ?? 1) - best.score;
    if (key.length < THRESHOLDS.minConfidentLength) return this.ambiguousOrNotFound(query, ranked, 'generic');
    if (best.score <= THRESHOLDS.foundMax && lead >= THRESHOLDS.margin) {
      return { status: 'found', query, role: best.role, score: round(1 - best.score), via: 'fuzzy' };
    }
    if (best.score <= THRESHOLDS.foundMax) return this.ambiguousOrNotFound(query, ranked, 'close');
    return { status: 'not_found', query, suggestions: ranked.slice(0, MAX_SUGGESTIONS).map((r) => r.role) };
  }

  /**
   * Roles ranked for autocomplete: the resolved role or candidates first, then fuzzy hits.
   * An empty query lists roles in the reference's order.
   */
  rank(rawQuery: string, limit: number): Role[] {
    const key = normalize(rawQuery);
    if (!key) return this.kb.roles.slice(0, limit);
    const out: Role[] = [];
    const push = (r: Role) => {
      if (out.length < limit && !out.includes(r)) out.push(r);
    };
    const res = this.resolve(rawQuery);
    if (res.status === 'found') push(res.role);
    if (res.status === 'ambiguous') res.candidates.forEach(push);
    if (res.status === 'not_found') res.suggestions.forEach(push);
    for (const r of this.rankFuzzy(key)) push(r.role);
    // Prefix and substring matches on names catch partial typing ("infer", "comp").
    for (const role of this.kb.roles) {
      const n = this.normalizedNames.get(role.id)!;
      if (n.name.includes(key) || n.aliases.some((a) => a.startsWith(key))) push(role);
    }
    return out;
  }

  /** Roles owning a key that contains every query token, in the reference's order. */
  private owners(queryTokens: string[]): Role[] {
    if (queryTokens.length === 0) return [];
    let keys: Set<number> | undefined;
    for (const t of queryTokens) {
      const posting = this.postings.get(t);
      if (!posting) return [];
      keys = keys ? new Set([...keys].filter((k) => posting.has(k))) : posting;
      if (keys.size === 0) return [];
    }
    const ids = new Set([...keys!].map((k) => this.keys[k]!.roleId));
    return this.kb.roles.filter((r) => ids.has(r.id));
  }

  private fromSet(query: string, ids: Set<string> | undefined, score: number, via: 'exact' | 'reordered' | 'typo'): Resolution | undefined {
    if (!ids || ids.size === 0) return undefined;
    const roles = [...ids].map((id) => this.kb.role(id));
    if (roles.length === 1) return { status: 'found', query, role: roles[0]!, score, via };
    return { status: 'ambiguous', query, candidates: roles, reason: 'close' };
  }

  /** Replaces unknown tokens with the single closest vocabulary word, if there is one. */
  private correctTypos(queryTokens: string[]): string[] | undefined {
    let changed = false;
    const out = queryTokens.map((t) => {
      if (this.vocabularySet.has(t) || t.length < 4 || /\d/.test(t)) return t;
      const fixed = this.typos.closest(t);
      if (fixed === undefined) return t;
      changed = true;
      return fixed;
    });
    return changed ? out : undefined;
  }

  /**
   * A longer title that contains a whole role name or alias ("senior ml engineer, ads platform")
   * maps to that role when the longest contained key belongs to a single role.
   */
  private containment(query: string, queryTokens: string[]): Resolution | undefined {
    if (queryTokens.length < 2) return undefined;
    const present = new Set(queryTokens);
    let bestLength = 0;
    let owners = new Set<string>();
    for (const k of this.keys) {
      if (k.tokens.length < bestLength || k.tokens.length >= queryTokens.length + 1) continue;
      if (k.tokens.every((t) => GENERIC.has(t)) && k.tokens.length < 2) continue;
      if (!k.tokens.every((t) => present.has(t))) continue;
      if (k.tokens.length > bestLength) {
        bestLength = k.tokens.length;
        owners = new Set([k.roleId]);
      } else owners.add(k.roleId);
    }
    if (bestLength === 0) return undefined;
    let roles = [...owners].map((id) => this.kb.role(id));
    if (roles.length > 1) {
      // Titles name their role as a phrase ("RAG Engineer - LLM Platform"): prefer the one key
      // that appears word for word; two such phrases means the title names two roles.
      const phrase = ` ${queryTokens.join(' ')} `;
      const contiguous = new Set(
        this.keys.filter((k) => k.tokens.length === bestLength && owners.has(k.roleId) && phrase.includes(` ${k.key} `)).map((k) => k.roleId),
      );
      if (contiguous.size === 1) roles = roles.filter((r) => contiguous.has(r.id));
    }
    if (roles.length === 1) return { status: 'found', query, role: roles[0]!, score: 0.85, via: 'contains' };
    return { status: 'ambiguous', query, candidates: roles.slice(0, MAX_CANDIDATES), reason: 'close' };
  }

  /**
   * Fuzzy hits, best score per role, best first: fuse.js scores only the keys that share
   * enough trigrams with the query (its score depends on the pair alone, not on the set).
   */
  private rankFuzzy(key: string): Array<{ role: Role; score: number }> {
    // Autocomplete ranks right after resolving the same text: reuse that result.
    if (this.lastFuzzy?.key === key) return this.lastFuzzy.ranked;
    const ranked = this.computeFuzzy(key);
    this.lastFuzzy = { key, ranked };
    return ranked;
  }

  private computeFuzzy(key: string): Array<{ role: Role; score: number }> {
    const candidates = this.trigramIndex.candidates(key, FUZZY_CANDIDATES, MIN_TRIGRAM_SIMILARITY).map((i) => this.keys[i]!);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, FUSE_OPTIONS);
    const best = new Map<string, number>();
    for (const hit of fuse.search(key)) {
      const score = hit.score ?? 1;
      const prev = best.get(hit.item.roleId);
      if (prev === undefined || score < prev) best.set(hit.item.roleId, score);
    }
    return [...best.entries()]
      .map(([id, score]) => ({ role: this.kb.role(id), score }))
      .sort((a, b) => a.score - b.score || a.role.number - b.role.number);
  }

  private ambiguousOrNotFound(
    query: string,
    ranked: Array<{ role: Role; score: number }>,
    reason: 'generic' | 'close',
  ): Resolution {
    const [best] = ranked;
    if (!best) return { status: 'not_found', query, suggestions: [] };
    const candidates = ranked.filter((r) => r.score <= best.score + THRESHOLDS.candidateSpread).slice(0, MAX_CANDIDATES);
    if (candidates.length < 2) {
      // One weak hit is a suggestion, not an answer.
      return { status: 'not_found', query, suggestions: ranked.slice(0, MAX_SUGGESTIONS).map((r) => r.role) };
    }
    return { status: 'ambiguous', query, candidates: candidates.map((r) => r.role), reason };
  }
}

function sortedKey(key: string): string {
  return tokens(key).sort().join(' ');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
