import type { Role } from '../schema/role.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { FuzzyRanker, type Ranked } from './fuzzy.js';
import { Containment, type Key } from './containment.js';
import { fold, normalize, tokens, words } from './normalize.js';
import type { MatchKind, Resolution } from './resolution.js';
import { Vocabulary } from './vocabulary.js';
import { resolvePostingTitle, splitTitle } from './posting-title.js';
import { Relevance } from './relevance.js';
import { asEngineer, withoutRank, WordPairs } from './title-words.js';
import { AI_MARKERS, GENERIC, JOB_NOUNS, NEUTRAL_TITLE, saysAi } from './word-classes.js';

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

const MAX_CANDIDATES = 8;
/** Matches that read the words as one whole role name. */
const WHOLE_NAME: ReadonlySet<MatchKind> = new Set(['exact', 'reordered', 'typo']);
const MAX_SUGGESTIONS = 3;

export class Resolver {
  private readonly exact = new Map<string, Set<string>>();
  private readonly reordered = new Map<string, Set<string>>();
  private readonly keys: Key[] = [];
  private readonly vocabulary: Vocabulary;
  /** token → indexes into `keys` of the keys that contain it. */
  private readonly postings = new Map<string, Set<number>>();
  /** A key without its AI words ("data engineer" for "AI Data Engineer") → the roles it names. */
  private readonly generalTitles = new Map<string, Set<string>>();
  /** role id → the words of its names and aliases, before and after folding. */
  private readonly roleWords = new Map<string, Set<string>>();
  private readonly relevance: Relevance;
  private readonly wordPairs: WordPairs;
  private readonly contained: Containment;
  /**
   * What names a role without an AI word: a one-word key ("rlhf") or a key's words before its
   * job noun ("inference", "red team", "computer vision"). "Head of Inference" is a role;
   * "Head of Infrastructure" or "Head of Training" may be anyone's.
   */
  private readonly ownTitles = new Set<string>();
  private readonly fuzzy: FuzzyRanker;
  /** Normalised role names and aliases, for prefix ranking in autocomplete. */
  private readonly normalizedNames = new Map<string, { name: string; aliases: string[] }>();
  private readonly notARole: { keys: Set<string>; note: string; pointsTo: Role[] };

