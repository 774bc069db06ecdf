import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import type { Analysis } from './analysis.js';
import { clarifyMissingRole, clarifyOrigin, clarifyRole } from './clarify.js';
import { answered, clarify } from './outcomes.js';
import type { Reading } from './readings.js';
import { type Market, ONE_ROLE, STRONG } from './rule-common.js';
import type { AskIntent, Understanding } from './types.js';

/** The rules of decide.ts for the deep-dive, career moves and the commands that take one role. */

export function deepDive(core: Core, a: Analysis, aiEngineer: Role, strongCues: readonly AskIntent[]): Understanding | undefined {
  const others = a.roles.filter((r) => r !== aiEngineer);
  const named = a.roles.includes(aiEngineer);
  const part = a.entities.parts[0]?.value;
  if ((a.cues.get('deepdive') ?? 0) >= STRONG) {
    if (!named && others.length > 0) {
      return clarify(core, a, {
        command: 'deepdive',
        prompt: `The deep-dive covers ${aiEngineer.name} only. Which did you want?`,
        understood: `A deep-dive on ${others[0]!.name}, which RoleCall has only for ${aiEngineer.name}`,
        readings: [
          { intent: 'role', roles: [others[0]!] },
          { intent: 'deepdive', roles: [aiEngineer] },
        ],
      });
    }
    return answered(core, a, { intent: 'deepdive', roles: a.roles, part: part ?? (others.length > 0 ? 'compare' : 'overview') });
  }
  if (!part) return undefined;
  const blocking = strongCues.filter(
    (i) => !(i === 'sources' && part === 'disagreements') && !(i === 'projects' && part === 'failure') && !(i === 'compare' && others.length === 0),
  );
  if (blocking.length > 0 || a.ambiguous.length > 0) return undefined;
  if ((named && others.length === 0) || (part === 'failure' && a.roles.length === 0))
    return answered(core, a, { intent: 'deepdive', roles: a.roles, part }, [{ intent: 'role', roles: [aiEngineer] }]);
  return undefined;
}

export function careerMove(core: Core, a: Analysis, b: Omit<Reading, 'intent' | 'roles'>): Understanding | undefined {
  const pathCue = a.cues.get('path') ?? 0;
  const [from] = a.from;
  const to = a.to.find((r) => r !== from);
  if (from && to)
    return answered(core, a, { intent: 'path', roles: [from, to] }, [
      { intent: 'compare', roles: [from, to] },
      { intent: 'role', roles: [to] },
    ]);
  const target = to ?? (a.roles.length === 1 ? a.roles[0] : undefined);
  if (a.origin && target && a.roles.length === 1 && (pathCue >= 2 || a.to.length > 0)) return clarifyOrigin(core, a, target);
  if (a.ambiguous.length > 0 && a.roles.length === 0 && pathCue >= 2) return clarifyRole(core, a, { intent: 'path', roles: [] }, a.ambiguous[0]!);
  if (a.roles.length !== 1) return undefined;
  const only = a.roles[0]!;
  if (from && (pathCue >= 2 || a.cues.size === 0)) return answered(core, a, { intent: 'path', roles: [only] }, [{ intent: 'role', roles: [only] }]);
  if (pathCue >= STRONG && !a.to.length) return answered(core, a, { intent: 'path', roles: [only] }, [{ intent: 'role', roles: [only] }]);
  if (pathCue >= STRONG && a.to.length) return clarifyMissingRole(core, a, { intent: 'path', roles: [], ...b }, only);
  return undefined;
}

export function singleRoleCommand(
  core: Core,
  a: Analysis,
  b: Omit<Reading, 'intent' | 'roles'>,
  market: Market,
  strongCues: readonly AskIntent[],
): Understanding | undefined {
  const intent = strongCues.find((i) => ONE_ROLE.includes(i));
  if (!intent) return undefined;
  const roles = a.roles;
  if (a.ambiguous.length > 0 && roles.length === 0) return clarifyRole(core, a, { intent, roles: [], ...b }, a.ambiguous[0]!);
  if (intent === 'salary' && market === 'conflict') {
    const markets = [...new Set(a.entities.markets.map((m) => m.value))];
    return clarify(core, a, {
      command: 'salary',
      prompt: 'Pay in which market?',
      understood: 'Pay in more than one market',
      readings: roles.length ? markets.map((m) => ({ intent: 'salary', roles: roles.slice(0, 1), ...b, market: m })) : [],
      roles: roles.slice(0, 1),
    });
  }
  if (roles.length === 1) return answered(core, a, { intent, roles, ...b }, [{ intent: 'role', roles }]);
  if (intent === 'certs') return answered(core, a, { intent: 'certs', roles: [] });
  if (intent === 'projects') return answered(core, a, { intent: 'projects', roles: [], ...(b.layer ? { layer: b.layer } : {}) });
  return clarifyMissingRole(core, a, { intent, roles: [], ...b });
}
