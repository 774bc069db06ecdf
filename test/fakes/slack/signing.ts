import { createHmac, randomBytes } from 'node:crypto';

/**
 * Builds requests exactly as Slack sends them, signed with v0:
 * X-Slack-Signature = "v0=" + hex(HMAC-SHA256(secret, "v0:{timestamp}:{raw body}")).
 */

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export interface SignOptions {
  /** Seconds since the epoch; default now. Use an old one to test staleness. */
  timestamp?: number;
  /** Replaces the computed signature (to test a bad one). */
  signature?: string;
  /** X-Slack-Retry-Num / X-Slack-Retry-Reason, as on Slack's redeliveries. */
  retryNum?: number;
  retryReason?: string;
}

export function signedHeaders(secret: string, rawBody: string, contentType: string, opts: SignOptions = {}): Record<string, string> {
  const timestamp = opts.timestamp ?? nowSeconds();
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': opts.signature ?? slackSignature(secret, timestamp, rawBody),
    ...(opts.retryNum !== undefined ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': opts.retryReason ?? 'http_timeout' } : {}),
  };
}

const randomId = (prefix: string, n = 10) => `${prefix}${randomBytes(n).toString('hex').toUpperCase().slice(0, n)}`;

export interface Workspace {
  teamId: string;
  teamDomain?: string;
  apiAppId?: string;
  /** The bot's user id: app_mention text starts with <@it>. */
  botUserId: string;
}

export interface SlashCommandFields {
  command: string;
  text: string;
  responseUrl: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  triggerId?: string;
}

/** A slash command body, form-encoded with the fields in Slack's order. */
export function slashCommandBody(ws: Workspace, f: SlashCommandFields): string {
  return new URLSearchParams([
    ['token', 'legacy-verification-token'],
    ['team_id', ws.teamId],
    ['team_domain', ws.teamDomain ?? 'rolecall-test'],
    ['channel_id', f.channelId ?? 'C0GENERAL'],
    ['channel_name', f.channelName ?? 'general'],
    ['user_id', f.userId ?? 'U0ASKER'],
    ['user_name', f.userName ?? 'asker'],
    ['command', f.command.startsWith('/') ? f.command : `/${f.command}`],
    ['text', f.text],
    ['api_app_id', ws.apiAppId ?? 'A0ROLECALL'],
    ['is_enterprise_install', 'false'],
    ['response_url', f.responseUrl],
    ['trigger_id', f.triggerId ?? `${Date.now()}.${randomId('', 8)}`],
  ]).toString();
}

