import { ErrorCode, type WebClient } from '@slack/web-api';
import type { View } from '../../views/view.js';
import { type RenderOptions, renderViews } from './render.js';

export interface PostViewOptions {
  /** Reply in this thread. */
  threadTs?: string;
  /** Post an ephemeral message only this user sees (chat.postEphemeral) instead of a public one. */
  ephemeralTo?: string;
  /** Value for a "Share in channel" button (ephemeral answers). */
  share?: string;
  /** Message metadata (event_type + event_payload), public messages only: the spotlight's claim id. */
  metadata?: { event_type: string; event_payload: Record<string, string> };
  render?: RenderOptions;
}

export interface PostResult {
  channel: string;
  /** The message ts (public) or message_ts (ephemeral), when Slack returned one. */
  ts?: string;
}

/**
 * Posts one View (or several in one message) to a channel, escaped and within Block Kit's
 * limits. Rate limits are retried by the client's bounded retry policy; other failures throw
 * the WebClient's error, which `classifySlackError` explains.
 */
export async function postView(client: WebClient, channel: string, view: View | readonly View[], opts: PostViewOptions = {}): Promise<PostResult> {
  const views = Array.isArray(view) ? (view as readonly View[]) : [view as View];
  const message = renderViews(views, { ...opts.render, ...(opts.share ? { share: opts.share } : {}) });
  const thread = opts.threadTs ? { thread_ts: opts.threadTs } : {};
  if (opts.ephemeralTo) {
    const res = await client.chat.postEphemeral({ channel, user: opts.ephemeralTo, ...message, ...thread });
    return { channel, ...(res.message_ts ? { ts: res.message_ts } : {}) };
  }
  // No unfurls, and link_names off: nothing in an answer should notify anyone.
  const metadata = opts.metadata ? { metadata: opts.metadata } : {};
  const res = await client.chat.postMessage({ channel, ...message, ...thread, ...metadata, unfurl_links: false, unfurl_media: false, link_names: false });
  return { channel: res.channel ?? channel, ...(res.ts ? { ts: res.ts } : {}) };
}

/** Why a Web API call failed, in the terms a caller acts on. */
export interface SlackFailure {
  /** Slack's error string ("not_in_channel"), or the client's error code. */
  code: string;
  /**
   * channel: this channel cannot take the post (gone, archived, bot not a member);
   * auth: the token is bad; rate_limited / temporary: try later; permanent: a bug or a bad payload.
   */
  kind: 'channel' | 'auth' | 'rate_limited' | 'temporary' | 'permanent';
}

export const CHANNEL_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'team_access_not_granted',
]);
/**
 * The channel errors a person can fix, in one wording for every answer that meets them (a share
 * that failed, a spotlight that cannot post). They are why the spotlight pauses a channel.
 */
export const SLACK_CHANNEL_ERRORS: ReadonlyMap<string, { problem: string; fix: string }> = new Map([
  ['not_in_channel', { problem: 'RoleCall is not a member of this channel', fix: 'invite it with /invite @RoleCall' }],
  ['channel_not_found', { problem: 'RoleCall cannot see this channel', fix: 'a private channel or DM needs /invite @RoleCall first' }],
  ['is_archived', { problem: 'The channel is archived', fix: 'unarchive it, or use an active channel' }],
]);
const AUTH_ERRORS: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
]);
const TEMPORARY_ERRORS: ReadonlySet<string> = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** A property of an error the Web API threw, whatever its shape. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

export function classifySlackError(error: unknown): SlackFailure {
  const code = field(error, 'code');
  if (code === ErrorCode.PlatformError) {
    const slackError = field(field(error, 'data'), 'error');
    const name = typeof slackError === 'string' ? slackError : 'unknown_error';
    if (name === 'ratelimited') return { code: name, kind: 'rate_limited' };
    if (CHANNEL_ERRORS.has(name)) return { code: name, kind: 'channel' };
    if (AUTH_ERRORS.has(name)) return { code: name, kind: 'auth' };
    return { code: name, kind: TEMPORARY_ERRORS.has(name) ? 'temporary' : 'permanent' };
  }
  if (code === ErrorCode.RateLimitedError) return { code, kind: 'rate_limited' };
  // Once the client's retry policy gives up on a 429 it throws a plain Error ("A rate limit was
  // exceeded …"), which @slack/web-api 8 wraps in a request error as its `original`.
  const cause = code === ErrorCode.RequestError ? field(error, 'original') : error;
  if (cause instanceof Error && /rate limit was exceeded/i.test(cause.message)) return { code: 'ratelimited', kind: 'rate_limited' };
  if (code === ErrorCode.RequestError || code === ErrorCode.HTTPError) return { code, kind: 'temporary' };
  return { code: typeof code === 'string' ? code : 'unknown_error', kind: 'permanent' };
}
