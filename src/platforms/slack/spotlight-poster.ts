import { ErrorCode, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import type { Env } from '../../config/env.js';
import { pacing, type PostCheck, type PostOptions, type PostResult, type PostTarget, type SpotlightPoster } from '../../spotlight/poster.js';
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
export function spotlightSlackClient(env: Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>, logger?: SlackLogger): WebClient {
  if (!env.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is not set');
  return new WebClient(env.SLACK_BOT_TOKEN, {
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 8_000,
    ...(logger ? { logger } : {}),
  });
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

  constructor(
    private readonly client: WebClient,
    opts: { maxPerSecond?: number | null } = {},
  ) {
    this.maxPerSecond = pacing(opts.maxPerSecond, SLACK_SPOTLIGHT_PER_SECOND);
  }

  async post(target: PostTarget, view: View, _claimId: string, { signal }: PostOptions): Promise<PostResult> {
    // The WebClient takes no AbortSignal; at least do not start a post that was already cancelled.
    if (signal.aborted) return { ok: false, kind: 'temporary', reason: 'aborted before sending' };
    try {
      const sent = await postView(this.client, target.channelId, view);
      if (!sent.ts) return { ok: false, kind: 'temporary', reason: 'Slack accepted the post without a message ts' };
      return { ok: true, messageId: sent.ts };
    } catch (error) {
      return classifySpotlightSlackError(error);
    }
  }
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
