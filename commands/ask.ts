import * as z from 'zod';
import { defineCommand, type CommandResult } from './command.js';
import { type AskContext, AskContext as AskContextSchema, CONTEXT_TTL_MS, contextAfter, understanding } from '../src/understand/index.js';
import { clarifyView, EXAMPLE_QUESTIONS, outOfScopeView, pickAgainActions } from '../src/views/cards/question.js';

/** The longest question accepted; only its first 500 characters are read (src/understand/text.ts). */
export const MAX_QUESTION_LENGTH = 40_000;

/**
 * /ask: a question in plain words. The understanding turns it into another command's call,
 * which the Dispatcher runs in its place (a redirect), or into a clarifying question, or says
 * what RoleCall covers. The result's data carries the understanding and the follow-up context.
 */
export const ask = defineCommand({
  name: 'ask',
  description: 'Ask in your own words: pay, comparisons, career paths, skills, interview prep and more',
  usage: '/ask <question>',
  examples: [`/ask ${EXAMPLE_QUESTIONS[0]}`, `/ask ${EXAMPLE_QUESTIONS[1]}`, `/ask ${EXAMPLE_QUESTIONS[2]}`],
  options: [{ name: 'question', kind: 'text', description: 'Your question, in your own words', required: true, maxLength: 4000 }],
  input: z.object({
    question: z
      .string({ error: 'ask a question, e.g. "how much do ML engineers make in India?"' })
      .max(MAX_QUESTION_LENGTH, `a question is at most ${MAX_QUESTION_LENGTH.toLocaleString('en-US')} characters`),
  }),
  parseText: (text) => ({ question: text }),
  run({ question }, core, ctx): CommandResult {
    const now = Date.now();
    const u = understanding(core).understand(question, ctx.conversation?.previous, now);
    const context = contextAfter(u, now);
    const data = { kind: 'question' as const, understanding: u, ...(context ? { context } : {}) };
    if (u.status === 'answered') return { redirect: u.invocation, understood: u.understood, actions: pickAgainActions(u.alternatives), data };
    if (u.status === 'clarify') return { view: clarifyView(core.kb, u), data };
    return { view: outOfScopeView(core.kb, u.understood), data };
  },
});

/** How long a front end keeps a conversation's context: a follow-up after that is a new question. */
export const CONTEXT_KEPT_MS = CONTEXT_TTL_MS;

/** A context a front end kept (the Store's JSON), if it is still one this version reads; anything else is no context. */
export function keptContext(json: unknown): AskContext | undefined {
  const parsed = AskContextSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
