import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import type { Analysis } from './analysis.js';
import { decide } from './decide.js';
import { ORDINALS } from './entity-words.js';
import { answered } from './outcomes.js';
import type { Reading } from './readings.js';
import { type AskContext, type AskIntent, AskIntent as Intents, CONTEXT_TTL_MS, type Understanding } from './types.js';

/**
 * Short follow-ups refine the last answer: "and in india?", "what about senior?", "compare it
 * with MLOps", "the second one". Pure: the caller keeps the context (contextAfter) per conversation.
 */

/** The context to keep after an answer or a clarifying question; none after out of scope. */
export function contextAfter(u: Understanding, now: number): AskContext | undefined {
  if (u.status === 'answered') return { version: 1, at: now, invocation: u.invocation, entities: u.entities, list: u.list.slice(0, 25) };
  if (u.status === 'clarify') return { version: 1, at: now, invocation: null, entities: u.entities, list: u.choices.slice(0, 25) };
  return undefined;
}

const OPENERS = [
  ['and'],
  ['add'],
  ['plus'],
  ['drop'],
  ['remove'],
  ['with'],
  ['vs'],
  ['what', 'about'],
  ['how', 'about'],
  ['what', 'if'],
  ['same', 'for'],
  ['now'],
  ['also'],
  ['ok', 'and'],
  ['then'],
  ['and', 'for'],
  ['in'],
  ['for'],
];
const PRONOUNS = new Set(['it', 'that', 'them', 'this', 'those', 'these', 'same', 'one', 'ones']);
const ADD_WORDS = new Set(['add', 'plus', 'also', 'with', 'and', 'vs', 'versus', 'against']);
const ONE_ROLE: readonly AskIntent[] = ['role', 'salary', 'prep', 'certs', 'projects'];

function startsWithOpener(a: Analysis): boolean {
  return OPENERS.some((words) => words.every((w, i) => a.tokens[i]?.norm === w));
}

/** "the second one", "2nd", "the last one": a 0-based index into the list, or undefined. */
function ordinalPick(a: Analysis, size: number): number | undefined {
  if (a.tokens.length > 5 || size === 0 || ['drop', 'remove'].includes(a.tokens[0]?.norm ?? '')) return undefined;
  return ordinalIndex(a, size);
}

function ordinalIndex(a: Analysis, size: number): number | undefined {
  for (const t of a.tokens) {
    const n = ORDINALS[t.norm];
    if (n === undefined) continue;
    const index = n === -1 ? size - 1 : n - 1;
    return index < size ? index : undefined;
  }
  return undefined;
}

function rolesOf(core: Core, ids: readonly string[]): Role[] {
  return ids.map((id) => core.kb.byId.get(id)).filter((r): r is Role => Boolean(r));
}

function roleOfArg(core: Core, value: string | undefined): Role | undefined {
  const n = /^#(\d+)$/.exec(value ?? '');
  return n ? core.kb.byNumber.get(Number(n[1])) : undefined;
}

