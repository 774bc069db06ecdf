import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tableBlockError } from './block-check.js';
import { closeServer, listen, parseBody, readBytes } from './http.js';
import { FakeSlackOAuth } from './oauth.js';
import { FakeSocketMode } from './socket-mode.js';
import { UploadStore } from './uploads.js';
import { Recorder, type WaitOptions } from './recorder.js';
import { type RecordedUnfurl, unfurlCall } from './unfurl.js';

/**
 * A fake Slack Web API on loopback. Point the app at it with SLACK_API_URL = `api.url`.
 * It answers the methods RoleCall uses, records every call, and can be told to misbehave:
 * 429s with Retry-After, per-channel errors, and a per-method rate limit.
 */

export interface RecordedCall {
  method: string;
  /** Decoded body: form fields with JSON-encoded values parsed, or the JSON body. */
  body: Record<string, unknown>;
  raw: string;
  headers: IncomingHttpHeaders;
  status: number;
  response: Record<string, unknown>;
  at: number;
  /** The workspace the call's bot token belongs to (tokens issued by the fake OAuth, or opts.token). */
  teamId?: string;
}

export type ChannelError = 'channel_not_found' | 'not_in_channel' | 'is_archived';

/** A transport-level failure: an HTTP status, a reset connection, or no answer at all. */
export type InjectedFailure = { status: number } | 'reset' | 'hang';

export interface FakeSlackApiOptions {
  /** When set, calls with another bearer token get invalid_auth. */
  token?: string;
  teamId?: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
  /**
   * Milliseconds between Slack accepting a call (the message exists) and its answer reaching
   * the client: a random value in [min, max]. Real Slack took 150 ms for chat.postMessage.
   */
  latencyMs?: { min: number; max: number };
}

/** A message as conversations.history returns it. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text?: unknown;
  blocks?: unknown;
  user: string;
  bot_id: string;
  thread_ts?: unknown;
  /** Only returned with include_all_metadata. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** Methods that take a channel, and so can be failed per channel. */
const CHANNEL_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'conversations.info',
  'conversations.history',
  'conversations.replies',
  'files.completeUploadExternal',
]);

