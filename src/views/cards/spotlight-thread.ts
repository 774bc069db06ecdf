import type { Core } from '../../core/index.js';
import { type View, view } from '../view.js';

/**
 * The discussion thread under a weekly spotlight: a name and one opening question drawn from the
 * role's data (a portfolio project, an interview task, a must-have skill). Which one is fixed by
 * the week, so a rerun asks the same question and the weeks vary.
 */
export interface SpotlightThread {
  /** At most 100 characters (Discord's limit on a thread name). */
  name: string;
  view: View;
}

/** A small stable hash of the week key ("2026-W14"): the same week always picks the same question. */
function weekIndex(weekKey: string): number {
  let h = 0;
  for (const c of weekKey) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

export function spotlightThreadFor(core: Core, roleId: string, weekKey: string): SpotlightThread | undefined {
  const role = core.kb.byId.get(roleId);
  if (!role) return undefined;
  const extras = core.extras(role);
  const questions: string[] = [];
  const project = extras.projects[0];
  if (project) questions.push(`What project would you build to show you can work as a ${role.name}? One idea from the reference: ${project.title}.`);
  const task = extras.interviewRounds.flatMap((r) => r.tasks.map((t) => ({ round: r.round.name, task: t.task })))[0];
  if (task) questions.push(`How would you tackle this ${task.round} task for a ${role.name} interview: ${task.task}?`);
  for (const skill of role.mustHave.slice(0, 3))
    questions.push(`How did you learn ${skill}, or how would you start? It is a must-have skill for a ${role.name}.`);
  if (questions.length === 0) questions.push(`What would you want to know before applying for a ${role.name} role?`);
  const question = questions[weekIndex(weekKey) % questions.length]!;
  return {
    name: `Discuss: ${role.name}`.slice(0, 100),
    view: view({ kind: 'notice', title: `This week's question: ${role.name}`, description: `${question} Share your answer in this thread.`, tone: 'info' }),
  };
}
