import type { Role } from '../core/schema/role.js';
import type { Analysis } from './analysis.js';
import type { Reading } from './readings.js';
import type { AskIntent, AskMarket } from './types.js';

/** What the rules of decide.ts share: thresholds, the market named, the reading's entities. */

/** Commands that take exactly one role. */
export const ONE_ROLE: readonly AskIntent[] = ['salary', 'prep', 'certs', 'projects'];
export const STRONG = 3;

export type Market = AskMarket | 'both' | 'conflict' | undefined;

export function marketOf(a: Analysis): Market {
  const set = [...new Set(a.entities.markets.map((m) => m.value))];
  if (set.length === 0) return undefined;
  if (set.length === 1) return set[0];
  return set.length === 2 && set.includes('us') && set.includes('india') ? 'both' : 'conflict';
}

export function base(a: Analysis): Omit<Reading, 'intent' | 'roles'> {
  const e = a.entities;
  const market = marketOf(a);
  return {
    ...(market && market !== 'conflict' ? { market } : {}),
    ...(e.levels[0] ? { level: e.levels[0].value } : {}),
    ...(e.layers[0] ? { layer: e.layers[0].value } : {}),
    ...(e.difficulties[0] ? { difficulty: e.difficulties[0].value } : {}),
    ...(e.education[0] ? { education: e.education[0].value } : {}),
  };
}

/** Skills named, minus words a role mention took (unless the question is about skills). */
export function skillsOf(a: Analysis, keepRoleWords: boolean): string[] {
  const inMention = (s: { start: number; end: number }) => a.mentions.some((m) => s.start < m.end && m.start < s.end);
  return [...new Set(a.entities.skills.filter((s) => keepRoleWords || !inMention(s)).map((s) => s.value))];
}

/** Role mentions that are also skills ("rag", "prompt engineering") count as skills in skill questions. */
export function rolesOutsideSkills(a: Analysis): Role[] {
  const kept = a.mentions.filter((m) => m.kind === 'role' && !a.entities.skills.some((s) => s.start <= m.start && m.end <= s.end));
  return [...new Set(kept.map((m) => (m.kind === 'role' ? m.role : undefined)).filter((r): r is Role => Boolean(r)))];
}