export class FakeSlackApi {
  readonly calls = new Recorder<RecordedCall>((c) => `${c.method} ${c.status} ${JSON.stringify(c.body).slice(0, 160)}`);
  /** Files uploaded through the external upload flow, by file id. */
  readonly uploads = new UploadStore();
  readonly teamId: string;
  readonly teamName: string;
  readonly botUserId: string;
  readonly botId: string;
  /** "Add to Slack": the authorize page, oauth.v2.access and the tokens they issue. */
  readonly oauth = new FakeSlackOAuth();
  /** Socket Mode: the WebSocket apps.connections.open hands out, its envelopes and acks. */
  readonly socketMode = new FakeSocketMode();
  private readonly rateLimited = new Map<string, { retryAfter: number; remaining: number }>();
  private readonly channelErrors = new Map<string, ChannelError>();
  private readonly perSecond = new Map<string, { limit: number; stamps: number[] }>();
  private readonly perChannel = new Map<string, { limit: number; stamps: Map<string, number[]> }>();
  private readonly users = new Map<string, { isAdmin: boolean; isOwner: boolean }>();
  private readonly failures = new Map<string, { failure: InjectedFailure; remaining: number }>();
  /** Accepted chat.unfurl calls, oldest first. */
  readonly unfurls: RecordedUnfurl[] = [];
  /** Messages posted per channel, oldest first. */
  readonly messages = new Map<string, StoredMessage[]>();
  private latency: { min: number; max: number } | undefined;
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly opts: FakeSlackApiOptions,
  ) {
    this.teamId = opts.teamId ?? 'T0ROLECALL';
    this.teamName = opts.teamName ?? 'RoleCall Test';
    this.botUserId = opts.botUserId ?? 'U0ROLEBOT';
    this.botId = opts.botId ?? 'B0ROLEBOT';
    this.latency = opts.latencyMs;
  }

  /** Every answer is delayed by a random time in [min, max] ms after the call took effect; undefined: none. */
  setLatency(latency: { min: number; max: number } | undefined): void {
    this.latency = latency;
  }

  /** Messages posted to a channel (top level and replies), oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    return this.messages.get(channel) ?? [];
  }

  static async start(opts: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    let api: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      api!.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.on('upgrade', (req, socket, head) => api!.socketMode.upgrade(req, socket, head));
    const port = await listen(server);
    api = new FakeSlackApi(server, port, opts);
    return api;
  }

  /** The Web API base, with its trailing slash, for SLACK_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** The consent page, for SLACK_AUTHORIZE_URL. */
  get authorizeUrl(): string {
    return `http://127.0.0.1:${this.port}/oauth/v2/authorize`;
  }

  /** Which workspace a bot token belongs to, if the fake knows it. */
  private teamOf(token: string | undefined): { teamId: string; teamName: string; botUserId: string; botId: string } | undefined {
    if (!token) return undefined;
    if (this.opts.token && token === this.opts.token) return this;
    const ws = this.oauth.workspaces.get(this.oauth.tokens.get(token) ?? '');
    return ws ? { teamId: ws.teamId, teamName: ws.teamName, botUserId: ws.botUserId, botId: ws.botId } : undefined;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits for `count` calls to a method (optionally matching), counting those already made. */
  waitForCall(method: string, opts: WaitOptions & { match?: (c: RecordedCall) => boolean } = {}): Promise<RecordedCall[]> {
    return this.calls.waitFor((c) => c.method === method && (opts.match?.(c) ?? true), opts);
  }

  /** The next `times` calls to `method` get HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimitNext(method: string, retryAfterSec = 1, times = 1): void {
    this.rateLimited.set(method, { retryAfter: retryAfterSec, remaining: times });
  }

  /** The next `times` calls to `method` fail at the transport: a status (4xx/5xx), a reset, or a hang. */
  failNext(method: string, failure: InjectedFailure, times = 1): void {
    this.failures.set(method, { failure, remaining: times });
  }

  /** Calls that name this channel fail with the given Slack error until cleared. */
  failChannel(channel: string, error: ChannelError | undefined): void {
    if (error) this.channelErrors.set(channel, error);
    else this.channelErrors.delete(channel);
  }

  /** Allows at most `perSecond` calls to `method` in any second; the rest get 429, Retry-After 1. */
  limitRate(method: string, perSecond: number | undefined): void {
    if (perSecond === undefined) this.perSecond.delete(method);
    else this.perSecond.set(method, { limit: perSecond, stamps: [] });
  }

  /** Like chat.postMessage's "about 1 per second per channel": more to one channel get 429, Retry-After 1. */
  limitRatePerChannel(method: string, perSecond: number | undefined): void {
    if (perSecond === undefined) this.perChannel.delete(method);
    else this.perChannel.set(method, { limit: perSecond, stamps: new Map() });
  }

  /** users.info answers with these flags for the user (everyone else is an ordinary member). */
  setUser(user: string, flags: { isAdmin?: boolean; isOwner?: boolean }): void {
    this.users.set(user, { isAdmin: flags.isAdmin ?? false, isOwner: flags.isOwner ?? false });
  }

  /** Forgets recorded calls and injected failures. */
  reset(): void {
    this.calls.clear();
    this.rateLimited.clear();
    this.channelErrors.clear();
    this.perSecond.clear();
    this.perChannel.clear();
    this.users.clear();
    this.failures.clear();
    this.messages.clear();
    this.uploads.clear();
  }

  close(): Promise<void> {
    this.socketMode.close();
    return closeServer(this.server);
  }

  private nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.oauth.handlePage(req, res)) return;
    const bytes = await readBytes(req);
    const path = (req.url ?? '').split('?')[0]!;
    const upload = /^\/upload\/(F[0-9A-F]+)$/.exec(path);
    if (upload && req.method === 'POST') {
      // The upload URL: raw bytes or a form, no JSON answer (as on Slack's file host).
      const status = await this.uploads.receive(upload[1]!, bytes, req.headers['content-type']);
      this.calls.push({
        method: 'upload',
        body: { file_id: upload[1], bytes: bytes.length },
        raw: '',
        headers: req.headers,
        status,
        response: {},
        at: Date.now(),
      });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? `OK - ${bytes.length}` : 'Not Found');
      return;
    }
    const raw = bytes.toString('utf8');
    const method = path.replace(/^\/api\//, '');
    const body = parseBody(raw, req.headers['content-type']);
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? (typeof body.token === 'string' ? body.token : undefined);
    const team = this.teamOf(bearer);
    const send = (status: number, response: Record<string, unknown>, headers: Record<string, string> = {}) => {
      this.calls.push({ method, body, raw, headers: req.headers, status, response, at: Date.now(), ...(team ? { teamId: team.teamId } : {}) });
      const reply = () => {
        if (res.destroyed) return; // the client is gone (killed); the call still took effect
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(response));
      };
      const lag = this.latency ? this.latency.min + Math.random() * (this.latency.max - this.latency.min) : 0;
      if (lag > 0) setTimeout(reply, lag);
      else reply();
    };

    const failing = this.failures.get(method);
    if (failing && failing.remaining > 0) {
      failing.remaining -= 1;
      const { failure } = failing;
      this.calls.push({ method, body, raw, headers: req.headers, status: typeof failure === 'object' ? failure.status : 0, response: {}, at: Date.now() });
      if (failure === 'reset') return void req.socket.destroy();
      if (failure === 'hang') return;
      res.writeHead(failure.status, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end(JSON.stringify({ ok: false, error: failure.status >= 500 ? 'internal_error' : 'invalid_request' }));
    }
    const injected = this.rateLimited.get(method);
    if (injected && injected.remaining > 0) {
      injected.remaining -= 1;
      return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(injected.retryAfter) });
    }
    const window = this.perSecond.get(method);
    if (window) {
      const now = Date.now();
      window.stamps = window.stamps.filter((t) => now - t < 1000);
      if (window.stamps.length >= window.limit) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      window.stamps.push(now);
    }
    const channelWindow = this.perChannel.get(method);
    if (channelWindow && typeof body.channel === 'string') {
      const now = Date.now();
      const stamps = (channelWindow.stamps.get(body.channel) ?? []).filter((t) => now - t < 1000);
      if (stamps.length >= channelWindow.limit) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      channelWindow.stamps.set(body.channel, [...stamps, now]);
    }
    // oauth.v2.access is the one method called without a bot token; apps.connections.open takes the app-level one.
    if (method === 'oauth.v2.access') return send(200, this.oauth.exchange(body, req.headers.authorization));
    if (method === 'apps.connections.open') {
      return send(
        200,
        bearer?.startsWith('xapp-') ? this.socketMode.open(`http://127.0.0.1:${this.port}`, 'A0ROLECALL') : { ok: false, error: 'not_allowed_token_type' },
      );
    }
    if (this.opts.token || this.oauth.tokens.size > 0 || this.oauth.revoked.size > 0) {
      if (bearer && this.oauth.revoked.has(bearer)) return send(200, { ok: false, error: 'token_revoked' });
      if (!team) return send(200, { ok: false, error: 'invalid_auth' });
    }
    const channel = typeof body.channel === 'string' ? body.channel : typeof body.channel_id === 'string' ? body.channel_id : undefined;
    const channelError = channel ? this.channelErrors.get(channel) : undefined;
    if (channelError && CHANNEL_METHODS.has(method)) return send(200, { ok: false, error: channelError });
    if (method === 'auth.revoke') return send(200, { ok: true, revoked: bearer ? this.oauth.revoke(bearer) : false });
    send(200, this.answer(method, body, channel, team ?? this));
  }

  private answer(
    method: string,
    body: Record<string, unknown>,
    channel: string | undefined,
    ws: { teamId: string; teamName: string; botUserId: string; botId: string },
  ): Record<string, unknown> {
    const invalid = blocksError(method, body);
    if (invalid) return { ok: false, error: invalid };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${ws.teamName.toLowerCase().replace(/\W+/g, '-')}.slack.com/`,
          team: ws.teamName,
          user: 'rolecall',
          team_id: ws.teamId,
          user_id: ws.botUserId,
          bot_id: ws.botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const ts = this.nextTs();
        const metadata = messageMetadata(body.metadata);
        if (metadata === null) return { ok: false, error: 'invalid_metadata_format' };
        const message: StoredMessage = {
          type: 'message',
          text: body.text,
          blocks: body.blocks,
          user: ws.botUserId,
          bot_id: ws.botId,
          ts,
          ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}),
          ...(metadata ? { metadata } : {}),
        };
        this.messages.set(channel, [...this.messagesIn(channel), message]);
        return { ok: true, channel, ts, message };
      }
      case 'conversations.history': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        return this.history(channel, body);
      }
      case 'conversations.replies': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        return this.replies(channel, body);
      }
      case 'chat.postEphemeral':
        return channel ? { ok: true, message_ts: this.nextTs() } : { ok: false, error: 'channel_not_found' };
      case 'chat.update':
        return channel && body.ts ? { ok: true, channel, ts: body.ts, text: body.text } : { ok: false, error: 'message_not_found' };
      case 'views.publish':
        return body.user_id
          ? { ok: true, view: { id: `V${this.nextTs().replace('.', '')}`, type: 'home', ...(body.view as object) } }
          : { ok: false, error: 'invalid_arguments' };
      case 'conversations.info':
        return channel
          ? { ok: true, channel: { id: channel, name: `channel-${channel.toLowerCase()}`, is_channel: true, is_archived: false, is_member: true } }
          : { ok: false, error: 'channel_not_found' };
      case 'users.info': {
        const user = typeof body.user === 'string' ? body.user : undefined;
        if (!user) return { ok: false, error: 'user_not_found' };
        const flags = this.users.get(user) ?? { isAdmin: false, isOwner: false };
        return {
          ok: true,
          user: {
            id: user,
            team_id: ws.teamId,
            name: `user-${user.toLowerCase()}`,
            is_bot: false,
            is_admin: flags.isAdmin || flags.isOwner,
            is_owner: flags.isOwner,
            is_primary_owner: false,
            tz: 'UTC',
            profile: { display_name: `User ${user}` },
          },
        };
      }
      case 'files.getUploadURLExternal': {
        const issued = this.uploads.issue(body);
        return issued.ok ? { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${issued.file.id}`, file_id: issued.file.id } : issued;
      }
      case 'files.completeUploadExternal':
        return this.uploads.complete(body);
      case 'assistant.threads.setSuggestedPrompts':
        return suggestedPrompts(body, channel);
      case 'chat.unfurl': {
        const call = unfurlCall(body);
        if (!call.ok) return call;
        this.unfurls.push(call.unfurl);
        return { ok: true };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /**
   * conversations.replies as documented: the parent message first, then its replies oldest
   * first; `thread_not_found` for a ts with no such message; metadata only with include_all_metadata.
   */
  private replies(channel: string, body: Record<string, unknown>): Record<string, unknown> {
    const ts = typeof body.ts === 'string' ? body.ts : undefined;
    const all = this.messagesIn(channel);
    const parent = all.find((m) => m.ts === ts);
    if (!ts || !parent) return { ok: false, error: 'thread_not_found' };
    const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true' || body.include_all_metadata === '1';
    const thread = [parent, ...all.filter((m) => m.thread_ts === ts && m.ts !== ts)];
    const messages = thread.map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m));
    return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
  }

  /**
   * conversations.history as documented: newest first, `oldest`/`latest` bounds (exclusive
   * unless `inclusive`), `limit` (default 100, at most 999), an opaque `cursor` with `has_more`
   * and `response_metadata.next_cursor`, and message metadata only with `include_all_metadata`.
   */
  private history(channel: string, body: Record<string, unknown>): Record<string, unknown> {
    const num = (v: unknown) => (v === undefined || v === '' ? undefined : Number(v));
    const oldest = num(body.oldest) ?? 0;
    const latest = num(body.latest) ?? Number.POSITIVE_INFINITY;
    const inclusive = body.inclusive === true || body.inclusive === 'true' || body.inclusive === '1';
    const limit = Math.min(999, Math.max(1, num(body.limit) ?? 100));
    const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true' || body.include_all_metadata === '1';
    const inRange = this.messagesIn(channel)
      .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
      .filter((m) => {
        const ts = Number(m.ts);
        return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
      })
      .reverse();
    const offset =
      typeof body.cursor === 'string' && body.cursor
        ? Number(
            Buffer.from(body.cursor, 'base64')
              .toString('utf8')
              .replace(/^next:/, ''),
          )
        : 0;
    const page = inRange.slice(offset, offset + limit).map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m));
    const more = offset + limit < inRange.length;
    const next = more ? Buffer.from(`next:${offset + limit}`).toString('base64') : '';
    return { ok: true, messages: page, has_more: more, pin_count: 0, response_metadata: { next_cursor: next } };
  }
}

