import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import { type Analysis, isSmallTalk } from './analysis.js';
import { answered, clarify, outOfScope } from './outcomes.js';
import type { Reading } from './readings.js';
import type { AskIntent, AskMarket, Understanding } from './types.js';
import { clarifyMissingRole, clarifyRole, clarifyMixed, clarifyOrigin } from './clarify.js';

/**
 * What a question asks, from what was read: a fixed order of rules, each explainable by the
 * evidence. Where intent or entities conflict or are weak, the answer is a clarifying question.
 */

/** Commands that take exactly one role. */
const ONE_ROLE: readonly AskIntent[] = ['salary', 'prep', 'certs', 'projects'];
const STRONG = 3;

type Market = AskMarket | 'both' | 'conflict' | undefined;

function marketOf(a: Analysis): Market {
  const set = [...new Set(a.entities.markets.map((m) => m.value))];
  if (set.length === 0) return undefined;
  if (set.length === 1) return set[0];
  return set.length === 2 && set.includes('us') && set.includes('india') ? 'both' : 'conflict';
}

function base(a: Analysis): Omit<Reading, 'intent' | 'roles'> {
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
function skillsOf(a: Analysis, keepRoleWords: boolean): string[] {
  const inMention = (s: { start: number; end: number }) => a.mentions.some((m) => s.start < m.end && m.start < s.end);
  return [...new Set(a.entities.skills.filter((s) => keepRoleWords || !inMention(s)).map((s) => s.value))];
}

/** Role mentions that are also skills ("rag", "prompt engineering") count as skills in skill questions. */
function rolesOutsideSkills(a: Analysis): Role[] {
  const kept = a.mentions.filter((m) => m.kind === 'role' && !a.entities.skills.some((s) => s.start <= m.start && m.end <= s.end));
  return [...new Set(kept.map((m) => (m.kind === 'role' ? m.role : undefined)).filter((r): r is Role => Boolean(r)))];
}

export function decide(core: Core, a: Analysis): Understanding {
  if (a.tokens.length === 0) return outOfScope(a, 'empty');
  const cue = (i: AskIntent) => a.cues.get(i) ?? 0;
  const e = a.entities;
  const b = base(a);
  const market = marketOf(a);
  const roles = a.roles;
  const aiEngineer = core.kb.role(core.kb.aiEngineer.meta.role);
  const strongCues = (['salary', 'prep', 'certs', 'projects', 'companies', 'match', 'path', 'compare', 'sources'] as const).filter((i) => cue(i) >= STRONG);
  const maxCue = Math.max(0, ...[...a.cues.values()]);

  if (a.offTopic.length > 0 && maxCue < STRONG) return outOfScope(a, 'off-topic');
  if (isSmallTalk(a) && roles.length === 0 && maxCue < 2) return outOfScope(a, 'no-intent');

  // Help and sources: about RoleCall itself.
  const short = a.tokens.length <= 2;
  if ((cue('help') >= STRONG || (short && cue('help') >= 2)) && roles.length === 0 && strongCues.length === 0) return answered(core, a, { intent: 'help', roles: [] });
  if (cue('sources') >= 4 || (cue('sources') >= STRONG && strongCues.length === 1 && e.parts.length === 0)) return answered(core, a, { intent: 'sources', roles: [] });

  // The AI Engineer deep-dive, by name or by one of its parts.
  const deep = deepDive(core, a, aiEngineer, strongCues);
  if (deep) return deep;

  // Career moves: from one role to another.
  const move = careerMove(core, a, b);
  if (move) return move;

  // Two or more roles: a comparison, unless single-role commands were asked for each.
  if (roles.length + a.ambiguous.length >= 2 && !(cue('skills') + cue('match') >= STRONG && skillsOf(a, true).length > 0 && roles.length === 0)) {
    if (a.ambiguous.length > 0) return clarifyRole(core, a, { intent: 'compare', roles, ...b }, a.ambiguous[0]!);
    // Only a cue said beside the roles counts: "I did some projects… ML or AI engineer?" is a comparison.
    const beside = (i: AskIntent) => a.mentions.some((m) => a.cueSentences.get(i)?.has(a.tokens[m.start]!.sentence));
    const single = strongCues.filter((i) => ONE_ROLE.includes(i) && i !== 'salary' && beside(i));
    if (single.length > 0) return clarifyMixed(core, a, roles.map((r) => ({ intent: single[0]!, roles: [r], ...b })), single[0]!);
    if (roles.length > 4) return clarify(core, a, { command: 'compare', prompt: 'A comparison takes at most 4 roles. Which ones?', understood: 'Comparing more than 4 roles', readings: [{ intent: 'compare', roles: roles.slice(0, 4), ...b }] });
    return answered(core, a, { intent: 'compare', roles, ...b }, roles.map((r) => ({ intent: 'role', roles: [r] })));
  }

  // Two commands asked at once.
  const asked = strongCues.filter((i) => ONE_ROLE.includes(i) || i === 'companies');
  if (asked.length >= 2 && !(asked.length === 2 && asked.includes('companies') && roles.length > 0)) {
    return clarifyMixed(core, a, asked.map((intent) => ({ intent, roles: roles.slice(0, 1), ...b })), null);
  }

  const oneRoleAsked = strongCues.some((i) => ONE_ROLE.includes(i));
  const skillQuestion = cue('match') >= 2 || (cue('skills') >= 2 && !oneRoleAsked && rolesOutsideSkills(a).length === 0);
  if (skillQuestion && a.ambiguous.length === 0) {
    const strict = skillsOf(a, true);
    const skills = strict.length ? strict : [...new Set(e.looseSkills.map((s) => s.value))];
    const own = rolesOutsideSkills(a);
    if (skills.length > 0 && own.length === 0) {
      const intent = cue('match') >= 2 || skills.length >= 2 ? 'match' : 'skills';
      return answered(core, a, { intent, roles: [], skills }, skills.length >= 2 ? [] : [{ intent: 'match', roles: [], skills }]);
    }
  }

  const oneRole = singleRoleCommand(core, a, b, market, strongCues);
  if (oneRole) return oneRole;

  if (cue('companies') >= STRONG || e.tiers.length > 0) {
    if (roles.length === 1) return answered(core, a, { intent: 'role', roles, angle: 'who hires', ...b });
    const which = e.tiers[0]?.value ?? (market === 'india' ? 'india' : undefined);
    return answered(core, a, { intent: 'companies', roles: [], ...(which ? { which } : {}) });
  }

  // "compare ML engineer", "ml engineer or": a comparison with one role named.
  const last = a.tokens.at(-1)!.norm;
  if (roles.length === 1 && a.ambiguous.length === 0 && (cue('compare') >= STRONG || last === 'or' || last === 'vs')) {
    const role = roles[0]!;
    const others = role.related.map((x) => ('role' in x ? core.kb.byId.get(x.role) : undefined)).filter((r): r is Role => Boolean(r)).slice(0, 6);
    return clarify(core, a, { command: 'compare', prompt: `Compare ${role.name} with which role?`, understood: `Comparing ${role.name} with a role not named`, readings: others.map((o) => ({ intent: 'compare', roles: [role, o], ...b })), roles });
  }

  // One role, with no command's words: its card, or its pay when a market is named.
  if (roles.length === 1 && a.ambiguous.length === 0) {
    const mention = a.mentions.find((m) => m.kind === 'role');
    const strong = mention?.kind === 'role' && mention.strong;
    const angle = e.difficulties.length ? 'entry difficulty' : cue('skills') >= 2 ? 'skills' : a.to.length ? 'how to get in' : undefined;
    if (!strong && maxCue < 2) return outOfScope(a, 'no-intent');
    if (market && market !== 'conflict' && cue('role') < 2 && !angle) return answered(core, a, { intent: 'salary', roles, ...b }, [{ intent: 'role', roles }]);
    if (a.unexplained > 5 && maxCue < 2) {
      return clarify(core, a, { command: null, prompt: 'What would you like to know?', understood: `Something about ${roles[0]!.name}`, readings: [{ intent: 'role', roles }, { intent: 'salary', roles, ...b }, { intent: 'path', roles }] });
    }
    return answered(core, a, { intent: 'role', roles, ...(angle ? { angle } : {}), ...b }, [{ intent: 'salary', roles, ...b }, { intent: 'path', roles }]);
  }
  if (a.ambiguous.length > 0) return clarifyRole(core, a, { intent: 'role', roles: [] }, a.ambiguous[0]!);

  // No role: skills, or browse by layer or difficulty.
  const skills = skillsOf(a, true);
  const filters = e.layers.length + e.difficulties.length + e.education.length > 0;
  if (skills.length > 0 && !filters && (a.unexplained === 0 || cue('skills') >= 1)) {
    return answered(core, a, { intent: skills.length >= 2 ? 'match' : 'skills', roles: [], skills });
  }
  if (filters || cue('roles') >= 2) return answered(core, a, { intent: 'roles', roles: [], ...b });
  if (cue('compare') >= 2 && roles.length === 0) {
    return clarify(core, a, { command: 'compare', prompt: 'Which roles should RoleCall compare?', understood: 'A comparison, but of which roles?', readings: defaultComparisons(core) });
  }
  return outOfScope(a, 'no-intent');
}

function defaultComparisons(core: Core): Reading[] {
  const r = (n: number) => core.kb.byNumber.get(n)!;
  return [
    { intent: 'compare', roles: [r(8), r(23)] },
    { intent: 'compare', roles: [r(19), r(23)] },
    { intent: 'compare', roles: [r(11), r(8)] },
  ];
}

function deepDive(core: Core, a: Analysis, aiEngineer: Role, strongCues: readonly AskIntent[]): Understanding | undefined {
  const others = a.roles.filter((r) => r !== aiEngineer);
  const named = a.roles.includes(aiEngineer);
  const part = a.entities.parts[0]?.value;
  if ((a.cues.get('deepdive') ?? 0) >= STRONG) {
    if (!named && others.length > 0) {
      return clarify(core, a, {
        command: 'deepdive',
        prompt: `The deep-dive covers ${aiEngineer.name} only. Which did you want?`,
        understood: `A deep-dive on ${others[0]!.name}, which RoleCall has only for ${aiEngineer.name}`,
        readings: [{ intent: 'role', roles: [others[0]!] }, { intent: 'deepdive', roles: [aiEngineer] }],
      });
    }
    return answered(core, a, { intent: 'deepdive', roles: a.roles, part: part ?? (others.length > 0 ? 'compare' : 'overview') });
  }
  if (!part) return undefined;
  const blocking = strongCues.filter((i) => !(i === 'sources' && part === 'disagreements') && !(i === 'projects' && part === 'failure') && !(i === 'compare' && others.length === 0));
  if (blocking.length > 0 || a.ambiguous.length > 0) return undefined;
  if ((named && others.length === 0) || (part === 'failure' && a.roles.length === 0)) return answered(core, a, { intent: 'deepdive', roles: a.roles, part }, [{ intent: 'role', roles: [aiEngineer] }]);
  return undefined;
}

function careerMove(core: Core, a: Analysis, b: Omit<Reading, 'intent' | 'roles'>): Understanding | undefined {
  const pathCue = a.cues.get('path') ?? 0;
  const [from] = a.from;
  const to = a.to.find((r) => r !== from);
  if (from && to) return answered(core, a, { intent: 'path', roles: [from, to] }, [{ intent: 'compare', roles: [from, to] }, { intent: 'role', roles: [to] }]);
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

function singleRoleCommand(core: Core, a: Analysis, b: Omit<Reading, 'intent' | 'roles'>, market: Market, strongCues: readonly AskIntent[]): Understanding | undefined {
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
