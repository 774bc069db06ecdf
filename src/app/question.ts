import type { CommandData } from '../../commands/index.js';
import type { DispatchResult } from './dispatch.js';

export { CONTEXT_KEPT_MS, keptContext } from '../../commands/ask.js';

export type QuestionData = Extract<CommandData, { kind: 'question' }>;

/**
 * What /ask understood, from its result: its own data after a clarifying question or an
 * out-of-scope answer, or the redirect's (`via`) when another command answered.
 */
export function questionOf(result: DispatchResult): QuestionData | undefined {
  if (result.data?.kind === 'question') return result.data;
  return result.via?.data.kind === 'question' ? result.via.data : undefined;
}
