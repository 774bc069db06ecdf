import type { KnowledgeBase } from '../core/knowledge-base.js';
import type { Audience, RoleGroup } from '../core/schema/common.js';
import type { Role } from '../core/schema/role.js';
import type { Action } from './view.js';
import { roleRef } from './format.js';

const GROUP_LABEL: Record<RoleGroup, string> = {
  all: 'all roles',
  genai: 'GenAI roles',
  engineering: 'engineering roles',
  'non-coding': 'non-coding roles',
};

/** Who a certification, project or interview round is for: "ML Engineer, MLOps / LLMOps Engineer; GenAI roles". */
export function audienceText(kb: KnowledgeBase, audience: Audience): string {
  const parts = [
    ...audience.roles.map((id) => kb.role(id).name),
    ...audience.groups.map((g) => GROUP_LABEL[g]),
    ...audience.layers.map((l) => (l === 'cross' ? 'cross-cutting roles' : `${l} roles`)),
  ];
  return parts.join(', ');
}

/** Buttons from one role's answer to its other "getting hired" answers, leaving out the current one. */
export function careerActions(role: Role, current: 'role' | 'prep' | 'certs' | 'projects'): Action[] {
  const ref = roleRef(role);
  const all: Action[] = [
    { type: 'button', label: 'Role card', invoke: { command: 'role', args: { name: ref } } },
    { type: 'button', label: 'Interview prep', invoke: { command: 'prep', args: { role: ref } } },
    { type: 'button', label: 'Certifications', invoke: { command: 'certs', args: { role: ref } } },
    { type: 'button', label: 'Projects', invoke: { command: 'projects', args: { role: ref } } },
  ];
  return all.filter((a) => a.type === 'button' && a.invoke.command !== current);
}
