import type { Core } from '../../core/index.js';
import type { Role } from '../../core/schema/role.js';
import type { Section, View } from '../view.js';
import { DIFFICULTY_LABEL } from '../format.js';
import { roleCard } from './role-card.js';

/**
 * The weekly spotlight, platform-neutral: one model (`SpotlightContent`) turned into one View
 * that the Discord and Slack renderers (and the console) draw. Every string is plain text;
 * renderers escape it, so nothing here can ping a channel.
 */
export interface SpotlightContent {
  role: Role;
  /** "How to break in": one line. */
  breakIn: string;
  project?: { title: string; tip: string };
  certifications: Array<{ name: string; priority: string; note?: string }>;
  /** Each round, with the take-home tasks of the role's layers where it has them. */
  interviewRounds: Array<{ name: string; tasks: string[] }>;
}

/** Keeps the post inside Discord's embed budget: extras are a taste, the card has the rest. */
const MAX_CERTIFICATIONS = 3;
const MAX_ROUNDS = 5;

export function spotlightContent(core: Core, role: Role): SpotlightContent {
  const extras = core.extras(role);
  // extrasFor puts projects aimed at this role by name first, before the "all roles" ones.
  const project = extras.projects[0];
  return {
    role,
    breakIn: breakInLine(core, role),
    ...(project ? { project: { title: project.title, tip: project.tip } } : {}),
    certifications: extras.certifications
      .slice(0, MAX_CERTIFICATIONS)
      .map((c) => ({ name: c.code ? `${c.name} (${c.code})` : c.name, priority: c.priority, ...(c.note ? { note: c.note } : {}) })),
    interviewRounds: extras.interviewRounds.slice(0, MAX_ROUNDS).map((r) => ({ name: r.round.name, tasks: r.tasks.map((t) => t.task) })),
  };
}

/** The entry tier's typical experience and background, then the first skills to learn. */
export function breakInLine(core: Core, role: Role): string {
  const tier = core.kb.reference.difficultyTiers.find((t) => t.difficulty === role.difficulty);
  const first = role.mustHave.slice(0, 3);
  const skills = first.length > 1 ? `${first.slice(0, -1).join('; ')} and ${first.at(-1)}` : (first[0] ?? 'the must-have skills');
  const entry = tier ? `${DIFFICULTY_LABEL[role.difficulty]} entry, typically ${tier.experience}: ${tier.background}` : undefined;
  return [entry, `Start with ${skills}, then ship the project below and show it.`].filter(Boolean).join(' ');
}

const PRIORITY_LABEL: Record<string, string> = { high: 'high priority', medium: 'medium priority', 'nice-to-have': 'nice to have' };

export function spotlightView(core: Core, content: SpotlightContent): View {
  const card = roleCard(core, content.role);
  const extra: Section[] = [{ heading: 'How to break in', body: content.breakIn }];
  if (content.project) {
    extra.push({ heading: 'Portfolio project idea', body: `${content.project.title}. ${content.project.tip}` });
  }
  if (content.certifications.length > 0) {
    extra.push({
      heading: 'Certifications',
      items: content.certifications.map((c) => `${c.name}, ${PRIORITY_LABEL[c.priority] ?? c.priority}${c.note ? ` (${c.note})` : ''}`),
    });
  }
  if (content.interviewRounds.length > 0) {
    extra.push({ heading: 'Interview rounds', items: content.interviewRounds.map((r) => (r.tasks.length ? `${r.name}: ${r.tasks.join('; ')}` : r.name)) });
  }
  return {
    ...card,
    kind: 'spotlight',
    title: `Role of the week: ${card.title}`,
    sections: [...extra, ...card.sections],
    tone: 'info',
  };
}

/** The spotlight View for a role id, or undefined when the role no longer exists (a data edit). */
export function spotlightFor(core: Core, roleId: string): View | undefined {
  const role = core.kb.byId.get(roleId);
  return role ? spotlightView(core, spotlightContent(core, role)) : undefined;
}
