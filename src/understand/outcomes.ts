import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import type { Analysis } from './analysis.js';
import { choiceOf, invocationOf, type Reading, understoodLine } from './readings.js';
import type { AskChoice, AskEntities, AskIntent, RoleRef, Understanding } from './types.js';

/** Builds the three outcomes from readings: answered, clarify, out of scope. */

export const roleRef = (r: Role): RoleRef => ({ number: r.number, name: r.name, id: r.id });

export function entitiesOf(a: Analysis, r?: Pick<Reading, 'roles' | 'market' | 'level' | 'layer' | 'difficulty' | 'skills'>): AskEntities {
  const e = a.entities;
  const markets = [...new Set(e.markets.map((m) => m.value))];
  const market = r?.market && r.market !== 'both' ? r.market : r?.market === 'both' ? null : markets.length === 1 ? markets[0]! : null;
  return {
    roles: (r?.roles ?? a.roles).map((x) => x.id),
    market,
    level: r?.level ?? e.levels[0]?.value ?? null,
    layer: r?.layer ?? e.layers[0]?.value ?? null,
    difficulty: r?.difficulty ?? e.difficulties[0]?.value ?? null,
    skills: r?.skills ?? [...new Set(e.skills.map((s) => s.value))],
  };
}

/** What "the first / second one" refers to after this answer: the roles it lists, compares or ranks. */
function listOf(core: Core, r: Reading): AskChoice[] {
  const card = (role: Role): AskChoice => ({ label: role.name, invoke: { command: 'role', args: { name: `#${role.number}` } } });
  switch (r.intent) {
    case 'roles':
      return core
        .browse({
          ...(r.layer ? { layer: r.layer } : {}),
          ...(r.difficulty ? { difficulty: r.difficulty } : {}),
          ...(r.education ? { education: r.education } : {}),
        })
        .slice(0, 25)
        .map(card);
    case 'match':
      return core
        .match(r.skills ?? [], 5)
        .slice(0, 25)
        .map((m) => card(m.role));
    case 'skills': {
      const hits = core.rolesForSkill(r.skills?.[0] ?? '');
      return [...hits.mustHave, ...hits.niceToHave].slice(0, 25).map((h) => card(h.role));
    }
    default:
      return r.roles.map(card);
  }
}

export function answered(core: Core, a: Analysis, r: Reading, alternatives: Reading[] = []): Understanding {
  const own = invocationOf(r);
  const seen = new Set([JSON.stringify(own)]);
  const alts: AskChoice[] = [];
  for (const alt of alternatives) {
    const choice = choiceOf(core, alt);
    const key = JSON.stringify(choice.invoke);
    if (seen.has(key) || alts.length >= 5) continue;
    seen.add(key);
    alts.push(choice);
  }
  return {
    status: 'answered',
    command: r.intent,
    invocation: own,
    understood: understoodLine(core, r),
    entities: entitiesOf(a, r),
    evidence: a.evidence,
    alternatives: alts,
    list: listOf(core, r),
  };
}

export function clarify(
  core: Core,
  a: Analysis,
  opts: { command: AskIntent | null; prompt: string; understood: string; readings: Reading[]; candidates?: Role[]; roles?: Role[]; note?: string },
): Understanding {
  const seen = new Set<string>();
  const choices: AskChoice[] = [];
  for (const r of opts.readings) {
    const choice = choiceOf(core, r);
    const key = JSON.stringify(choice.invoke);
    if (seen.has(key)) continue;
    seen.add(key);
    choices.push(choice);
  }
  return {
    status: 'clarify',
    command: opts.command,
    prompt: opts.prompt,
    understood: opts.understood,
    choices: choices.slice(0, 25),
    candidates: (opts.candidates ?? []).map(roleRef),
    ...(opts.note ? { note: opts.note } : {}),
    entities: entitiesOf(a, { roles: opts.roles ?? a.roles }),
    evidence: a.evidence,
  };
}

export function outOfScope(a: Analysis, reason: 'empty' | 'off-topic' | 'no-intent'): Understanding {
  const understood =
    reason === 'empty' ? 'No question to answer' : reason === 'off-topic' ? 'Not a question about AI careers' : 'Not a question RoleCall can answer';
  return { status: 'out_of_scope', command: null, reason, understood, entities: entitiesOf(a, { roles: [] }), evidence: a.evidence };
}
