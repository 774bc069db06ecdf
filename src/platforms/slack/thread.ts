import { type FollowUpWords, type Refinement, refineComparison } from '../../../commands/compare-follow-up.js';
import type { CommandContext } from '../../../commands/index.js';
import type { DispatchResult } from '../../app/dispatch.js';
import type { RoleId } from '../../core/index.js';
import type { ThreadComparison, ThreadKey } from '../../store/store.js';
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
  if (step.adopt && state && compared?.kind === 'comparison') await deps.store.threads.put(key, { roles: compared.roles, market: state.market });
  return answer(step.command, results);
}

/** Answers a mention in a thread: a new comparison, a follow-up to the thread's one, or a command. */
export async function answerMention(deps: SlackDeps, intent: MentionIntent, key: ThreadKey, ctx: CommandContext): Promise<ThreadAnswer> {
  if (intent.kind === 'command') {
    return answer(intent.name, [await deps.dispatcher.runText(intent.name, intent.text, ctx)]);
  }
  if (intent.kind === 'compare') {
    const result = await deps.dispatcher.runText('compare', intent.text, ctx);
    if (result.data?.kind === 'comparison') await rememberComparison(deps, key, result.data.roles);
    return answer('compare', [result]);
  }
  const state = await deps.store.threads.get(key);
  return follow(deps, key, state, refineComparison(deps.dispatcher.core, state, intent, THREAD_WORDS), ctx);
}
