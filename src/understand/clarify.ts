import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import type { Analysis } from './analysis.js';
import { clarify } from './outcomes.js';
import type { Reading } from './readings.js';
import type { Mention } from './role-mentions.js';
import type { AskIntent, Understanding } from './types.js';

/** The clarifying questions: which role, which of two commands, from which role. */

const WHAT: Record<AskIntent, string> = {
  role: 'the role card',
  compare: 'a comparison',
  path: 'a career path',
  roles: 'the roles',
  salary: 'pay',
  skills: 'the roles that use a skill',
  match: 'the roles that fit your skills',
  prep: 'interview prep',
  certs: 'certifications',
  projects: 'portfolio projects',
  companies: 'companies',
  deepdive: 'the deep-dive',
  sources: 'the sources',
  help: 'help',
};

/** A role the resolver found only ambiguously: one choice per candidate, each running the intended command. */
export function clarifyRole(core: Core, a: Analysis, template: Reading, mention: Extract<Mention, { kind: 'ambiguous' }>): Understanding {
  const readings = mention.candidates.map((c) => ({ ...template, roles: template.intent === 'compare' ? [...template.roles, c] : [c] }));
  return clarify(core, a, {
    command: template.intent,
    prompt: mention.note ? `"${mention.text}" is not a distinct role: which did you mean?` : `Which role did you mean by "${mention.text}"?`,
    ...(mention.note ? { note: mention.note } : {}),
    understood: `Not sure which role "${mention.text}" means, for ${WHAT[template.intent]}`,
    readings,
    candidates: mention.candidates,
    roles: template.roles,
  });
}

/** Two commands asked at once ("salary and interview prep"): one choice each. */
export function clarifyMixed(core: Core, a: Analysis, readings: Reading[], command: AskIntent | null): Understanding {
  const intents = [...new Set(readings.map((r) => r.intent))];
  const built = readings.filter((r) => r.roles.length > 0 || r.intent === 'certs' || r.intent === 'projects' || r.intent === 'companies');
  return clarify(core, a, {
    command,
    prompt: 'Which one first?',
    understood: `More than one question: ${intents.map((i) => WHAT[i]).join(' or ')}`,
    readings: built.length ? built : [{ intent: 'roles', roles: [] }],
    roles: a.roles,
  });
}

/** A command that needs a role, asked without one: pick the role (each choice runs that command). */
export function clarifyMissingRole(core: Core, a: Analysis, template: Reading, target?: Role): Understanding {
  if (template.intent === 'path' && target) {
    return clarify(core, a, {
      command: 'path',
      prompt: `A path to ${target.name} from which role?`,
      understood: `A career path to ${target.name}, from a role not named`,
      readings: [
        { intent: 'role', roles: [target], angle: 'how to get in' },
        ...core.kb.roles
          .filter((r) => r !== target && core.path(r.id, target.id).status === 'found')
          .slice(0, 8)
          .map((r) => ({ intent: 'path' as const, roles: [r, target] })),
      ],
      roles: [target],
    });
  }
  const roles = core.kb.roles;
  return clarify(core, a, {
    command: template.intent,
    prompt: `Which role's ${WHAT[template.intent]}?`,
    understood: `${WHAT[template.intent][0]!.toUpperCase()}${WHAT[template.intent].slice(1)}, but for which role?`,
    readings: [
      { intent: 'roles', roles: [], ...(template.layer ? { layer: template.layer } : {}) },
      ...roles.slice(0, 24).map((r) => ({ ...template, roles: [r] })),
    ],
    roles: [],
  });
}

/** "I'm a data analyst, how do I become an AI Engineer?": where they start is none of the 31 roles. */
export function clarifyOrigin(core: Core, a: Analysis, target: Role): Understanding {
  const origin = a.origin!;
  const from = origin.suggestions.filter((r) => r !== target).slice(0, 3);
  return clarify(core, a, {
    command: 'path',
    prompt: `"${origin.text}" is not one of the ${core.kb.roles.length} roles. What would help most?`,
    understood: `Getting into ${target.name} from "${origin.text}", which is none of the ${core.kb.roles.length} roles`,
    readings: [
      { intent: 'role', roles: [target], angle: 'how to get in' },
      ...from.map((r) => ({ intent: 'path' as const, roles: [r, target] })),
      { intent: 'prep', roles: [target] },
      { intent: 'projects', roles: [target] },
    ],
    roles: [target],
  });
}
