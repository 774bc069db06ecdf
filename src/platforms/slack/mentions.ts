import type { App, types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { withDeadline } from '../../app/store-deadline.js';
import type { ThreadKey } from '../../store/store.js';
import { answersHere } from '../../../commands/settings-access.js';
import { beginInteraction, commandContext, type SlackDeps } from './deps.js';
import { type MentionSyntax, mentionQuestion, parseMention } from './mention-parse.js';
import { uploadCharts } from './charts.js';
import { postView } from './post.js';
import { answerMention, threadConversation } from './thread.js';

export type MentionEvent = Pick<types.AppMentionEvent, 'text' | 'ts' | 'channel' | 'thread_ts' | 'user' | 'bot_id'> & { subtype?: string };

export interface MentionInput {
  eventId: string;
  teamId: string;
  event: MentionEvent;
  /** The bot's user id in this workspace (Bolt's context.botUserId). */
  botUserId?: string;
  /** X-Slack-Retry-Num, for the log. */
  retryNum?: number;
}

/**
 * How a mention reads here. "A vs B" is /compare only when every part names one role exactly;
 * "mle vs ai engineer which is better for a fresher" is a question, for /ask to understand.
 */
export function mentionSyntax(deps: SlackDeps, botUserId = deps.botUserId ?? ''): MentionSyntax {
  const compare = deps.dispatcher.find('compare');
  const { core } = deps.dispatcher;
  const parts = (text: string) => Object.values(compare?.parseText(text) ?? {}).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return {
    botUserId,
    commandNames: deps.dispatcher.commands.map((c) => c.name),
    isComparison: (text) => {
      const names = parts(text);
      return names.length >= 2 && names.every((p) => core.resolve(p).status === 'found');
    },
    hasParts: (text) => parts(text).length >= 2,
  };
}

/** Messages from bots (another app, a workflow, RoleCall itself) are never answered: two bots cannot loop. */
export function fromABot(event: { bot_id?: string; subtype?: string; user?: string }, botUserId?: string): boolean {
  return Boolean(event.bot_id) || event.subtype === 'bot_message' || !event.user || (botUserId !== undefined && event.user === botUserId);
}

/** Slack redelivers an event it thinks we missed; the event id says whether we already answered. */
export async function firstTime(deps: SlackDeps, input: { eventId: string; retryNum?: number }): Promise<boolean> {
  try {
    // Bounded like the answer's other reads: a stalled store must not hold the reply.
    if (await withDeadline(deps.store.events.firstSeen('slack', input.eventId))) return true;
    deps.logger.info({ id: input.eventId, retryNum: input.retryNum, platform: 'slack' }, 'duplicate slack event ignored');
    return false;
  } catch (err) {
    // Without the log we cannot tell; answering twice beats not answering.
    deps.logger.warn({ err, id: input.eventId }, 'event log unavailable; answering anyway');
    return true;
  }
}

/** Answers "@RoleCall …" in the mention's thread (or starts one on the mention). */
export async function handleMention(deps: SlackDeps, client: WebClient, input: MentionInput): Promise<void> {
  const { event } = input;
  // Other bots mentioning RoleCall could start a reply loop.
  if (fromABot(event, input.botUserId ?? deps.botUserId)) return;
  if (!(await firstTime(deps, input))) return;
  const threadTs = event.thread_ts ?? event.ts;
  const key: ThreadKey = { platform: 'slack', workspaceId: input.teamId, channelId: event.channel, threadTs };
  // A mention without a user has no one to whisper to: a profile answer would be public.
  const ctx = commandContext(deps, client, { userId: event.user ?? '', channelId: event.channel, workspaceId: input.teamId }, Boolean(event.user));
  const rec = beginInteraction(deps, { id: input.eventId, kind: 'mention', command: 'mention' });
  // Outside the channels /settings' answer_in lists, mentions get no answer (slash commands still do).
  if (!(await answersHere(ctx.settings))) {
    rec.set('not_this_channel');
    return rec.finish();
  }
  try {
    const botUserId = input.botUserId ?? deps.botUserId ?? '';
    const intent = parseMention(event.text ?? '', mentionSyntax(deps, botUserId));
    const question = mentionQuestion(event.text ?? '', botUserId);
    const reply = await answerMention(deps, intent, key, ctx, { question, conversation: threadConversation(key, event.user ?? '') });
    rec.result(reply);
    // Over the rate limit again: nothing to say (a loop gets nothing to answer).
    if (reply.views.length === 0) return rec.finish();
    // Private answers (help, "no such role") go only to the asker, still in the thread.
    const ephemeralTo = reply.views.every((v) => v.private) ? event.user : undefined;
    await postView(client, event.channel, reply.views, { threadTs, ...(ephemeralTo ? { ephemeralTo } : {}) });
    rec.finish();
    // Charts follow the text into the thread; a private answer stays text only (files are public).
    if (!ephemeralTo) await uploadCharts(deps, client, event.channel, reply.views, threadTs);
  } catch (error) {
    const failure = rec.fail(error);
    rec.finish();
    if (!event.user) return;
    await postView(client, event.channel, failure, { threadTs, ephemeralTo: event.user }).catch((err: unknown) =>
      deps.logger.warn({ err, errorId: rec.errorId }, 'could not tell the user about a failure'),
    );
  }
}

export function registerMentions(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    await handleMention(deps, client, {
      eventId: body.event_id,
      teamId: body.team_id ?? context.teamId ?? deps.teamId ?? '',
      event,
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
      ...(typeof context.retryNum === 'number' ? { retryNum: context.retryNum } : {}),
    });
  });
}
