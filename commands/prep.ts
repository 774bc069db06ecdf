import * as z from 'zod';
import { defineCommand, roleText, type CommandResult } from './command.js';
import { unresolvedAnswer, type JsonData } from './command-data.js';
import { careerActions } from '../src/views/audience.js';
import { kbView, layerLabel, layerSpan, roleRef } from '../src/views/format.js';
import { seedNames } from '../src/views/deep-dive/format.js';
import type { Core } from '../src/core/index.js';
import type { RoundForRole } from '../src/core/extras.js';
import type { InterviewRound, Reference } from '../src/core/schema/reference.js';
import type { Role } from '../src/core/schema/role.js';
import type { Action, Section } from '../src/views/view.js';

const roundHeading = (round: InterviewRound) => (round.scope ? `${round.name} (${round.scope})` : round.name);

/** A round in full: its topics, the role's take-homes, what each company looks for, the notes. */
function fullRound(core: Core, { round, topics, tasks }: Pick<RoundForRole, 'round' | 'topics' | 'tasks'>): Section {
  const body = tasks.map((t) => `Take-home for ${layerLabel(core.kb, t.layer)} roles: ${t.task}.`).join(' ');
  return {
    heading: roundHeading(round),
    ...(body ? { body } : {}),
    items: [...topics, ...round.companyFocus.map((c) => `${c.company}: ${c.focus}`), ...round.notes],
  };
}

/** What makes a candidate stand out at the frontier labs: the reference's list, for every role. */
function standOut(core: Core): Section {
  return { heading: 'What makes a candidate stand out at the labs', items: core.kb.reference.frontierLabs.standOut };
}

/** The AI Engineer guide's own account of the interview loop, on /prep for the role with a deep-dive. */
function deepDiveLoop(core: Core, role: Role): Section[] {
  const deep = core.kb.aiEngineer;
  if (deep.meta.role !== role.id) return [];
  return deep.breakingIn.advice
    .filter((a) => a.topic === 'interviews')
    .map((a) => ({
      heading: `The interview loop, per ${seedNames(deep, a.sources.seeds)}`,
      items: a.points,
    }));
}

/** /prep on its own: the rounds every role gets, in full, said once here instead of in every role's answer. */
function everyRoleView(core: Core): CommandResult {
  const rounds = core.kb.reference.interviewRounds.filter((r) => r.appliesTo.groups.includes('all'));
  const data = prepData(
    core,
    null,
    rounds.map((round) => ({ round, topics: round.topics, tasks: [] })),
    [],
  );
  const view = kbView(core.kb, {
    kind: 'prep',
    title: 'Interview prep: what every role gets',
    description: `The ${rounds.length} rounds every role faces, and what makes a candidate stand out at the frontier labs. /prep with a role adds that role's own rounds.`,
    sections: [...rounds.map((round) => fullRound(core, { round, topics: round.topics, tasks: [] })), standOut(core)],
  });
  return { view, data };
}

function prepData(core: Core, role: Role | null, rounds: RoundForRole[], frontierTracks: Reference['frontierLabs']['tracks']): JsonData {
  const standOut = core.kb.reference.frontierLabs.standOut;
  return { kind: 'prep', role: role?.id ?? null, rounds: rounds.map(({ round, topics, tasks }) => ({ round, topics, tasks })), frontierTracks, standOut };
}

export const prep = defineCommand({
  name: 'prep',
  description: 'Interview prep for a role: the rounds, their topics, the take-home and what frontier labs ask',
  usage: '/prep [role]',
  examples: ['/prep AI Engineer', '/prep MLOps Engineer', '/prep research scientist', '/prep'],
  options: [{ name: 'role', kind: 'role', description: 'A role title, alias or abbreviation (leave out for the rounds of every role)', required: false }],
  input: z.object({ role: roleText.optional() }),
  parseText: (text) => ({ role: text }),
  run({ role: query }, core): CommandResult {
    if (query === undefined) return everyRoleView(core);
    const res = core.resolve(query);
    if (res.status !== 'found') return unresolvedAnswer(core, res, (r) => ({ command: 'prep', args: { role: roleRef(r) } }));
    const role = res.role;
    const extras = core.extras(role);
    // A round every role gets is summed up and linked, not repeated in full in every answer.
    const shared = extras.interviewRounds.filter((r) => r.round.summary && r.round.appliesTo.groups.includes('all'));
    const sections: Section[] = extras.interviewRounds.map((r) =>
      shared.includes(r) ? { heading: roundHeading(r.round), body: `${r.round.summary} /prep on its own shows it in full.` } : fullRound(core, r),
    );
    sections.push(...deepDiveLoop(core, role));
    const labs = core.kb.reference.frontierLabs.labs.join(', ');
    for (const track of extras.frontierTracks) {
      sections.push({ heading: `Frontier labs (${labs}): what they require for ${track.name.toLowerCase()}`, items: track.requirements });
    }
    sections.push(standOut(core));
    const span = layerSpan(role);
    const everyRole: Action = {
      type: 'button',
      label: shared.length === 1 ? `${shared[0]!.round.name} in full` : 'Rounds for every role',
      invoke: { command: 'prep', args: {} },
    };
    const view = kbView(core.kb, {
      kind: 'prep',
      title: `Interview prep: ${role.name}`,
      description: `The ${extras.interviewRounds.length} interview rounds that apply to ${role.name} (${layerLabel(core.kb, role.layer)}${span ? `, spanning ${span}` : ''})${extras.frontierTracks.length ? ', what the frontier labs require' : ''} and what makes a candidate stand out at them.`,
      sections,
      actions: [...(shared.length ? [everyRole] : []), ...careerActions(role, 'prep')],
    });
    return { view, data: prepData(core, role, extras.interviewRounds, extras.frontierTracks) };
  },
});