/** Slack message timestamps: "1712345678.000123". */
export function messageTs(): string {
  return `${nowSeconds()}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

export interface MentionFields {
  text: string;
  channel?: string;
  user?: string;
  ts?: string;
  /** Set when the mention is a reply in a thread. */
  threadTs?: string;
}

export function appMentionEvent(ws: Workspace, f: MentionFields): Record<string, unknown> {
  const ts = f.ts ?? messageTs();
  return {
    type: 'app_mention',
    user: f.user ?? 'U0ASKER',
    text: f.text,
    ts,
    channel: f.channel ?? 'C0GENERAL',
    event_ts: ts,
    team: ws.teamId,
    ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
  };
}

/**
 * A message.im event as Slack sends it: a person's DM to the app (channel_type "im"), in a
 * Messages-tab chat when `threadTs` is set; `botId` and `subtype` for a bot's message
 * (subtype "bot_message", or RoleCall's own answers, which carry its bot_id).
 */
export function directMessageEvent(
  ws: Workspace,
  f: { text: string; channel?: string; user?: string; ts?: string; threadTs?: string; botId?: string; subtype?: string },
): Record<string, unknown> {
  const ts = f.ts ?? messageTs();
  return {
    type: 'message',
    channel_type: 'im',
    channel: f.channel ?? 'D0ASKER',
    user: f.user ?? 'U0ASKER',
    text: f.text,
    ts,
    event_ts: ts,
    team: ws.teamId,
    ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
    ...(f.botId ? { bot_id: f.botId } : {}),
    ...(f.subtype ? { subtype: f.subtype } : {}),
  };
}

/** assistant_thread_started: someone opened a new chat with the app on its Messages tab. */
export function assistantThreadStartedEvent(ws: Workspace, f: { channel?: string; user?: string; threadTs?: string } = {}): Record<string, unknown> {
  const threadTs = f.threadTs ?? messageTs();
  return {
    type: 'assistant_thread_started',
    assistant_thread: {
      user_id: f.user ?? 'U0ASKER',
      context: { channel_id: 'C0GENERAL', team_id: ws.teamId, enterprise_id: null },
      channel_id: f.channel ?? 'D0ASKER',
      thread_ts: threadTs,
    },
    event_ts: messageTs(),
  };
}

export function appHomeOpenedEvent(f: { user?: string; channel?: string }): Record<string, unknown> {
  return { type: 'app_home_opened', user: f.user ?? 'U0ASKER', channel: f.channel ?? 'D0HOME', tab: 'home', event_ts: messageTs() };
}

/** An Events API event_callback envelope, JSON as Slack posts it. */
export function eventCallbackBody(ws: Workspace, event: Record<string, unknown>, eventId: string = randomId('Ev')): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: ws.teamId,
    api_app_id: ws.apiAppId ?? 'A0ROLECALL',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: nowSeconds(),
    authorizations: [{ enterprise_id: null, team_id: ws.teamId, user_id: ws.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomId('', 16)}`,
  });
}

export interface BlockActionFields {
  actionId: string;
  /** Button value, or the selected option's value for a static_select. */
  value: string;
  kind?: 'button' | 'static_select';
  responseUrl?: string;
  userId?: string;
  channelId?: string;
  /** Where the clicked message lives: an (ephemeral) message, possibly in a thread, or the Home tab. */
  container?: { messageTs?: string; threadTs?: string; ephemeral?: boolean; home?: boolean };
}

export function blockActionsPayload(ws: Workspace, f: BlockActionFields): Record<string, unknown> {
  const user = f.userId ?? 'U0ASKER';
  const channel = f.channelId ?? 'C0GENERAL';
  const c = f.container ?? {};
  const actionTs = `${nowSeconds()}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const action =
    f.kind === 'static_select'
      ? {
          type: 'static_select',
          action_id: f.actionId,
          block_id: 'b1',
          selected_option: { text: { type: 'plain_text', text: 'x' }, value: f.value },
          action_ts: actionTs,
        }
      : { type: 'button', action_id: f.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: f.value, action_ts: actionTs };
  return {
    type: 'block_actions',
    user: { id: user, username: 'asker', name: 'asker', team_id: ws.teamId },
    api_app_id: ws.apiAppId ?? 'A0ROLECALL',
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.${randomId('', 8)}`,
    team: { id: ws.teamId, domain: ws.teamDomain ?? 'rolecall-test' },
    enterprise: null,
    is_enterprise_install: false,
    actions: [action],
    ...(c.home
      ? { container: { type: 'view', view_id: 'V0HOME' }, view: { id: 'V0HOME', type: 'home', blocks: [] } }
      : {
          container: {
            type: 'message',
            message_ts: c.messageTs ?? messageTs(),
            channel_id: channel,
            is_ephemeral: c.ephemeral ?? false,
            ...(c.threadTs ? { thread_ts: c.threadTs } : {}),
          },
          channel: { id: channel, name: 'general' },
          ...(f.responseUrl ? { response_url: f.responseUrl } : {}),
        }),
  };
}

/** block_actions arrive form-encoded, as a single `payload` field holding JSON. */
export function blockActionsBody(payload: Record<string, unknown>): string {
  return new URLSearchParams([['payload', JSON.stringify(payload)]]).toString();
}
