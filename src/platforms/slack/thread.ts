import { type FollowUpWords, type Refinement, refineComparison } from '../../../commands/compare-follow-up.js';
import type { CommandContext } from '../../../commands/index.js';
import type { DispatchResult } from '../../app/dispatch.js';
import type { RoleId } from '../../core/index.js';
import { withDeadline } from '../../app/store-deadline.js';
import type { ConversationKey, ThreadComparison, ThreadKey } from '../../store/store.js';
import type { View } from '../../views/view.js';
import type { SlackDeps } from './deps.js';
import type { MentionIntent } from './mention-parse.js';

/** The answer to a mention: one or more Views, and how it went (for the metric and log). */
export interface ThreadAnswer {
  command: string;
  views: View[];
  outcome: DispatchResult['outcome'];
  errorId?: string;
  error?: unknown;
}

/** How a thread's follow-ups are typed, for the hints in /compare's follow-up answers. */
const THREAD_WORDS: FollowUpWords = { place: 'thread', say: (words) => `"@RoleCall ${words}"`, start: 'with a mention such as' };

function answer(command: string, results: DispatchResult[]): ThreadAnswer {
  const failed = results.find((r) => r.outcome === 'error') ?? results.find((r) => r.outcome !== 'ok');
  return {
    command,
    views: results.map((r) => r.view),
    outcome: failed?.outcome ?? 'ok',
    ...(failed?.errorId ? { errorId: failed.errorId, error: failed.error } : {}),
  };
}

/** Remembers a thread's comparison in the background: the reply does not wait for the store (a failure is only logged). */
function keepInBackground(deps: SlackDeps, key: ThreadKey, roles: readonly RoleId[]): void {
  void rememberComparison(deps, key, roles).catch((err: unknown) => deps.logger.warn({ err }, "could not keep the thread's comparison"));
}

/** Remembers a comparison the compare command made (its result's data) for the thread, so later mentions refine it. */
export async function rememberComparison(deps: SlackDeps, key: ThreadKey, roles: readonly RoleId[]): Promise<void> {
  const previous = await deps.store.threads.get(key);
  await deps.store.threads.put(key, { roles: [...roles], market: previous?.market ?? 'both' });
}

/** Stores and runs what /compare's follow-up rules asked for (commands/compare-follow-up.ts). */
async function follow(deps: SlackDeps, key: ThreadKey, state: ThreadComparison | undefined, step: Refinement, ctx: CommandContext): Promise<ThreadAnswer> {
  if (step.keep) await deps.store.threads.put(key, step.keep);
  if (step.kind === 'answer') return { command: step.command, views: [step.view], outcome: step.ok ? 'ok' : 'invalid' };
  const results = await Promise.all(step.runs.map((run) => deps.dispatcher.runInvocation(run, ctx)));
  const compared = results[0]?.data;
  if (step.adopt && state && compared?.kind === 'comparison')
    await deps.store.threads.put(key, { roles: compared.roles.map((r) => r.id), market: state.market });
  return answer(step.command, results);
}

/** The asker's side of the thread, where /ask keeps their last question for follow-ups. */
export function threadConversation(key: ThreadKey, userId: string): ConversationKey {
  return { platform: 'slack', workspaceId: key.workspaceId, conversationId: `${key.channelId}/${key.threadTs}`, userId };
}

/**
 * A question in plain words, through /ask with the conversation's context. A comparison it
 * answers becomes the thread's, so "add MLOps" and "drop the second" refine it as they refine
 * "@RoleCall A vs B". Over the rate limit: one notice, then no answer at all (`views` empty).
 */
export async function answerQuestion(
  deps: SlackDeps,
  key: ThreadKey,
  conversation: ConversationKey,
  question: string,
  ctx: CommandContext,
): Promise<ThreadAnswer> {
  const asked = await deps.questions.ask(conversation, question, ctx);
  if (asked.kind === 'silent') return { command: 'ask', views: [], outcome: 'ok' };
  if (asked.kind === 'limited') return { command: 'ask', views: [asked.view], outcome: 'invalid' };
  const { result } = asked;
  if (result.data?.kind === 'comparison')
    keepInBackground(
      deps,
      key,
      result.data.roles.map((r) => r.id),
    );
  return answer(result.command, [result]);
}

/**
 * Answers a mention in a thread: a new comparison, a follow-up to the thread's one, a command,
 * or a question. A follow-up word ("add X") in a thread with no comparison, from someone whose
 * last question there is still fresh, is a follow-up to that question instead.
 */
export async function answerMention(
  deps: SlackDeps,
  intent: MentionIntent,
  key: ThreadKey,
  ctx: CommandContext,
  asked: { question: string; conversation: ConversationKey },
): Promise<ThreadAnswer> {
  if (intent.kind === 'ask') return answerQuestion(deps, key, asked.conversation, asked.question, ctx);
  if (intent.kind === 'command') {
    return answer(intent.name, [await deps.dispatcher.runText(intent.name, intent.text, ctx)]);
  }
  if (intent.kind === 'compare') {
    const result = await deps.dispatcher.runText('compare', intent.text, ctx);
    if (result.data?.kind === 'comparison')
      keepInBackground(
        deps,
        key,
        result.data.roles.map((r) => r.id),
      );
    return answer('compare', [result]);
  }
  // Bounded: past the budget a follow-up word reads as in a thread with no comparison yet.
  const state = await withDeadline(deps.store.threads.get(key)).catch((err: unknown) => {
    deps.logger.warn({ err }, "could not read the thread's comparison; answering without it");
    return undefined;
  });
  if (!state && (await withDeadline(deps.store.conversations.get(asked.conversation)).catch(() => undefined)) !== undefined) {
    return answerQuestion(deps, key, asked.conversation, asked.question, ctx);
  }
  return follow(deps, key, state, refineComparison(deps.dispatcher.core, state, intent, THREAD_WORDS), ctx);
}
