import { type App, Assistant } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ConversationKey } from '../../store/store.js';
import { EXAMPLE_QUESTIONS } from '../../views/cards/question.js';
import { uploadCharts } from './charts.js';
import { beginInteraction, commandContext, type SlackDeps } from './deps.js';
import { mentionQuestion } from './mention-parse.js';
import { firstTime, fromABot } from './mentions.js';
import { postView } from './post.js';

/**
 * Direct messages to RoleCall (message.im): every message is a question in plain words, through
 * /ask with the conversation's context. A DM is its conversation; a thread in it (the app's
 * Messages tab opens one per chat, Slack's "AI app" surface) is one of its own. The Messages tab
 * offers three example questions as suggested prompts (assistant.threads.setSuggestedPrompts)
 * when someone opens a new chat with the app.
 */

export interface DirectMessageEvent {
  text?: string;
  ts: string;
  channel: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
}

export interface DirectMessageInput {
  eventId: string;
  teamId: string;
  event: DirectMessageEvent;
  botUserId?: string;
  retryNum?: number;
}

export async function handleDirectMessage(deps: SlackDeps, client: WebClient, input: DirectMessageInput): Promise<void> {
  const { event } = input;
  const botUserId = input.botUserId ?? deps.botUserId ?? '';
  // RoleCall's own answers arrive here too (message.im), as do other bots' and edits (subtypes).
  if (fromABot(event, botUserId) || event.subtype !== undefined || !event.user) return;
  if (!(await firstTime(deps, input))) return;
  const conversation: ConversationKey = {
    platform: 'slack',
    workspaceId: input.teamId,
    conversationId: event.thread_ts ? `${event.channel}/${event.thread_ts}` : event.channel,
    userId: event.user,
  };
  const ctx = commandContext(deps, client, { userId: event.user, channelId: event.channel, workspaceId: input.teamId });
  const rec = beginInteraction(deps, { id: input.eventId, kind: 'dm', command: 'ask' });
  const where = event.thread_ts ? { threadTs: event.thread_ts } : {};
  try {
    const asked = await deps.questions.ask(conversation, mentionQuestion(event.text ?? '', botUserId), ctx);
    if (asked.kind === 'silent') {
      rec.set('rate_limited');
      return rec.finish();
    }
    if (asked.kind === 'limited') rec.set('rate_limited');
    else rec.result(asked.result);
    const views = [asked.kind === 'limited' ? asked.view : asked.result.view];
    // A DM is seen by the asker alone: "private" answers are posted as they are.
    await postView(client, event.channel, views, where);
    rec.finish();
    await uploadCharts(deps, client, event.channel, views, event.thread_ts);
  } catch (error) {
    const failure = rec.fail(error);
    rec.finish();
    await postView(client, event.channel, failure, where).catch((err: unknown) =>
      deps.logger.warn({ err, errorId: rec.errorId }, 'could not tell the user about a failure'),
    );
  }
}

/** The suggested prompts of a new chat on the Messages tab: the example questions, as Slack takes them (at most 4). */
export const SUGGESTED_PROMPTS = {
  title: 'Try asking',
  prompts: EXAMPLE_QUESTIONS.map((q) => ({ title: q.length > 60 ? `${q.slice(0, 59)}…` : q, message: q })),
};

export function registerDirectMessages(app: App, deps: SlackDeps): void {
  const input = (
    body: { event_id: string; team_id?: string },
    event: DirectMessageEvent,
    context: { teamId?: string; botUserId?: string; retryNum?: number },
  ) => ({
    eventId: body.event_id,
    teamId: body.team_id ?? context.teamId ?? deps.teamId ?? '',
    event,
    ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    ...(typeof context.retryNum === 'number' ? { retryNum: context.retryNum } : {}),
  });
  // The Messages tab's chats: Bolt's Assistant takes their events (threads in the DM) before the listener below.
  app.assistant(
    new Assistant({
      // RoleCall does not read which channel the person is looking at: no context to keep.
      threadContextStore: { get: async () => ({}), save: async () => undefined },
      threadStarted: async ({ setSuggestedPrompts, logger }) => {
        await setSuggestedPrompts(SUGGESTED_PROMPTS).catch((err: unknown) => logger.warn(`suggested prompts not set: ${(err as Error).message}`));
      },
      userMessage: async ({ event, body, client, context }) => {
        await handleDirectMessage(deps, client, input(body, event as DirectMessageEvent, context));
      },
    }),
  );
  app.event('message', async ({ event, body, client, context }) => {
    if (event.channel_type !== 'im') return;
    await handleDirectMessage(deps, client, input(body, event as DirectMessageEvent, context));
  });
}
