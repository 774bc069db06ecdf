import type { KnowledgeBase } from '../../core/knowledge-base.js';
import { kbView } from '../format.js';
import type { Action, SelectOption, View } from '../view.js';

/**
 * The Views of /ask that are not another command's answer: a clarifying question whose
 * choices run the right command, the answer to a question RoleCall does not cover, and the
 * "not what you meant? pick again" select an answer ends with.
 */

/** Three questions that show what /ask understands; each is a button that asks it. */
export const EXAMPLE_QUESTIONS = [
  'How much do ML engineers make in India?',
  'AI engineer vs ML engineer: which is better for a fresher?',
  "I'm a data scientist and want to become an ML engineer",
] as const;

/** A select takes at most 25 options on every platform; buttons at most 5 to a row, 80 characters a label. */
const SELECT_SIZE = 25;
const MAX_BUTTONS = 5;

function choiceActions(choices: readonly SelectOption[], placeholder: string): Action[] {
  if (choices.length <= MAX_BUTTONS && choices.every((c) => c.label.length <= 80)) {
    return choices.map((c, i) => ({ type: 'button', label: c.label, invoke: c.invoke, ...(i === 0 ? { style: 'primary' as const } : {}) }));
  }
  const out: Action[] = [];
  for (let i = 0; i < choices.length; i += SELECT_SIZE) out.push({ type: 'select', placeholder, options: choices.slice(i, i + SELECT_SIZE) });
  return out;
}

export function clarifyView(kb: KnowledgeBase, q: { prompt: string; understood: string; choices: readonly SelectOption[]; note?: string }): View {
  return kbView(kb, {
    kind: 'clarify',
    understood: q.understood,
    title: q.prompt,
    description: `${q.note ? `${q.note} ` : ''}${q.choices.length ? 'RoleCall would rather ask than guess. Pick what you meant, or ask again in other words.' : 'Ask again in other words.'}`,
    actions: choiceActions(q.choices, 'Pick what you meant'),
    tone: 'info',
    private: true,
  });
}

export function outOfScopeView(kb: KnowledgeBase, understood: string): View {
  return kbView(kb, {
    kind: 'out_of_scope',
    understood,
    title: 'RoleCall answers questions about AI careers',
    description:
      `It knows ${kb.roles.length} GenAI roles: what each one does, pay in the US and India, skills, career paths, ` +
      'interview prep, certifications, portfolio projects and companies. Ask about one of those, for example:',
    sections: [{ heading: 'Try asking', items: [...EXAMPLE_QUESTIONS] }],
    actions: [
      ...EXAMPLE_QUESTIONS.map(
        (question): Action => ({
          type: 'button',
          label: question.length > 80 ? `${question.slice(0, 79)}…` : question,
          invoke: { command: 'ask', args: { question } },
        }),
      ),
      { type: 'button', label: 'All commands', invoke: { command: 'help', args: {} } },
    ],
    tone: 'info',
    private: true,
  });
}

/** The select an answered question ends with, when it had other readings. */
export function pickAgainActions(alternatives: readonly SelectOption[]): Action[] {
  return alternatives.length ? [{ type: 'select', placeholder: 'Not what you meant? Pick again', options: alternatives.slice(0, SELECT_SIZE) }] : [];
}
