import { DiscordAPIError, HTTPError, type REST } from '@discordjs/rest';
import { ChannelType, RESTJSONErrorCodes, Routes, type APIChannel, type APIMessage, type RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import {
  pacing,
  type LookupResult,
  type PostCheck,
  type PostedQuery,
  type PostOptions,
  type PostResult,
  type PostTarget,
  type SpotlightPoster,
  type ThreadResult,
  type ThreadStart,
} from '../../spotlight/poster.js';
import type { View } from '../../views/view.js';
import { renderForDiscord } from './render.js';

type Failure = Extract<PostResult, { ok: false }>;

/** Error codes that mean "stop posting here until a human fixes it". */
const DISCORD_PERMANENT_CODES: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/** Discord's epoch (2015-01-01T00:00:00Z): a snowflake is milliseconds since it, shifted left 22 bits. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** The smallest snowflake of `at`: the `after` bound of a message lookup starting then. */
function snowflakeAt(at: Date): string {
  const ms = BigInt(Math.max(0, at.getTime())) - DISCORD_EPOCH_MS;
  return (ms > 0n ? ms << 22n : 0n).toString();
}

/**
 * Discord's global limit is 50 requests/s per bot. The fan-out starts at most this many posts a
 * second, leaving headroom for interaction follow-ups and the gateway's own REST calls; the REST
 * queue still honours any 429 that slips through.
 */
export const DISCORD_SPOTLIGHT_PER_SECOND = 45;

/** Why a Discord request failed, as the spotlight acts on it. */
export function classifyDiscordError(error: unknown): Failure {
  if (error instanceof DiscordAPIError) {
    const what = `${error.message} (HTTP ${error.status}${error.code ? `, code ${error.code}` : ''})`;
    // Unknown Channel, Missing Access, Missing Permissions: the channel is gone or closed to the bot. 401/403/404 in general: retrying only adds to the invalid requests
    // Discord counts against the bot (and can ban it for), so none of them are retried.
    if ((typeof error.code === 'number' && DISCORD_PERMANENT_CODES.has(error.code)) || [401, 403, 404].includes(error.status)) {
      return { ok: false, kind: 'permanent', reason: what };
    }
    return { ok: false, kind: 'temporary', reason: what };
  }
  if (error instanceof HTTPError) return { ok: false, kind: 'temporary', reason: `Discord answered HTTP ${error.status}` };
  if (error instanceof Error && error.name === 'AbortError') return { ok: false, kind: 'temporary', reason: 'the request was aborted (timed out)' };
  return { ok: false, kind: 'temporary', reason: `could not reach Discord: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * Posts spotlights through the bot's REST client (@discordjs/rest): its queue and rate-limit handling (per-route
 * buckets, the global limit, Retry-After) do the pacing and waiting. The claim id goes out as
 * the message nonce with enforce_nonce, so a send retried after a crash or a timeout that had in
 * fact landed returns the first message instead of creating a second one.
 */
export class DiscordSpotlightPoster implements SpotlightPoster {
  readonly platform = 'discord' as const;
  readonly maxPerSecond: number | undefined;
  /** After a 401 the REST client drops the token; every later post would fail the same way. */
  private tokenRejected: string | undefined;
  /** The bot's user id, learnt on the first lookup (GET /users/@me). */
  private botId: string | undefined;

  constructor(
    private readonly rest: REST,
    opts: { maxPerSecond?: number | null } = {},
  ) {
    this.maxPerSecond = pacing(opts.maxPerSecond, DISCORD_SPOTLIGHT_PER_SECOND);
  }

  async post(target: PostTarget, view: View, claimId: string, { signal }: PostOptions): Promise<PostResult> {
    if (this.tokenRejected) return { ok: false, kind: 'permanent', reason: this.tokenRejected };
    const message = renderForDiscord(view, { target: 'channel' });
    const body: RESTPostAPIChannelMessageJSONBody = {
      embeds: message.embeds,
      components: message.components,
      allowed_mentions: { parse: [] },
      nonce: claimId,
      enforce_nonce: true,
    };
    try {
      const sent = (await this.rest.post(Routes.channelMessages(target.channelId), { body, signal })) as APIMessage;
      return { ok: true, messageId: sent.id };
    } catch (error) {
      const failure = classifyDiscordError(error);
      if (error instanceof DiscordAPIError && error.status === 401) this.tokenRejected = `Discord rejected the bot token: ${failure.reason}`;
      return failure;
    }
  }

  /**
   * Starts a thread on the post (POST /channels/{c}/messages/{m}/threads) and posts the opening
   * question in it. Discord allows one thread per message (error 160004 for a second), so a
   * thread a crashed run started is found on the message and completed, never doubled: it gets
   * the question unless the bot already wrote in it. Needs Create Public Threads and Send
   * Messages in Threads.
   */
  async openThread(target: PostTarget, start: ThreadStart, { signal }: PostOptions): Promise<ThreadResult> {
    if (this.tokenRejected) return { ok: false, kind: 'permanent', reason: this.tokenRejected };
    try {
      let threadId = start.recovering ? await this.threadOn(target, start.messageId, signal) : undefined;
      if (!threadId) {
        try {
          const body = { name: start.name, auto_archive_duration: 10080 };
          threadId = ((await this.rest.post(Routes.threads(target.channelId, start.messageId), { body, signal })) as APIChannel).id;
        } catch (error) {
          if (!(error instanceof DiscordAPIError && error.code === THREAD_ALREADY_CREATED)) throw error;
          threadId = await this.threadOn(target, start.messageId, signal);
          if (!threadId) throw error;
        }
      } else {
        this.botId ??= ((await this.rest.get(Routes.user('@me'), { signal })) as { id: string }).id;
        const inThread = (await this.rest.get(Routes.channelMessages(threadId), { query: new URLSearchParams({ limit: '50' }), signal })) as APIMessage[];
        if (inThread.some((m) => m.author.id === this.botId)) return { ok: true, threadId, found: true };
      }
      const message = renderForDiscord(start.view, { target: 'channel' });
      const body: RESTPostAPIChannelMessageJSONBody = { embeds: message.embeds, allowed_mentions: { parse: [] } };
      await this.rest.post(Routes.channelMessages(threadId), { body, signal });
      return { ok: true, threadId };
    } catch (error) {
      return classifyDiscordError(error);
    }
  }

  /** The thread started on a message, if any (the message's `thread` field). */
  private async threadOn(target: PostTarget, messageId: string, signal: AbortSignal): Promise<string | undefined> {
    const message = (await this.rest.get(Routes.channelMessage(target.channelId, messageId), { signal })) as APIMessage;
    return message.thread?.id;
  }

  /**
   * Discord remembers a nonce only for a few minutes, and does not keep it on the message: a
   * fetched message has no nonce. So before a recovered claim is sent again, look through the
   * channel's messages since the claim for the bot's own spotlight with this role's title. A
   * channel gets one spotlight a week, so that message is this claim's. A nonce, where one is
   * returned, is matched too.
   */
  async findPosted(target: PostTarget, query: PostedQuery, { signal }: PostOptions): Promise<LookupResult> {
    const title = renderForDiscord(query.view, { target: 'channel' }).embeds[0]?.title;
    try {
      this.botId ??= ((await this.rest.get(Routes.user('@me'), { signal })) as { id: string }).id;
      let after = snowflakeAt(query.since);
      for (let page = 0; page < LOOKUP_PAGES; page++) {
        const batch = (await this.rest.get(Routes.channelMessages(target.channelId), {
          query: new URLSearchParams({ after, limit: '100' }),
          signal,
        })) as APIMessage[];
        const hit = batch.find((m) => m.nonce === query.claimId || (m.author.id === this.botId && title !== undefined && m.embeds[0]?.title === title));
        if (hit) return { status: 'found', messageId: hit.id };
        if (batch.length < 100) return { status: 'absent' };
        // Newest first; the next page starts after the newest seen.
        after = batch.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
      }
      return { status: 'unknown', reason: `more than ${LOOKUP_PAGES * 100} messages since the claim` };
    } catch (error) {
      return { status: 'unknown', reason: classifyDiscordError(error).reason };
    }
  }
}

const LOOKUP_PAGES = 5;

/** "A thread has already been created for this message." */
const THREAD_ALREADY_CREATED = 160004;

const TEXT_CHANNELS: ReadonlySet<ChannelType> = new Set([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
  ChannelType.GuildVoice,
]);

/**
 * Outside an interaction (the CLI) there are no app permissions to read: GET /channels/{id}
 * says whether the channel exists and the bot can see it, and that it is a text channel of the
 * named server. Send Messages and Embed Links are confirmed by the first post: a missing one
 * pauses the channel with the reason.
 */
export async function checkDiscordChannel(rest: REST, target: PostTarget): Promise<PostCheck> {
  try {
    const channel = (await rest.get(Routes.channel(target.channelId))) as APIChannel;
    const guildId = 'guild_id' in channel ? channel.guild_id : undefined;
    if (guildId !== target.workspaceId) return { ok: false, reason: `Channel ${target.channelId} is not in server ${target.workspaceId}` };
    if (!TEXT_CHANNELS.has(channel.type)) return { ok: false, reason: `Channel ${target.channelId} is not a text channel` };
    return { ok: true };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel)
      return { ok: false, reason: 'Discord does not know this channel (Unknown Channel)' };
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingAccess)
      return { ok: false, reason: 'The bot cannot see this channel (Missing Access)' };
    return { ok: false, reason: classifyDiscordError(error).reason };
  }
}
