import type { Core, RoleId } from '../src/core/index.js';
import { type MarketChoice, parseMarket } from '../src/core/schema/common.js';
import { notice } from '../src/views/cards/notice.js';
import { roleRef } from '../src/views/format.js';
import type { Invocation, View } from '../src/views/view.js';
import { COMPARE_SLOTS } from './compare.js';

/**
 * Follow-ups to a comparison a front end keeps (a Slack thread's): "add RAG Engineer", "drop the
 * second", "salary india", "path". The rules live here, beside /compare, so every front end that
 * keeps a comparison refines it alike; the front end only stores the comparison and runs what
 * `refineComparison` asks for through the Dispatcher.
 */

/** A comparison as a front end keeps it between follow-ups. */
export interface KeptComparison {
  roles: RoleId[];
  market: MarketChoice;
}

export type FollowUp =
  | { kind: 'add'; role: string }
  | { kind: 'drop'; role: string }
  /** The compared roles' pay; a market given becomes the comparison's. */
  | { kind: 'salary'; market?: MarketChoice }
  /** The path from the first compared role to each of the others. */
  | { kind: 'path' };

/** How people on the front end type, for the hints in its answers. */
export interface FollowUpWords {
  /** Where the comparison lives: "thread" says "this thread's comparison". */
  place: string;
  /** A follow-up as typed there: (words) => `"@RoleCall ${words}"`. */
  say(words: string): string;
  /** How a comparison starts there: "with a mention such as". */
  start: string;
}

/**
 * What to do about a follow-up. First store `keep`, when given, as the comparison from now on.
 * Then either show `view` (`ok` false: nothing changed, it explains why), or run `runs` in order
 * through the Dispatcher: their Views are the answer, and with `adopt` the roles the compare run
 * reports (its CommandData) become the comparison, with its market unchanged. `command` names
 * the answer for logs and metrics.
 */
export type Refinement = { command: 'compare' | 'salary' | 'path'; keep?: KeptComparison } & (
  | { kind: 'answer'; view: View; ok: boolean }
  | { kind: 'run'; runs: Invocation[]; adopt?: true }
);

/** "add X", "plus X", "drop X", "remove X", "salary [in] india", "pay", "path": a follow-up; anything else undefined. */
export function parseFollowUp(text: string): FollowUp | undefined {
  const [, first = '', rest = ''] = /^(\S+)\s*(.*)$/s.exec(text.trim()) ?? [];
  const word = first.toLowerCase().replace(/^\//, '').replace(/[:,]$/, '');
  const arg = rest.trim();
  if (word === 'add' || word === 'plus') return { kind: 'add', role: arg };
  if (word === 'drop' || word === 'remove') return { kind: 'drop', role: arg };
  if (word === 'salary' || word === 'pay') {
    // "salary ML Engineer india" is a /salary question, not a follow-up.
    const m = /^(?:in\s+)?([a-z]+)?$/i.exec(arg);
    if (!m) return undefined;
    if (!m[1]) return { kind: 'salary' };
    const market = parseMarket(m[1]);
    return market ? { kind: 'salary', market } : undefined;
  }
  if (word === 'path' && !arg) return { kind: 'path' };
  return undefined;
}

const ORDINALS: Readonly<Record<string, number>> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3 };

/** "the second", "2nd one", "last": a place in the comparison, or undefined. */
function ordinal(text: string, count: number): number | undefined {
  const w = /^(?:the\s+)?(\w+)(?:\s+(?:one|role))?$/i.exec(text.trim())?.[1]?.toLowerCase();
  if (w === 'last') return count > 0 ? count - 1 : undefined;
  const i = w === undefined ? undefined : ORDINALS[w];
  return i !== undefined && i < count ? i : undefined;
}

/** The invocation args of a comparison of these "#n" references. */
function compareArgs(refs: readonly string[]): Record<string, string> {
  return Object.fromEntries(refs.slice(0, COMPARE_SLOTS.length).map((r, i) => [COMPARE_SLOTS[i]!, r]));
}

const compareRun = (refs: readonly string[]): Invocation => ({ command: 'compare', args: compareArgs(refs) });

/**
 * The step a follow-up asks of a comparison (`current`: the one the front end keeps, if any).
 * Pure: it reads the knowledge base and returns what to store and run; it changes nothing.
 */
export function refineComparison(core: Core, current: KeptComparison | undefined, followUp: FollowUp, words: FollowUpWords): Refinement {
  const command = followUp.kind === 'salary' || followUp.kind === 'path' ? followUp.kind : 'compare';
  const refuse = (title: string, description: string): Refinement => ({ command, kind: 'answer', view: notice(title, description), ok: false });
  const name = (id: RoleId) => core.kb.byId.get(id)?.name ?? id;
  // "#8": references the resolver answers exactly; an id the data no longer has is left out.
  const refsOf = (ids: readonly RoleId[]) => ids.flatMap((id) => (core.kb.byId.has(id) ? [roleRef(core.kb.byId.get(id)!)] : []));
  const refs = refsOf(current?.roles ?? []);
  if (!current || refs.length === 0) {
    return refuse(`No comparison in this ${words.place} yet`, `Start one ${words.start} ${words.say('AI Engineer vs ML Engineer')}.`);
  }
  const { roles, market } = current;
  switch (followUp.kind) {
    case 'add': {
      if (!followUp.role) return refuse('Which role?', `Say ${words.say('add RAG Engineer')}.`);
      const res = core.resolve(followUp.role);
      if (res.status === 'found' && roles.includes(res.role.id)) {
        return refuse('Already compared', `${res.role.name} is already in this ${words.place}'s comparison.`);
      }
      if (roles.length >= COMPARE_SLOTS.length) {
        return refuse('That is the most', `A comparison takes at most ${COMPARE_SLOTS.length} roles. Drop one first: ${words.say(`drop ${name(roles[0]!)}`)}.`);
      }
      // An unresolved name goes to /compare too, whose answer offers the candidates.
      return { command, kind: 'run', runs: [compareRun([...refs, followUp.role])], adopt: true };
    }
    case 'drop': {
      const at = ordinal(followUp.role, roles.length);
      const res = at === undefined && followUp.role ? core.resolve(followUp.role) : undefined;
      const id = at !== undefined ? roles[at] : res?.status === 'found' ? res.role.id : undefined;
      if (id === undefined || !roles.includes(id)) {
        return refuse('Not in this comparison', `This ${words.place} compares ${roles.map(name).join(', ')}. Drop one of those.`);
      }
      const keep = { roles: roles.filter((r) => r !== id), market };
      if (keep.roles.length < 2) {
        const left = keep.roles.map(name).join(', ') || 'no role';
        const view = notice(`Dropped ${name(id)}`, `Only ${left} is left. Add another: ${words.say('add <role>')}.`, 'info', false);
        return { command, keep, kind: 'answer', view, ok: true };
      }
      return { command, keep, kind: 'run', runs: [compareRun(refsOf(keep.roles))] };
    }
    case 'salary': {
      const shown = followUp.market ?? market;
      const runs = refs.map((role) => ({ command: 'salary', args: { role, market: shown } }));
      return { command, ...(shown !== market ? { keep: { roles, market: shown } } : {}), kind: 'run', runs };
    }
    case 'path': {
      if (refs.length < 2) return refuse('Add a role first', 'A path needs two roles in the comparison.');
      const [from, ...others] = refs;
      return { command, kind: 'run', runs: others.map((to) => ({ command: 'path', args: { from: from!, to } })) };
    }
  }
}
