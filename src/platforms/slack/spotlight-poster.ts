import { ErrorCode, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import type { Env } from '../../config/env.js';
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
import { classifySlackError, field, postView, SLACK_CHANNEL_ERRORS } from './post.js';

/**
 * chat.postMessage allows about one message per second per channel, under a workspace-wide
 * limit Slack does not publish ("several hundred a minute"). A fan-out touches each channel
 * once, so only the workspace limit matters: this pace keeps well inside it.
 */
export const SLACK_SPOTLIGHT_PER_SECOND = 10;

/**
 * The client spotlight posts go through. Slack has no idempotency key, so a retry the library
 * made on its own after our attempt had timed out would be a second post nobody sees coming.
 * Retries are therefore left to the spotlight's one bounded policy (4 attempts, backoff,
 * Retry-After from the RateLimitedError), which knows the attempt deadline and shutdown; the
 * HTTP timeout sits below the 10 s attempt timeout so the client gives up first.
 */
export function spotlightSlackClient(env: Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>, logger?: SlackLogger, token = env.SLACK_BOT_TOKEN): WebClient {
  if (!token) throw new Error('SLACK_BOT_TOKEN is not set');
  return new WebClient(token, {
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 8_000,
    ...(logger ? { logger } : {}),
  });
}

/** The client that posts to a workspace: the one token's, or the installing workspace's own. */
export type SlackClientFor = (workspaceId: string) => Promise<WebClient | undefined>;

/**
 * "Add to Slack" mode: each workspace's spotlight goes out with its own bot token, looked up
 * in the installation store. One client per token, so a re-install (a new token) gets a new one.
 */
export function installedWorkspaceClients(
  botToken: (workspaceId: string) => Promise<string | undefined>,
  makeClient: (token: string) => WebClient,
): SlackClientFor {
  const clients = new Map<string, WebClient>();
  return async (workspaceId) => {
    const token = await botToken(workspaceId);
    if (!token) return undefined;
    let client = clients.get(token);
    if (!client) {
      client = makeClient(token);
      clients.set(token, client);
      // Bounded: a fan-out touches each workspace once a week; old tokens need not linger.
      if (clients.size > 5_000) clients.delete(clients.keys().next().value!);
    }
    return client;
  };
}

/** Why a post failed, as the spotlight acts on it: the channel's own errors are permanent. */
export function classifySpotlightSlackError(error: unknown): Extract<PostResult, { ok: false }> {
  const failure = classifySlackError(error);
  // The channel's own errors mean "stop posting here until a human fixes it".
  if (SLACK_CHANNEL_ERRORS.has(failure.code)) return { ok: false, kind: 'permanent', reason: `Slack: ${failure.code}` };
  // rejectRateLimitedCalls hands the 429 back with Slack's Retry-After (seconds); the sender waits it out.
  const retryAfter = field(error, 'code') === ErrorCode.RateLimitedError ? Number(field(error, 'retryAfter')) : NaN;
  const reason = failure.kind === 'rate_limited' ? 'Slack: rate limited (429)' : `Slack: ${failure.code}`;
  return { ok: false, kind: 'temporary', reason, ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}) };
}

/**
 * Posts spotlights with chat.postMessage: Block Kit from the same View, every string escaped
 * (postView), link names and unfurls off, so nothing in a spotlight can notify anyone.
 */
export class SlackSpotlightPoster implements SpotlightPoster {
  readonly platform = 'slack' as const;
  readonly maxPerSecond: number | undefined;

  private readonly clientFor: SlackClientFor;

  /** `client`: one workspace's client, or a lookup of each workspace's own ("Add to Slack"). */
  constructor(client: WebClient | SlackClientFor, opts: { maxPerSecond?: number | null } = {}) {
    this.clientFor = typeof client === 'function' ? client : async () => client;
    this.maxPerSecond = pacing(opts.maxPerSecond, SLACK_SPOTLIGHT_PER_SECOND);
  }

  async post(target: PostTarget, view: View, claimId: string, { signal }: PostOptions): Promise<PostResult> {
    // The WebClient takes no AbortSignal; at least do not start a post that was already cancelled.
    if (signal.aborted) return { ok: false, kind: 'temporary', reason: 'aborted before sending' };
    try {
      const client = await this.clientFor(target.workspaceId);
      // The workspace removed RoleCall: its subscriptions are paused, and this one with them.
      if (!client) return { ok: false, kind: 'permanent', reason: 'RoleCall is not installed in this Slack workspace' };
      // The claim id rides along as message metadata, so a recovering run can find this post.
      const metadata = { event_type: SPOTLIGHT_EVENT_TYPE, event_payload: { claim_id: claimId } };
      const sent = await postView(client, target.channelId, view, { metadata });
      if (!sent.ts) return { ok: false, kind: 'temporary', reason: 'Slack accepted the post without a message ts' };
      return { ok: true, messageId: sent.ts };
    } catch (error) {
      return classifySpotlightSlackError(error);
    }
  }

