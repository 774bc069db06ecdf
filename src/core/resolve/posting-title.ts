import type { MatchKind, Resolution } from './resolution.js';
import { normalize, tokens } from './normalize.js';
import { NEUTRAL_TITLE, saysAi } from './word-classes.js';

/**
 * Job titles from postings carry a team after a comma, dash, bar or bracket: "Data Engineer,
 * ML Platform", "Member of Technical Staff - Pretraining", "Prompt Engineer (Remote)". The part
 * before it is the title; the part after it is context, never a title of its own.
 */
// One character of context each side keeps the scan linear on any input.
const SEPARATOR = /\s[-–—|:]\s|[,([|@–—]/;

export interface TitleParts {
  head: string;
  tail: string;
}

/** Splits at the first separator; undefined when there is none or one side is empty. */
export function splitTitle(raw: string): TitleParts | undefined {
  const m = SEPARATOR.exec(raw);
  if (!m) return undefined;
  const head = raw.slice(0, m.index);
  const tail = raw.slice(m.index + m[0].length);
  if (!/[\p{L}\p{N}]/u.test(head) || !/[\p{L}\p{N}]/u.test(tail)) return undefined;
  return { head, tail };
}

/** Ways of matching that read the whole title as one name; a team suffix cannot mislead them. */
const WHOLE_TITLE: ReadonlySet<MatchKind> = new Set(['exact', 'number', 'reordered', 'typo']);
const MAX_SUGGESTIONS = 3;

/**
 * Resolves a posting title from its parts: the head decides when it resolves; a neutral head
 * ("Member of Technical Staff") lets the team name the role; a general head with an AI team is
 * its AI counterpart ("Sales Engineer - AI Platform"). Anything else is not confident.
 * `resolveTitle` resolves one piece of text as a title on its own.
 */
export function resolvePostingTitle(query: string, parts: TitleParts, resolveTitle: (text: string) => Resolution): Resolution {
  const head = resolveTitle(parts.head);
  if (head.status === 'found') return head;
  const whole = resolveTitle(query);
  if (whole.status === 'found' && WHOLE_TITLE.has(whole.via)) return whole;
  if (tokens(normalize(parts.head)).every((t) => NEUTRAL_TITLE.has(t))) {
    const team = resolveTitle(parts.tail);
    if (team.status === 'found') return { ...team, score: Math.min(team.score, 0.85), via: 'contains' };
  }
  const general = head.status === 'not_found' && head.reason === 'general-title' ? head.suggestions : [];
  if (general.length > 0 && saysAi(tokens(normalize(parts.tail)))) {
    // The AI counterpart of the head, when only one fits or the whole title picks one of them.
    const role = general.length === 1 ? general[0] : whole.status === 'found' && general.includes(whole.role) ? whole.role : undefined;
    if (role) return { status: 'found', query, role, score: 0.85, via: 'contains' };
  }
  // Not sure: what the whole title matched is a suggestion at most, never an answer.
  if (whole.status === 'found') {
    const suggestions = [...new Set([...general, whole.role])].slice(0, MAX_SUGGESTIONS);
    return { status: 'not_found', query, suggestions };
  }
  return general.length > 0 ? head : whole;
}
