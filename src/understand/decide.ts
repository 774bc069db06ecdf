import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import { type Analysis, isSmallTalk } from './analysis.js';
import { answered, clarify, outOfScope } from './outcomes.js';
import type { Reading } from './readings.js';
import type { AskIntent, Understanding } from './types.js';
import { clarifyMixed, clarifyRole } from './clarify.js';
import { base, marketOf, ONE_ROLE, rolesOutsideSkills, skillsOf, STRONG } from './rule-common.js';
import { careerMove, deepDive, singleRoleCommand } from './rules.js';

/**
 * What a question asks, from what was read: a fixed order of rules, each explainable by the
 * evidence. Where intent or entities conflict or are weak, the answer is a clarifying question.
 */

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
  if ((cue('help') >= STRONG || (short && cue('help') >= 2)) && roles.length === 0 && strongCues.length === 0)
    return answered(core, a, { intent: 'help', roles: [] });
  if (cue('sources') >= 4 || (cue('sources') >= STRONG && strongCues.length === 1 && e.parts.length === 0))
    return answered(core, a, { intent: 'sources', roles: [] });

  // The AI Engineer deep-dive, by name or by one of its parts.
  const deep = deepDive(core, a, aiEngineer, strongCues);
  if (deep) return deep;

  // Career moves: from one role to another.
  const move = careerMove(core, a, b);
  if (move) return move;

  // "MLOps vs LLMOps": two names of one role.
  const named = a.mentions.filter((m) => m.kind === 'role');
  if (roles.length === 1 && named.length >= 2 && a.ambiguous.length === 0 && new Set(named.map((m) => m.text)).size >= 2) {
    return answered(core, a, { intent: 'role', roles, angle: `${named.map((m) => `"${m.text}"`).join(' and ')} are one role`, ...b });
  }

  // A title that is none of the 31 roles, and no role besides: offer the AI roles closest to it.
  const other = a.others.find((m) => m.suggestions.length > 0);
  if (roles.length === 0 && a.ambiguous.length === 0 && other) {
    const intent = strongCues.find((i) => ONE_ROLE.includes(i)) ?? 'role';
    return clarifyRole(
      core,
      a,
      { intent, roles: [], ...b },
      { kind: 'ambiguous', start: other.start, end: other.end, text: other.text, candidates: other.suggestions },
    );
  }

  // Two or more roles: a comparison, unless single-role commands were asked for each.
  if (roles.length + a.ambiguous.length >= 2 && !(cue('skills') + cue('match') >= STRONG && skillsOf(a, true).length > 0 && roles.length === 0)) {
    if (a.ambiguous.length > 0) return clarifyRole(core, a, { intent: 'compare', roles, ...b }, a.ambiguous[0]!);
    // Only a cue said beside the roles counts: "I did some projects… ML or AI engineer?" is a comparison.
    const beside = (i: AskIntent) => a.mentions.some((m) => a.cueSentences.get(i)?.has(a.tokens[m.start]!.sentence));
    const single = strongCues.filter((i) => ONE_ROLE.includes(i) && i !== 'salary' && beside(i));
    if (single.length > 0)
      return clarifyMixed(
        core,
        a,
        roles.map((r) => ({ intent: single[0]!, roles: [r], ...b })),
        single[0]!,
      );
    if (roles.length > 4)
      return clarify(core, a, {
        command: 'compare',
        prompt: 'A comparison takes at most 4 roles. Which ones?',
        understood: 'Comparing more than 4 roles',
        readings: [{ intent: 'compare', roles: roles.slice(0, 4), ...b }],
      });
    return answered(
      core,
      a,
      { intent: 'compare', roles, ...b },
      roles.map((r) => ({ intent: 'role', roles: [r] })),
    );
  }

  // Two commands asked at once.
  const asked = strongCues.filter((i) => ONE_ROLE.includes(i) || i === 'companies');
  if (asked.length >= 2 && !(asked.length === 2 && asked.includes('companies') && roles.length > 0)) {
    return clarifyMixed(
      core,
      a,
      asked.map((intent) => ({ intent, roles: roles.slice(0, 1), ...b })),
      null,
    );
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
    // "which companies hire RAG engineers": the card lists who hires; "startups hiring AI engineers" names a tier.
    if (roles.length === 1 && e.tiers.length === 0) return answered(core, a, { intent: 'role', roles, angle: 'who hires', ...b });
    const which = e.tiers[0]?.value ?? (market === 'india' ? 'india' : undefined);
    return answered(core, a, { intent: 'companies', roles: [], ...(which ? { which } : {}) });
  }

  // "compare ML engineer", "ml engineer or": a comparison with one role named.
  const last = a.tokens.at(-1)!.norm;
  if (roles.length === 1 && a.ambiguous.length === 0 && (cue('compare') >= STRONG || last === 'or' || last === 'vs')) {
    const role = roles[0]!;
    const others = role.related
      .map((x) => ('role' in x ? core.kb.byId.get(x.role) : undefined))
      .filter((r): r is Role => Boolean(r))
      .slice(0, 6);
    return clarify(core, a, {
      command: 'compare',
      prompt: `Compare ${role.name} with which role?`,
      understood: `Comparing ${role.name} with a role not named`,
      readings: others.map((o) => ({ intent: 'compare', roles: [role, o], ...b })),
      roles,
    });
  }

  // One role, with no command's words: its card, or its pay when a market is named.
  if (roles.length === 1 && a.ambiguous.length === 0) {
    const mention = a.mentions.find((m) => m.kind === 'role');
    const strong = mention?.kind === 'role' && mention.strong;
    const angle = e.difficulties.length ? 'entry difficulty' : cue('skills') >= 2 ? 'skills' : a.to.length ? 'how to get in' : undefined;
    if (!strong && maxCue < 2) return outOfScope(a, 'no-intent');
    if (market && market !== 'conflict' && cue('role') < 2 && !angle) return answered(core, a, { intent: 'salary', roles, ...b }, [{ intent: 'role', roles }]);
    if (a.unexplained > 5 && maxCue < 2) {
      return clarify(core, a, {
        command: null,
        prompt: 'What would you like to know?',
        understood: `Something about ${roles[0]!.name}`,
        readings: [
          { intent: 'role', roles },
          { intent: 'salary', roles, ...b },
          { intent: 'path', roles },
        ],
      });
    }
    return answered(core, a, { intent: 'role', roles, ...(angle ? { angle } : {}), ...b }, [
      { intent: 'salary', roles, ...b },
      { intent: 'path', roles },
    ]);
  }
  if (a.ambiguous.length > 0) return clarifyRole(core, a, { intent: 'role', roles: [] }, a.ambiguous[0]!);

  // No role: skills, or browse by layer or difficulty.
  const skills = skillsOf(a, true);
  const filters = e.layers.length + e.difficulties.length + e.education.length > 0;
  if (skills.length > 0 && !filters && (a.unexplained === 0 || cue('skills') >= 1)) {
    // "pytorch or tensorflow?": which to learn, not what fits both.
    const either = skills.length >= 2 && a.tokens.some((t) => t.norm === 'or') && cue('match') < 2;
    if (either)
      return clarify(core, a, {
        command: 'skills',
        prompt: 'Which skill should RoleCall look up?',
        understood: `A choice between ${skills.join(' and ')}`,
        readings: skills.map((s) => ({ intent: 'skills', roles: [], skills: [s] })),
      });
    // "tell me about rag": the technique, or the role named after it?
    const asRole = skills.length === 1 && cue('role') >= 2 ? core.resolve(skills[0]!) : undefined;
    if (asRole?.status === 'found') {
      return clarify(core, a, {
        command: null,
        prompt: `About ${skills[0]}: which answer?`,
        understood: `Something about ${skills[0]}`,
        readings: [
          { intent: 'role', roles: [asRole.role] },
          { intent: 'skills', roles: [], skills },
        ],
      });
    }
    return answered(core, a, { intent: skills.length >= 2 ? 'match' : 'skills', roles: [], skills });
  }
  if (filters || cue('roles') >= 2) return answered(core, a, { intent: 'roles', roles: [], ...b });
  if (cue('compare') >= 2 && roles.length === 0) {
    return clarify(core, a, {
      command: 'compare',
      prompt: 'Which roles should RoleCall compare?',
      understood: 'A comparison, but of which roles?',
      readings: defaultComparisons(core),
    });
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