/**
 * chat.postMessage's `metadata`: `{ event_type, event_payload }` (a JSON string in a form
 * body). Undefined when absent; null when malformed, which Slack refuses.
 */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'chat.scheduleMessage']);

/** Slack's invalid_blocks for a bad table in a message, or any table in a view (Home tab, modal). */
function blocksError(method: string, body: Record<string, unknown>): string | undefined {
  if (MESSAGE_METHODS.has(method)) return tableBlockError(body.blocks);
  if (method === 'views.publish' || method === 'views.open' || method === 'views.update') {
    const view = body.view;
    return typeof view === 'object' && view !== null ? tableBlockError((view as { blocks?: unknown }).blocks, 'home') : undefined;
  }
  return undefined;
}

function messageMetadata(value: unknown): StoredMessage['metadata'] | undefined | null {
  if (value === undefined || value === '') return undefined;
  const parsed: unknown = typeof value === 'string' ? safeJson(value) : value;
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { event_type, event_payload } = parsed as { event_type?: unknown; event_payload?: unknown };
  if (typeof event_type !== 'string' || !/^[A-Za-z0-9_]+$/.test(event_type)) return null;
  if (typeof event_payload !== 'object' || event_payload === null || Array.isArray(event_payload)) return null;
  return { event_type, event_payload: event_payload as Record<string, unknown> };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * assistant.threads.setSuggestedPrompts as documented: channel_id and thread_ts of the
 * assistant thread, `prompts` (at most 4, each a `title` and the `message` it sends), an
 * optional `title`. Form-encoded, the WebClient sends the array as JSON text.
 */
function suggestedPrompts(body: Record<string, unknown>, channel: string | undefined): Record<string, unknown> {
  if (!channel || typeof body.thread_ts !== 'string') return { ok: false, error: 'invalid_arguments' };
  let prompts: unknown = body.prompts;
  if (typeof prompts === 'string') {
    try {
      prompts = JSON.parse(prompts);
    } catch {
      return { ok: false, error: 'invalid_arguments' };
    }
  }
  const valid =
    Array.isArray(prompts) &&
    prompts.length >= 1 &&
    prompts.length <= 4 &&
    prompts.every((p) => typeof p?.title === 'string' && p.title !== '' && typeof p?.message === 'string' && p.message !== '');
  return valid ? { ok: true } : { ok: false, error: 'invalid_arguments' };
}