  /**
   * A Slack thread is the replies to the post: its first reply (thread_ts = the post's ts)
   * opens it. Recovering, conversations.replies says whether that reply (found by the claim id
   * in its metadata) is there already.
   */
  async openThread(target: PostTarget, start: ThreadStart, { signal }: PostOptions): Promise<ThreadResult> {
    if (signal.aborted) return { ok: false, kind: 'temporary', reason: 'aborted before sending' };
    try {
      const client = await this.clientFor(target.workspaceId);
      if (!client) return { ok: false, kind: 'permanent', reason: 'RoleCall is not installed in this Slack workspace' };
      if (start.recovering) {
        const res = await client.conversations.replies({ channel: target.channelId, ts: start.messageId, include_all_metadata: true, limit: 200 });
        const hit = res.messages?.find(
          (m) => m.ts !== start.messageId && m.metadata?.event_type === SPOTLIGHT_THREAD_EVENT_TYPE && claimIdOf(m.metadata.event_payload) === start.claimId,
        );
        if (hit?.ts) return { ok: true, threadId: hit.ts, found: true };
      }
      const metadata = { event_type: SPOTLIGHT_THREAD_EVENT_TYPE, event_payload: { claim_id: start.claimId } };
      const sent = await postView(client, target.channelId, start.view, { metadata, threadTs: start.messageId });
      if (!sent.ts) return { ok: false, kind: 'temporary', reason: 'Slack accepted the reply without a message ts' };
      return { ok: true, threadId: sent.ts };
    } catch (error) {
      return classifySpotlightSlackError(error);
    }
  }

  /**
   * Slack has no idempotency key: before a recovered claim (or a retry after an unanswered
   * attempt) is posted again, look for a message carrying its claim id in its metadata among
   * the channel's messages since the claim was made. conversations.history needs
   * channels:history (public channels) or groups:history (private ones); without it the answer
   * is "unknown" and the spotlight is posted anyway.
   */
  async findPosted(target: PostTarget, query: PostedQuery, { signal }: PostOptions): Promise<LookupResult> {
    let cursor: string | undefined;
    try {
      const client = await this.clientFor(target.workspaceId);
      if (!client) return { status: 'unknown', reason: 'RoleCall is not installed in this Slack workspace' };
      for (let page = 0; page < LOOKUP_PAGES; page++) {
        if (signal.aborted) return { status: 'unknown', reason: 'the lookup timed out' };
        const res = await client.conversations.history({
          channel: target.channelId,
          oldest: (query.since.getTime() / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        const hit = res.messages?.find((m) => m.metadata?.event_type === SPOTLIGHT_EVENT_TYPE && claimIdOf(m.metadata.event_payload) === query.claimId);
        if (hit?.ts) return { status: 'found', messageId: hit.ts };
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!res.has_more || !cursor) return { status: 'absent' };
      }
      return { status: 'unknown', reason: `more than ${LOOKUP_PAGES * 200} messages since the claim` };
    } catch (error) {
      return { status: 'unknown', reason: `conversations.history: ${classifySlackError(error).code}` };
    }
  }
}

/** The metadata event type on a spotlight thread's first reply; its payload is `{ claim_id }`. */
export const SPOTLIGHT_THREAD_EVENT_TYPE = 'rolecall_spotlight_thread';

/** The metadata event type on spotlight posts; its payload is `{ claim_id }`. */
export const SPOTLIGHT_EVENT_TYPE = 'rolecall_spotlight';
const LOOKUP_PAGES = 5;

/** The library types event_payload as `{}`; read our one field without trusting its shape. */
function claimIdOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null && 'claim_id' in payload ? payload.claim_id : undefined;
}

/**
 * Can the bot post here? With only chat:write there is no read of membership; an ephemeral
 * message to a member of the channel is the same membership test chat.postMessage makes, seen
 * by that one person only, and it needs no further scope.
 */
export async function slackCanPost(client: WebClient, channelId: string, userId: string): Promise<PostCheck> {
  try {
    await client.chat.postEphemeral({ channel: channelId, user: userId, text: 'RoleCall can post in this channel.' });
    return { ok: true };
  } catch (error) {
    const { code } = classifySlackError(error);
    if (code === 'user_not_in_channel') return { ok: false, reason: `Could not check: ${userId} is not a member of the channel` };
    const known = SLACK_CHANNEL_ERRORS.get(code);
    return { ok: false, reason: known ? `${known.problem}: ${known.fix}` : `Slack answered ${code}` };
  }
}
