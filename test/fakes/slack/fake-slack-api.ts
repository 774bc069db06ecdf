import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listen, parseBody, readBytes } from './http.js';
import { UploadStore } from './uploads.js';
import { Recorder, type WaitOptions } from './recorder.js';

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
}

export type ChannelError = 'channel_not_found' | 'not_in_channel' | 'is_archived';

export interface FakeSlackApiOptions {
  /** When set, calls with another bearer token get invalid_auth. */
  token?: string;
  teamId?: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
}

/** Methods that take a channel, and so can be failed per channel. */
const CHANNEL_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'conversations.info', 'files.completeUploadExternal']);

export class FakeSlackApi {
  readonly calls = new Recorder<RecordedCall>((c) => `${c.method} ${c.status} ${JSON.stringify(c.body).slice(0, 160)}`);
  /** Files uploaded through the external upload flow, by file id. */
  readonly uploads = new UploadStore();
  readonly teamId: string;
  readonly teamName: string;
  readonly botUserId: string;
  readonly botId: string;
  private readonly rateLimited = new Map<string, { retryAfter: number; remaining: number }>();
  private readonly channelErrors = new Map<string, ChannelError>();
  private readonly perSecond = new Map<string, { limit: number; stamps: number[] }>();
  private readonly perChannel = new Map<string, { limit: number; stamps: Map<string, number[]> }>();
  private readonly users = new Map<string, { isAdmin: boolean; isOwner: boolean }>();
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
  }

  static async start(opts: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    let api: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      api!.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    const port = await listen(server);
    api = new FakeSlackApi(server, port, opts);
    return api;
  }

  /** The Web API base, with its trailing slash, for SLACK_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
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
    this.uploads.clear();
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBytes(req);
    const path = (req.url ?? '').split('?')[0]!;
    const upload = /^\/upload\/(F[0-9A-F]+)$/.exec(path);
    if (upload && req.method === 'POST') {
      // The upload URL: raw bytes or a form, no JSON answer (as on Slack's file host).
      const status = await this.uploads.receive(upload[1]!, bytes, req.headers['content-type']);
      this.calls.push({ method: 'upload', body: { file_id: upload[1], bytes: bytes.length }, raw: '', headers: req.headers, status, response: {}, at: Date.now() });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? `OK - ${bytes.length}` : 'Not Found');
      return;
    }
    const raw = bytes.toString('utf8');
    const method = path.replace(/^\/api\//, '');
    const body = parseBody(raw, req.headers['content-type']);
    const send = (status: number, response: Record<string, unknown>, headers: Record<string, string> = {}) => {
      this.calls.push({ method, body, raw, headers: req.headers, status, response, at: Date.now() });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(response));
    };

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
    if (this.opts.token) {
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? body.token;
      if (bearer !== this.opts.token) return send(200, { ok: false, error: 'invalid_auth' });
    }
    const channel = typeof body.channel === 'string' ? body.channel : typeof body.channel_id === 'string' ? body.channel_id : undefined;
    const channelError = channel ? this.channelErrors.get(channel) : undefined;
    if (channelError && CHANNEL_METHODS.has(method)) return send(200, { ok: false, error: channelError });
    send(200, this.answer(method, body, channel));
  }

  private answer(method: string, body: Record<string, unknown>, channel: string | undefined): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${this.teamName.toLowerCase().replace(/\W+/g, '-')}.slack.com/`,
          team: this.teamName,
          user: 'rolecall',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const ts = this.nextTs();
        const message = { type: 'message', text: body.text, blocks: body.blocks, user: this.botUserId, bot_id: this.botId, ts, thread_ts: body.thread_ts };
        return { ok: true, channel, ts, message };
      }
      case 'chat.postEphemeral':
        return channel ? { ok: true, message_ts: this.nextTs() } : { ok: false, error: 'channel_not_found' };
      case 'chat.update':
        return channel && body.ts ? { ok: true, channel, ts: body.ts, text: body.text } : { ok: false, error: 'message_not_found' };
      case 'views.publish':
        return body.user_id ? { ok: true, view: { id: `V${this.nextTs().replace('.', '')}`, type: 'home', ...(body.view as object) } } : { ok: false, error: 'invalid_arguments' };
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
            team_id: this.teamId,
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
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