  constructor(private readonly kb: KnowledgeBase) {
    const vocab = new Set<string>();
    for (const role of kb.roles) {
      const own = new Set<string>();
      for (const text of [role.name, role.id.replace(/-/g, ' '), ...role.aliases]) {
        const ws = words(text);
        ws.forEach((w) => vocab.add(w));
        const key = this.addKey(fold(ws), role.id);
        for (const w of [...ws, ...tokens(key)]) own.add(w);
      }
      this.roleWords.set(role.id, own);
    }
    this.keys.forEach((k, i) =>
      k.tokens.forEach((t) => {
        vocab.add(t);
        const posting = this.postings.get(t) ?? new Set<number>();
        posting.add(i);
        this.postings.set(t, posting);
      }),
    );
    // Title words the roles do not use ("head", "writer") are words too, never typos of one.
    this.vocabulary = new Vocabulary([...vocab, ...JOB_NOUNS, ...NEUTRAL_TITLE]);
    this.fuzzy = new FuzzyRanker(this.keys, THRESHOLDS.suggestMax, (id) => kb.role(id));
    this.relevance = new Relevance(this.roleWords);
    this.wordPairs = new WordPairs(this.keys);
    this.contained = new Containment(this.keys, this.postings, this.wordPairs, kb.roles);
    for (const { tokens: ts } of this.keys) {
      const own = ts.length === 1 ? ts : JOB_NOUNS.has(ts[ts.length - 1]!) && !saysAi(ts) ? ts.slice(0, -1) : [];
      if (own.length > 0 && !own.every((t) => GENERIC.has(t))) this.ownTitles.add(own.join(' '));
    }
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

  private addKey(key: string, roleId: string): string {
    if (!key) return key;
    add(this.exact, key, roleId);
    add(this.reordered, sortedKey(key), roleId);
    const keyTokens = tokens(key);
    const general = keyTokens.filter((t) => !AI_MARKERS.has(t));
    if (general.length > 0 && general.length < keyTokens.length) add(this.generalTitles, general.sort().join(' '), roleId);
    if (!this.keys.some((k) => k.key === key && k.roleId === roleId)) this.keys.push({ key, roleId, tokens: keyTokens });
    return key;
  }

  resolve(rawQuery: string): Resolution {
    const query = typeof rawQuery === 'string' ? rawQuery : String(rawQuery);
    const parts = splitTitle(query);
    if (!parts) return this.resolveTitle(query, query);
    return resolvePostingTitle(query, parts, (text) => this.resolveTitle(query, text));
  }

  /** One title, without a team suffix. `query` is what the caller asked, kept for the answer. */
  private resolveTitle(query: string, text: string): Resolution {
    const ws = words(text);
    const key = fold(ws);
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

    const corrected = this.vocabulary.correct(ws);
    const fixed = corrected ? fold(corrected) : key;
    if (corrected) {
      const hit = this.fromSet(query, this.exact.get(fixed), 0.92, 'typo') ?? this.fromSet(query, this.reordered.get(sortedKey(fixed)), 0.9, 'typo');
      if (hit) return hit;
    }
    const queryTokens = tokens(fixed);

    // "Product Manager" is any product manager: offer the AI role, do not answer with it.
    const general = this.generalTitle(queryTokens);
    if (general) return { status: 'not_found', query, suggestions: general, reason: 'general-title' };
    const rewritten = this.rewritten(query, queryTokens);
    if (rewritten) return rewritten;

    // Roles with a name or alias holding every word of the query ("rag", "ai scientist").
    const owners = this.owners(queryTokens);
    if (queryTokens.every((t) => GENERIC.has(t))) {
      if (owners.length >= 2) return { status: 'ambiguous', query, candidates: owners.slice(0, MAX_CANDIDATES), reason: 'generic' };
      return this.ambiguousOrNotFound(query, this.relevantFuzzy(fixed, queryTokens), 'generic');
    }
    if (owners.length === 1) return { status: 'found', query, role: owners[0]!, score: 0.9, via: 'contains' };
    if (owners.length > 1) return { status: 'ambiguous', query, candidates: owners.slice(0, MAX_CANDIDATES), reason: 'close' };

    const contained = this.containment(query, queryTokens);
    if (contained) return contained;

    const ranked = this.relevantFuzzy(fixed, queryTokens);
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
    for (const r of this.fuzzy.rank(key)) push(r.role);
    // Prefix and substring matches on names catch partial typing ("infer", "comp").
    for (const role of this.kb.roles) {
      const n = this.normalizedNames.get(role.id)!;
      if (n.name.includes(key) || n.aliases.some((a) => a.startsWith(key))) push(role);
    }
    return out;
  }

  /**
   * The AI roles a title without AI words names once "AI" is added ("Technical Writer" →
   * AI Technical Writer), in the reference's order. A single generic word ("Engineer") is
   * left to the generic path, which lists candidates.
   */
  private generalTitle(queryTokens: string[]): Role[] | undefined {
    if (queryTokens.length === 0 || saysAi(queryTokens)) return undefined;
    if (queryTokens.length === 1 && GENERIC.has(queryTokens[0]!)) return undefined;
    if (!JOB_NOUNS.has(queryTokens[queryTokens.length - 1]!)) return undefined;
    const ids = this.generalTitles.get([...queryTokens].sort().join(' '));
    return ids ? this.kb.roles.filter((r) => ids.has(r.id)).slice(0, MAX_SUGGESTIONS) : undefined;
  }

  /**
   * A title that names a role once rewritten: "Developer" as "Engineer" ("LLM Developer"), without
   * its rank ("Head of MLOps"), or without a generic word before a role's whole name ("Applied LLM
   * Engineer", "Product Data Scientist"). Only a confident answer counts.
   */
  private rewritten(query: string, queryTokens: string[]): Resolution | undefined {
    const engineer = asEngineer(queryTokens);
    const named = engineer && this.named(engineer);
    if (named) return { status: 'found', query, role: named, score: 0.88, via: 'contains' };
    const unranked = withoutRank(queryTokens);
    if (unranked) {
      const res = this.resolveTitle(query, unranked.join(' '));
      const named = res.status === 'found' && (WHOLE_NAME.has(res.via) || saysAi(unranked) || this.ownTitles.has(unranked.join(' ')));
      if (named) return { ...res, score: Math.min(res.score, 0.85), via: 'contains' };
    }
    return this.withoutQualifier(query, engineer ?? queryTokens);
  }

  /**
   * "Product Data Scientist" is a Data Scientist: a generic word before a role's whole name
   * qualifies it, unless the reference pairs that word with the next in another role ("Applied ML
   * Scientist" makes "Applied ML Engineer" unsure).
   */
  private withoutQualifier(query: string, ts: readonly string[]): Resolution | undefined {
    const [first, next] = ts;
    if (ts.length < 3 || !GENERIC.has(first!) || AI_MARKERS.has(first!)) return undefined;
    const role = this.named(ts.slice(1));
    if (!role) return undefined;
    const paired = this.wordPairs.roles(first!, next!);
    if (paired && [...paired].some((id) => id !== role.id)) return undefined;
    return { status: 'found', query, role, score: 0.85, via: 'contains' };
  }

  /** The one role whose whole name or alias these words are, in any order. */
  private named(ts: readonly string[]): Role | undefined {
    const key = ts.join(' ');
    const ids = this.exact.get(key) ?? this.reordered.get(sortedKey(key));
    return ids?.size === 1 ? this.kb.role([...ids][0]!) : undefined;
  }

  /** Roles owning a key that contains every query token, in the reference's order. */
  private owners(queryTokens: string[]): Role[] {
    if (queryTokens.length === 0) return [];
    let keys: Set<number> | undefined;
    for (const t of queryTokens) {
      const posting = this.postings.get(t);
      if (!posting) return [];
      if (!keys) keys = posting;
      else {
        const both = new Set<number>();
        for (const k of keys) if (posting.has(k)) both.add(k);
        keys = both;
      }
      if (keys.size === 0) return [];
    }
    const ids = new Set<string>();
    for (const k of keys!) ids.add(this.keys[k]!.roleId);
    return this.kb.roles.filter((r) => ids.has(r.id));
  }

  private fromSet(query: string, ids: Set<string> | undefined, score: number, via: 'exact' | 'reordered' | 'typo'): Resolution | undefined {
    if (!ids || ids.size === 0) return undefined;
    const roles = [...ids].map((id) => this.kb.role(id));
    if (roles.length === 1) return { status: 'found', query, role: roles[0]!, score, via };
    return { status: 'ambiguous', query, candidates: roles, reason: 'close' };
  }

  private containment(query: string, queryTokens: string[]): Resolution | undefined {
    const roles = this.contained.roles(queryTokens);
    if (!roles) return undefined;
    if (roles.found) return { status: 'found', query, role: roles.found, score: 0.85, via: 'contains' };
    return { status: 'ambiguous', query, candidates: roles.candidates.slice(0, MAX_CANDIDATES), reason: 'close' };
  }

  /** Fuzzy hits that share a distinctive word with the query; all of them when it has none. */
  private relevantFuzzy(fixed: string, queryTokens: string[]): Ranked {
    const relevant = this.relevance.roles(queryTokens);
    if (!relevant) return this.fuzzy.rank(fixed);
    // No role shares a word with it: fuzzy search could only find irrelevant roles.
    if (relevant.size === 0) return [];
    return this.fuzzy.rank(fixed).filter((r) => relevant.has(r.role.id));
  }

  private ambiguousOrNotFound(query: string, ranked: Ranked, reason: 'generic' | 'close'): Resolution {
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

function add(map: Map<string, Set<string>>, key: string, roleId: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(roleId);
  map.set(key, set);
}

function sortedKey(key: string): string {
  return tokens(key).sort().join(' ');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
