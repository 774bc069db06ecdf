import type { REST } from '@discordjs/rest';
import { MessageType, Routes } from 'discord-api-types/v10';
import * as z from 'zod';
import type { Dispatcher } from '../../app/dispatch.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Store } from '../../store/store.js';
import { InteractionLog } from '../shared/interactions.js';
import { QuestionDesk } from '../shared/questions.js';
import { renderForDiscord } from './render.js';
import { answersHere } from '../../../commands/settings-access.js';
import { discordMessageSettings } from './settings-access.js';

/**
 * Questions typed to the bot over the gateway: a message that mentions it in a guild channel,
 * and any message in a DM. Discord delivers the text of both without the privileged
 * MESSAGE_CONTENT intent (GUILD_MESSAGES and DIRECT_MESSAGES suffice), so the bot never reads
 * other conversations. Each goes through /ask with the conversation's context (a DM, or the
 * person's side of a channel) and is answered as a reply that pings nobody. HTTP-interactions
 * mode has no gateway and so no messages: there, /ask is the way to ask.
 */

/** What RoleCall reads of a MESSAGE_CREATE; anything else in the payload is ignored. */
const MessageCreate = z.object({
  id: z.string(),
  channel_id: z.string(),
  guild_id: z.string().optional(),
  type: z.number(),
  content: z.string(),
  author: z.object({ id: z.string(), bot: z.boolean().optional() }),
  webhook_id: z.string().optional(),
  mentions: z.array(z.object({ id: z.string() })).default([]),
});

export interface MessageHandlerOptions {
  dispatcher: Dispatcher;
  logger: Logger;
  metrics: Metrics;
  rest: REST;
  /** Where follow-up contexts live; without a store (tests, the CLI) follow-ups are not remembered. */
  store?: Store;
  /** The bot's own user id, once the gateway said it (READY). */
  botUserId(): string | undefined;
}

/** Handles one raw MESSAGE_CREATE. Never rejects. */
export type MessageHandler = (payload: unknown) => Promise<void>;

export function createMessageHandler(opts: MessageHandlerOptions): MessageHandler {
  const log = opts.logger.child({ platform: 'discord' });
  const interactions = new InteractionLog('discord', opts.logger, opts.metrics);
  const desk = new QuestionDesk({ dispatcher: opts.dispatcher, logger: log, ...(opts.store ? { memory: opts.store.conversations } : {}) });

  return async (payload) => {
    const parsed = MessageCreate.safeParse(payload);
    const botId = opts.botUserId();
    if (!parsed.success || !botId) return;
    const m = parsed.data;
    // Bots (RoleCall itself included) and webhooks are never answered: two bots cannot loop.
    if (m.author.bot || m.webhook_id || m.author.id === botId) return;
    if (m.type !== MessageType.Default && m.type !== MessageType.Reply) return;
    const dm = m.guild_id === undefined;
    if (!dm && !m.mentions.some((u) => u.id === botId)) return;
    const question = m.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
    const rec = interactions.begin({ id: m.id, kind: dm ? 'dm' : 'mention', command: 'ask' });
    const invoker = { userId: m.author.id, channelId: m.channel_id, ...(m.guild_id ? { workspaceId: m.guild_id } : {}) };
    const conversation = { platform: 'discord' as const, workspaceId: m.guild_id ?? '', conversationId: m.channel_id, userId: m.author.id };
    const settings = opts.store ? discordMessageSettings(m.guild_id, m.channel_id, opts.store.settings) : undefined;
    const ctx = interactions.context(invoker, undefined, settings ? { settings } : {});
    // Outside the channels /settings' answer_in lists, mentions get no answer (slash commands still do).
    if (!(await answersHere(ctx.settings))) {
      rec.set('not_this_channel');
      return rec.finish();
    }
    try {
      const asked = await desk.ask(conversation, question, ctx);
      if (asked.kind === 'silent') {
        rec.set('rate_limited');
        return rec.finish();
      }
      if (asked.kind === 'limited') rec.set('rate_limited');
      else rec.result(asked.result);
      const view = asked.kind === 'limited' ? asked.view : asked.result.view;
      await reply(opts.rest, m, renderForDiscord(view, { target: 'channel' }));
      rec.finish();
    } catch (error) {
      const failure = rec.fail(error);
      rec.finish();
      await reply(opts.rest, m, renderForDiscord(failure, { target: 'channel' })).catch((err: unknown) =>
        log.warn({ err, errorId: rec.errorId, channel: m.channel_id }, 'could not tell the user about a failure'),
      );
    }
  };
}

/** A reply to the message (no ping: allowed_mentions is empty, replied_user false); still sent if it was deleted meanwhile. */
async function reply(rest: REST, to: { id: string; channel_id: string }, body: ReturnType<typeof renderForDiscord>): Promise<void> {
  await rest.post(Routes.channelMessages(to.channel_id), {
    body: {
      ...body,
      allowed_mentions: { ...body.allowed_mentions, replied_user: false },
      message_reference: { message_id: to.id, fail_if_not_exists: false },
    },
  });
}