export function refine(core: Core, a: Analysis, prev: AskContext, now: number): Understanding | undefined {
  if (now - prev.at > CONTEXT_TTL_MS || now < prev.at - 60_000) return undefined;
  const pick = ordinalPick(a, prev.list.length);
  if (pick !== undefined) {
    const choice = prev.list[pick]!;
    const parsed = Intents.safeParse(choice.invoke.command);
    if (!parsed.success) return undefined;
    const roles = Object.values(choice.invoke.args)
      .map((v) => roleOfArg(core, v))
      .filter((r): r is Role => Boolean(r));
    const u = answered(core, a, { intent: parsed.data, roles });
    return u.status === 'answered'
      ? {
          ...u,
          invocation: choice.invoke,
          understood: choice.label,
          evidence: [...u.evidence, { kind: 'follow-up', text: a.tokens.map((t) => t.norm).join(' '), value: `choice ${pick + 1}` }],
        }
      : u;
  }
  if (!prev.invocation || a.tokens.length > 8) return undefined;
  const cue = (i: AskIntent) => a.cues.get(i) ?? 0;
  const hasPronoun = a.tokens.some((t) => PRONOUNS.has(t.norm));
  const e = a.entities;
  const hasEntity = e.markets.length + e.levels.length + e.layers.length + e.difficulties.length > 0;
  const fresh = decide(core, a);
  const prevRoleCount = prev.entities.roles.length;
  // "certifications?" after a role's answer: that role's, not the whole roadmap.
  const bareOptional =
    fresh.status === 'answered' &&
    (fresh.command === 'certs' || fresh.command === 'projects') &&
    a.roles.length === 0 &&
    a.tokens.length <= 3 &&
    prevRoleCount === 1;
  const selfContained =
    !bareOptional &&
    fresh.status === 'answered' &&
    (a.roles.length > 0 ? !startsWithOpener(a) && !hasPronoun : Math.max(0, ...a.cues.values()) >= 3 && !hasPronoun && !startsWithOpener(a));
  if (selfContained) return undefined;
  if (!startsWithOpener(a) && !hasPronoun && !bareOptional && !(hasEntity && a.roles.length === 0)) return undefined;

  const last = Intents.safeParse(prev.invocation.command);
  if (!last.success) return undefined;
  const prevRoles = rolesOf(core, prev.entities.roles);
  const market = e.markets[0]?.value ?? prev.entities.market ?? undefined;
  const level = e.levels[0]?.value ?? prev.entities.level ?? undefined;
  const keep = { ...(market ? { market } : {}), ...(level ? { level } : {}) };
  let reading: Reading | undefined;
  const intentCue = (['salary', 'prep', 'certs', 'projects', 'path', 'compare'] as const).find((i) => cue(i) >= 2);
  const dropping = a.tokens[0]?.norm === 'drop' || a.tokens[0]?.norm === 'remove';

  if (dropping && last.data === 'compare') {
    const index = ordinalIndex(a, prevRoles.length);
    const gone = new Set([...a.roles, ...(index !== undefined ? [prevRoles[index]!] : [])]);
    const left = prevRoles.filter((r) => !gone.has(r));
    if (gone.size === 0 || left.length === 0) return undefined;
    reading = left.length >= 2 ? { intent: 'compare', roles: left, ...keep } : { intent: 'role', roles: left, angle: 'the one role left' };
  } else if (a.roles.length > 0) {
    const adding = cue('compare') >= 2 || a.tokens.some((t) => ADD_WORDS.has(t.norm) && t !== a.tokens[0]) || last.data === 'compare';
    if (adding && (last.data === 'compare' || cue('compare') >= 2))
      reading = { intent: 'compare', roles: [...new Set([...prevRoles, ...a.roles])].slice(0, 4), ...keep };
    else if (ONE_ROLE.includes(intentCue ?? last.data) || last.data === 'path') reading = { intent: intentCue ?? last.data, roles: [a.roles[0]!], ...keep };
  } else if (intentCue && prevRoles.length > 0) {
    reading = { intent: intentCue, roles: intentCue === 'compare' || intentCue === 'path' ? prevRoles : prevRoles.slice(0, 1), ...keep };
    if (intentCue === 'compare' && prevRoles.length < 2) reading = undefined;
  } else if (e.layers.length || e.difficulties.length) {
    const layer = e.layers[0]?.value ?? (prev.invocation.args.layer as Reading['layer']);
    const difficulty = e.difficulties[0]?.value ?? prev.entities.difficulty ?? undefined;
    if (last.data === 'projects' && layer) reading = { intent: 'projects', roles: [], layer };
    else reading = { intent: 'roles', roles: [], ...(layer ? { layer } : {}), ...(difficulty ? { difficulty } : {}) };
  } else if (e.markets.length || e.levels.length) {
    if (last.data === 'compare') reading = { intent: 'compare', roles: prevRoles, ...keep };
    else if (last.data === 'companies' && market === 'india') reading = { intent: 'companies', roles: [], which: 'india' };
    else if (prevRoles.length === 1) reading = { intent: 'salary', roles: prevRoles, ...keep };
  }
  if (!reading) return undefined;
  if (reading.roles.length === 0 && !['roles', 'projects', 'companies', 'certs'].includes(reading.intent)) return undefined;
  if (reading.intent === 'compare' && reading.roles.length < 2) return undefined;
  const u = answered(core, a, reading);
  return { ...u, evidence: [...u.evidence, { kind: 'follow-up', text: a.tokens.map((t) => t.norm).join(' '), value: `refines ${prev.invocation.command}` }] };
}
