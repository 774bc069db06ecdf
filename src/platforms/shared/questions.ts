import type { CommandContext } from '../../../commands/index.js';
import type { Dispatcher, DispatchResult } from '../../app/dispatch.js';
import { CONTEXT_KEPT_MS, keptContext, questionOf } from '../../app/question.js';
import type { Logger } from '../../observability/logger.js';
import { withDeadline } from '../../app/store-deadline.js';
import type { ConversationKey, ConversationStore } from '../../store/store.js';
import { notice } from '../../views/cards/notice.js';
import type { View } from '../../views/view.js';
import { QUESTION_RATE, type RateLimit, RateLimiter } from './rate-limit.js';

/**
 * Questions typed as plain text (a mention, a DM, the console) on every front end: the
 * conversation's context from the Store, /ask through the Dispatcher (the one route), the
 * context after the answer back into the Store, and the per-person rate limit. The question's
 * text is logged only at debug level; the front end's interaction line carries outcome and ids.
 */

/** Where a front end keeps contexts: the Store's conversations, or the console's memory. */
export type ConversationMemory = Pick<ConversationStore, 'get' | 'put'>;

export interface QuestionDeskOptions {
  dispatcher: Dispatcher;
  memory?: ConversationMemory;
  /** Absent for the console, which logs nothing. */
  logger?: Logger;
  /** Per person; off (undefined) for the console, where only its one user types. */
  rate?: RateLimit | false;
  now?: () => number;
}

export type QuestionAnswer =
  | { kind: 'answer'; result: DispatchResult }
  /** Over the rate limit for the first time this window: tell them, once. */
  | { kind: 'limited'; view: View }
  /** Over the limit again: say nothing, so a loop gets nothing to answer. */
  | { kind: 'silent' };

export function rateLimitView(retryInMs: number): View {
  const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
  return notice(
    'One moment, please',
    `That is ${QUESTION_RATE.max} questions in a minute, RoleCall's limit per person. Ask again in ${seconds} s; until then new questions are not answered.`,
    'warning',
    true,
  );
}

/** Contexts in this process's memory, expiring like the Store's: the console's, whose conversation is its session. */
export class MemoryConversations implements ConversationMemory {
  private readonly kept = new Map<string, { context: unknown; expiresAt: number }>();

  async get(key: ConversationKey, now: Date = new Date()): Promise<unknown> {
    const entry = this.kept.get(keyOf(key));
    return entry && entry.expiresAt > now.getTime() ? entry.context : undefined;
  }

  async put(key: ConversationKey, context: unknown, expiresAt: Date): Promise<void> {
    this.kept.set(keyOf(key), { context, expiresAt: expiresAt.getTime() });
  }
}

const keyOf = (k: ConversationKey) => JSON.stringify([k.platform, k.workspaceId, k.conversationId, k.userId]);

export class QuestionDesk {
  private readonly limiter: RateLimiter | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: QuestionDeskOptions) {
    this.now = opts.now ?? Date.now;
    this.limiter = opts.rate === false ? undefined : new RateLimiter(opts.rate ?? QUESTION_RATE, this.now);
  }

  /** Asks `question` in the conversation `key`; never throws for the Store (a follow-up just loses its context). */
  async ask(key: ConversationKey, question: string, ctx: CommandContext): Promise<QuestionAnswer> {
    const { logger, memory, dispatcher } = this.opts;
    const verdict = this.limiter?.take(`${key.platform}:${key.workspaceId}:${key.userId}`) ?? { kind: 'ok' };
    if (verdict.kind !== 'ok') {
      logger?.info({ platform: key.platform, team: key.workspaceId, user: key.userId, verdict: verdict.kind }, 'question over the rate limit');
      return verdict.kind === 'notice' ? { kind: 'limited', view: rateLimitView(verdict.retryInMs) } : { kind: 'silent' };
    }
    logger?.debug({ platform: key.platform, conversation: key.conversationId, question }, 'question text');
    const at = new Date(this.now());
    // Bounded: a stalled store costs the follow-up its context, never the answer its deadline.
    const read = memory ? withDeadline(memory.get(key, at)).catch((err: unknown) => this.warn(err, 'read')) : undefined;
    const previous = keptContext(await read);
    const result = await dispatcher.run('ask', { question }, { ...ctx, conversation: previous ? { previous } : {} });
    const next = questionOf(result)?.context;
    // Not awaited: the reply does not wait for the store (a failure is only logged).
    if (memory && next) void memory.put(key, next, new Date(next.at + CONTEXT_KEPT_MS)).catch((err: unknown) => this.warn(err, 'write'));
    return { kind: 'answer', result };
  }

  private warn(err: unknown, what: string): undefined {
    this.opts.logger?.warn({ err }, `could not ${what} the conversation's context; the question is answered without it`);
    return undefined;
  }
}
