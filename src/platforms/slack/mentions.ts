import type { App, types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ThreadKey } from '../../store/store.js';
import { beginInteraction, commandContext, type SlackDeps } from './deps.js';
import { type MentionSyntax, parseMention } from './mention-parse.js';
import { uploadCharts } from './charts.js';
import { postView } from './post.js';
import { answerMention } from './thread.js';

export type MentionEvent = Pick<types.AppMentionEvent, 'text' | 'ts' | 'channel' | 'thread_ts' | 'user' | 'bot_id'>;

export interface MentionInput {
  eventId: string;
  teamId: string;
  event: MentionEvent;
  /** The bot's user id in this workspace (Bolt's context.botUserId). */
  botUserId?: string;
  /** X-Slack-Retry-Num, for the log. */
  retryNum?: number;
}

export function mentionSyntax(deps: SlackDeps, botUserId = deps.botUserId ?? ''): MentionSyntax {
  const compare = deps.dispatcher.find('compare');
  return {
    botUserId,
    commandNames: deps.dispatcher.commands.map((c) => c.name),
    isComparison: (text) => Object.values(compare?.parseText(text) ?? {}).filter((v) => typeof v === 'string' && v.trim()).length >= 2,
  };
}

/** Slack redelivers an event it thinks we missed; the event id says whether we already answered. */
async function firstTime(deps: SlackDeps, input: MentionInput): Promise<boolean> {
  try {
    if (await deps.store.events.firstSeen('slack', input.eventId)) return true;
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
  if (event.bot_id) return;
  if (!(await firstTime(deps, input))) return;
  const threadTs = event.thread_ts ?? event.ts;
  const key: ThreadKey = { platform: 'slack', workspaceId: input.teamId, channelId: event.channel, threadTs };
  // A mention without a user has no one to whisper to: a profile answer would be public.
  const ctx = commandContext(deps, client, { userId: event.user ?? '', channelId: event.channel, workspaceId: input.teamId }, Boolean(event.user));
  const rec = beginInteraction(deps, { id: input.eventId, kind: 'mention', command: 'mention' });
  try {
    const intent = parseMention(event.text ?? '', mentionSyntax(deps, input.botUserId ?? deps.botUserId));
    const reply = await answerMention(deps, intent, key, ctx);
    rec.result(reply);
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
