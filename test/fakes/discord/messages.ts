import type { APIDMChannel, APIMessage, APIUser } from 'discord.js';
import { botMessage } from './payloads.js';
import { snowflake } from './snowflake.js';

/**
 * Messages people send, as the gateway delivers them (MESSAGE_CREATE), under Discord's intent
 * rules: a guild message only with GUILD_MESSAGES, a DM only with DIRECT_MESSAGES; without the
 * privileged MESSAGE_CONTENT intent, `content` (and embeds, attachments, components) is empty
 * except in DMs, in messages that mention the bot, and in the bot's own messages.
 */
export const INTENTS = { Guilds: 1 << 0, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 } as const;

export interface UserMessageFields {
  content: string;
  author: APIUser;
  channelId: string;
  /** Absent for a DM. */
  guildId?: string;
  /** Users the message mentions (Discord lists them in `mentions`). */
  mentions?: APIUser[];
  mentionEveryone?: boolean;
  webhookId?: string;
}

/** The MESSAGE_CREATE the gateway would send to a bot with these intents, or undefined when it sends none. */
export function messageCreate(intents: number, bot: APIUser, f: UserMessageFields): (APIMessage & { guild_id?: string }) | undefined {
  const dm = f.guildId === undefined;
  if (!(intents & (dm ? INTENTS.DirectMessages : INTENTS.GuildMessages))) return undefined;
  const mentionsBot = (f.mentions ?? []).some((u) => u.id === bot.id);
  const readable = dm || mentionsBot || f.author.id === bot.id || (intents & INTENTS.MessageContent) !== 0;
  const message = botMessage(f.channelId, f.author, {
    content: readable ? f.content : '',
    mentions: f.mentions ?? [],
    mention_everyone: f.mentionEveryone ?? false,
    ...(f.webhookId ? { webhook_id: f.webhookId } : {}),
  });
  return { ...message, ...(f.guildId ? { guild_id: f.guildId } : {}) };
}

export function dmChannel(recipient: APIUser): APIDMChannel {
  return { id: snowflake(), type: 1, name: null, recipients: [recipient], last_message_id: null, flags: 0 as APIDMChannel['flags'] };
}
