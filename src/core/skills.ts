import type { Role } from './schema/role.js';
import type { SkillCluster } from './schema/reference.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { normalize } from './resolve/normalize.js';

/** Spellings people use for the same skill. Keys and values are normalised words. */
const SKILL_SYNONYMS: Record<string, string> = {
  k8s: 'kubernetes',
  js: 'javascript',
  ts: 'typescript',
  tf: 'tensorflow',
  torch: 'pytorch',
  llms: 'llm',
  'large language models': 'llm',
  'large language model': 'llm',
  'vector database': 'vector db',
  'vector databases': 'vector db',
  'vector dbs': 'vector db',
  'retrieval augmented generation': 'rag',
  prompting: 'prompt engineer',
  'prompt engineering': 'prompt engineer',
  aws: 'aws',
  golang: 'go',
  nextjs: 'next js',
  reactjs: 'react',
  sklearn: 'scikit learn',
  postgres: 'sql',
};

/** Normalised text of a skill, with synonyms folded, for matching. */
export function skillKey(skill: string): string {
  const n = normalize(skill);
  return (
    SKILL_SYNONYMS[n] ??
    n
      .split(' ')
      .map((w) => SKILL_SYNONYMS[w] ?? w)
      .join(' ')
  );
}

/**
 * The separate skills a compound entry names: "Docker/K8s" → {docker, kubernetes},
 * "cloud (AWS/GCP)" → {cloud}. Two entries name the same skill when their atoms meet.
 */
export function skillAtoms(skill: string): Set<string> {
  const withoutDetail = skill.replace(/\([^)]*\)/g, ' ');
  return new Set(
    withoutDetail
      .split(/[/+,&]|\band\b/i)
      .map((part) => skillKey(part))
      .filter((k) => k.length > 0),
  );
}

export interface SkillHit {
  role: Role;
  /** The role's own wording of the matched skill. */
  skill: string;
}

export interface SkillLookup {
  query: string;
  mustHave: SkillHit[];
  niceToHave: SkillHit[];
  clusters: SkillCluster[];
  /** Known skills close to the query, offered when nothing matched. */
  suggestions: string[];
}

export interface SkillMatch {
  role: Role;
  matchedMustHave: string[];
  matchedNiceToHave: string[];
  missingMustHave: string[];
  /** Matched must-haves over all must-haves, 0–1. */
  coverage: number;
  /** 1-based; roles that tie on every ranking key share a rank. */
  rank: number;
}

/**
 * The ranking, most important first: must-haves covered (count), the share of the role's
 * must-have list that covers, then nice-to-haves covered. A role matched only through
 * nice-to-haves always ranks below every role matched through a must-have.
 */
function compareMatches(a: SkillMatch, b: SkillMatch): number {
  return b.matchedMustHave.length - a.matchedMustHave.length || b.coverage - a.coverage || b.matchedNiceToHave.length - a.matchedNiceToHave.length;
}

export class SkillService {
  private readonly allSkills: string[];
  /** Each skill text of the data as " key ", normalised once: lookups compare thousands of them. */
  private readonly padded = new Map<string, string>();

  constructor(private readonly kb: KnowledgeBase) {
    const set = new Set<string>();
    for (const r of kb.roles) [...r.mustHave, ...r.niceToHave].forEach((s) => set.add(s));
    this.allSkills = [...set];
    for (const text of [...this.allSkills, ...kb.reference.skillsMatrix.map((c) => c.cluster)]) this.padded.set(text, ` ${skillKey(text)} `);
  }

  /** Does the skill text mention the query as a whole phrase ("cuda" in "custom cuda kernels")? `paddedKey` is " key ". */
  private matches(skillText: string, paddedKey: string): boolean {
    if (paddedKey.length <= 2) return false;
    const text = this.padded.get(skillText) ?? ` ${skillKey(skillText)} `;
    return text.includes(paddedKey);
  }

  /** Which roles need a skill, as a must-have or a nice-to-have. */
  rolesForSkill(query: string): SkillLookup {
    const key = skillKey(query);
    const padded = ` ${key} `;
    const mustHave: SkillHit[] = [];
    const niceToHave: SkillHit[] = [];
    for (const role of this.kb.roles) {
      const must = role.mustHave.find((s) => this.matches(s, padded));
      if (must) {
        mustHave.push({ role, skill: must });
        continue;
      }
      const nice = role.niceToHave.find((s) => this.matches(s, padded));
      if (nice) niceToHave.push({ role, skill: nice });
    }
    const clusters = this.kb.reference.skillsMatrix.filter((c) => this.matches(c.cluster, padded));
    const suggestions = mustHave.length + niceToHave.length === 0 ? this.suggestSkills(key) : [];
    return { query, mustHave, niceToHave, clusters, suggestions };
  }

  /**
   * Roles ranked by how much of their must-have list a set of skills covers (see compareMatches).
   * The list is cut after `limit` roles, except that roles tying with the last one kept are all
   * kept too, so a tie is never broken arbitrarily. Within a tie, roles follow the reference's order.
   */
  match(skills: string[], limit = 5): SkillMatch[] {
    const keys = [...new Set(skills.map(skillKey).filter(Boolean))].map((k) => ` ${k} `);
    if (keys.length === 0) return [];
    const results: SkillMatch[] = [];
    for (const role of this.kb.roles) {
      const matchedMustHave = role.mustHave.filter((s) => keys.some((k) => this.matches(s, k)));
      const matchedNiceToHave = role.niceToHave.filter((s) => keys.some((k) => this.matches(s, k)));
      if (matchedMustHave.length + matchedNiceToHave.length === 0) continue;
      const coverage = matchedMustHave.length / role.mustHave.length;
      const missingMustHave = role.mustHave.filter((s) => !matchedMustHave.includes(s));
      results.push({ role, matchedMustHave, matchedNiceToHave, missingMustHave, coverage, rank: 0 });
    }
    results.sort((a, b) => compareMatches(a, b) || a.role.number - b.role.number);
    results.forEach((m, i) => (m.rank = i > 0 && compareMatches(results[i - 1]!, m) === 0 ? results[i - 1]!.rank : i + 1));
    const last = results[limit - 1];
    return last ? results.filter((m, i) => i < limit || m.rank === last.rank) : results;
  }

  /**
   * The skill's normalised key when the data's vocabulary knows it (some role lists it as a
   * must-have or nice-to-have, as a whole phrase), else undefined: a saved profile keeps the
   * key, so "PyTorch", "torch" and "pytorch" are one skill.
   */
  recognise(skill: string): string | undefined {
    const key = skillKey(skill);
    const padded = ` ${key} `;
    return this.allSkills.some((s) => this.matches(s, padded)) ? key : undefined;
  }

  private suggestSkills(key: string): string[] {
    if (key.length < 2) return [];
    const words = key.split(' ');
    return this.allSkills
      .filter((s) => {
        const k = skillKey(s);
        return words.some((w) => w.length >= 3 && k.includes(w.slice(0, Math.max(3, w.length - 2))));
      })
      .slice(0, 5);
  }
}
