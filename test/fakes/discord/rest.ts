import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIApplicationCommand, APIMessage, APITextChannel, APIUser } from 'discord.js';
import { snowflake } from './snowflake.js';
import { botMessage } from './payloads.js';
import { validateChoices, validateCommands, validateMessage as validateBody } from './validate.js';
import { IS_COMPONENTS_V2 } from './validate-v2.js';
import { parseMultipart, storeAttachments, validateAttachments, type UploadedFile } from './attachments.js';
import { DiscordErrors, matches, rateLimitResponse, readBody, type ApiError, type RateLimitInjection, type RecordedRequest } from './http.js';

export { DiscordErrors, type ApiError, type RateLimitInjection, type RecordedRequest } from './http.js';

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  sentAt: number;
  acked: boolean;
  responseType?: number;
  original?: APIMessage;
  followUps: APIMessage[];
}

export interface RestOptions {
  token: string;
  applicationId: string;
  bot: APIUser;
  gatewayUrl: () => string;
  /** Interaction callbacks after this are refused with 10062, as Discord does after 3 s. */
  interactionDeadlineMs: number;
  /** Keep at most this many requests and interactions (oldest dropped), for long benchmark runs. */
  maxRecords: number;
  /** How long a nonce is remembered for enforce_nonce (Discord: "a few minutes"). */
  nonceWindowMs: number;
}

type Params = string[];
type Handler = (req: RecordedRequest, params: Params) => { status: number; body?: unknown };

/** The REST half of the fake: routes under /api/v10, recording, validation and fault injection. */
export class FakeRest extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly channels = new Map<string, APITextChannel>();
  readonly messages = new Map<string, APIMessage[]>();
  readonly commands = { global: [] as APIApplicationCommand[], guilds: new Map<string, APIApplicationCommand[]>() };
  private readonly commandIds = new Map<string, string>();
  private readonly nonces = new Map<string, Map<string, { message: APIMessage; at: number }>>();
  private nonceWindowMs: number;
  private latency: { min: number; max: number } | undefined;
  private readonly rateLimits: Array<Required<Omit<RateLimitInjection, 'method'>> & { method?: string }> = [];
  private readonly channelErrors = new Map<string, ApiError>();
  private readonly failures: Array<{ prefix: string; failure: { status: number } | 'reset'; times: number }> = [];
  private globalPerSecond: number | null = null;
  /** The files of the request being handled (handlers run synchronously, one at a time). */
  private uploads: UploadedFile[] = [];
  private readonly window: number[] = [];

  private readonly routes: Array<[string, RegExp, boolean, Handler]> = [
    ['GET', /^\/gateway\/bot$/, true, () => ({ status: 200, body: this.gatewayBot() })],
    ['GET', /^\/users\/@me$/, true, () => ({ status: 200, body: this.opts.bot })],
    ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, false, (r, p) => this.callback(r, p)],
    ['GET', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, false, (r, p) => this.original(r, p)],
    ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, false, (r, p) => this.original(r, p)],
    ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, false, (r, p) => this.original(r, p)],
    ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, false, (r, p) => this.followUp(r, p)],
    ['PUT', /^\/applications\/(\d+)\/commands$/, true, (r, p) => this.putCommands(r, p[0]!, null)],
    ['PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, true, (r, p) => this.putCommands(r, p[0]!, p[1]!)],
    ['GET', /^\/applications\/(\d+)\/commands$/, true, () => ({ status: 200, body: this.commands.global })],
    ['GET', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, true, (_r, p) => ({ status: 200, body: this.commands.guilds.get(p[1]!) ?? [] })],
    ['GET', /^\/channels\/(\d+)$/, true, (_r, p) => this.getChannel(p[0]!)],
    ['POST', /^\/channels\/(\d+)\/messages$/, true, (r, p) => this.createMessage(r, p[0]!)],
    ['GET', /^\/channels\/(\d+)\/messages$/, true, (r, p) => this.listMessages(r, p[0]!)],
    ['GET', /^\/channels\/(\d+)\/messages\/(\d+)$/, true, (_r, p) => this.getMessage(p[0]!, p[1]!)],
    ['POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/, true, (r, p) => this.startThread(r, p[0]!, p[1]!)],
  ];

  constructor(private readonly opts: RestOptions) {
    super();
    this.nonceWindowMs = opts.nonceWindowMs;
  }

  /** Forget a nonce this long after its message was created (0: at once). */
  setNonceWindow(ms: number): void {
    this.nonceWindowMs = ms;
  }

  /** Delay every answer by a random time in [min, max] ms after the request took effect; undefined: none. */
  setLatency(latency: { min: number; max: number } | undefined): void {
    this.latency = latency;
  }

  injectRateLimit(injection: RateLimitInjection): void {
    this.rateLimits.push({ scope: 'user', times: 1, ...injection });
  }

  /** The next `times` requests whose path (after /api/v10) starts with `prefix` get `status`, or a reset connection. */
  failNext(prefix: string, failure: { status: number } | 'reset', times = 1): void {
    this.failures.push({ prefix, failure, times });
  }

  /** Every request touching this channel fails with `error` until cleared with null. */
  setChannelError(channelId: string, error: ApiError | null): void {
    if (error) this.channelErrors.set(channelId, error);
    else this.channelErrors.delete(channelId);
  }

  /** Discord's global limit (50/s by default there): bot requests beyond it get a global 429. Null turns it off. */
  setGlobalRateLimit(perSecond: number | null): void {
    this.globalPerSecond = perSecond;
    this.window.length = 0;
  }

  private gatewayBot() {
    return {
      url: this.opts.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '');
    let body: unknown = null;
    let files: UploadedFile[] = [];
    let formProblems: string[] = [];
    if (raw.length > 0 && contentType.includes('application/json')) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
      }
    } else if (raw.length > 0 && contentType.startsWith('multipart/form-data')) {
      ({ body, files, problems: formProblems } = await parseMultipart(raw, contentType));
    }
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname); // clients encode "@original" as %40original
    } catch {
      // keep the raw path; no route will match it
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      files,
      status: 0,
      at: performance.now(),
    };
    this.requests.push(record);
    if (this.requests.length > this.opts.maxRecords) this.requests.splice(0, this.requests.length - this.opts.maxRecords);
    const answer = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      const text = payload === undefined ? '' : JSON.stringify(payload);
      const reply = () => {
        // A client killed while waiting: the request still took effect, nobody hears of it.
        if (!res.destroyed) {
          res.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
          res.end(text);
        }
        this.emit('request', record);
      };
      const lag = this.latency ? this.latency.min + Math.random() * (this.latency.max - this.latency.min) : 0;
      if (lag > 0) setTimeout(reply, lag);
      else reply();
    };
    const sub = path.startsWith('/api/v10/') ? path.slice('/api/v10'.length) : null;
    const route = sub === null ? undefined : this.routes.find(([m, re]) => m === record.method && re.test(sub));
    if (!route || sub === null) return answer(404, { message: '404: Not Found', code: 0 });
    const failing = this.failures.find((f) => sub.startsWith(f.prefix));
    if (failing) {
      if (--failing.times <= 0) this.failures.splice(this.failures.indexOf(failing), 1);
      if (failing.failure === 'reset') return void req.socket.destroy();
      return answer(failing.failure.status, { message: 'injected failure', code: 0 });
    }
    const [, pattern, needsAuth, handler] = route;
    if (needsAuth && req.headers.authorization !== `Bot ${this.opts.token}`) return answer(401, DiscordErrors.Unauthorized);
    // Interaction endpoints are not bound to the global rate limit (documented).
    const interactionRoute = sub.startsWith('/interactions/') || sub.startsWith('/webhooks/');
    const global = needsAuth && !interactionRoute ? this.globalLimited() : null;
    if (global !== null) return answer(429, ...rateLimitResponse(global, 'global'));
    const injected = this.rateLimits.find((r) => (!r.method || r.method === record.method) && matches(r.path, sub));
    if (injected) {
      if (--injected.times <= 0) this.rateLimits.splice(this.rateLimits.indexOf(injected), 1);
      return answer(429, ...rateLimitResponse(injected.retryAfter, injected.scope));
    }
    const channel = /^\/channels\/(\d+)/.exec(sub)?.[1];
    const channelError = channel ? this.channelErrors.get(channel) : undefined;
    if (channelError) return answer(channelError.status, { message: channelError.message, code: channelError.code });
    if (formProblems.length > 0) {
      const invalid = this.invalid(formProblems);
      return answer(invalid.status, invalid.body);
    }
    this.uploads = files;
    const result = handler(record, pattern.exec(sub)!.slice(1));
    answer(result.status, result.body);
  }

  /** Seconds until a slot frees, or null when the request may pass. */
  private globalLimited(): number | null {
    if (this.globalPerSecond === null) return null;
    const now = performance.now();
    while (this.window.length > 0 && now - this.window[0]! >= 1000) this.window.shift();
    if (this.window.length >= this.globalPerSecond) return Math.max(0.001, (this.window[0]! + 1000 - now) / 1000);
    this.window.push(now);
    return null;
  }

  /** Discord's checks on a message body, including its files and attachment:// references. */
  private validateMessage(body: unknown, creating: boolean): string[] {
    return [...validateBody(body, creating || this.uploads.length > 0), ...validateAttachments(body, this.uploads)];
  }

  private invalid(problems: string[]) {
    return {
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035, errors: { _errors: problems.map((message) => ({ code: 'BASE_TYPE_INVALID', message })) } },
    };
  }

  private error(e: ApiError) {
    return { status: e.status, body: { message: e.message, code: e.code } };
  }

  private message(channelId: string, data: Record<string, unknown>, extra: Partial<APIMessage> = {}): APIMessage {
    const stored = storeAttachments(channelId, data, this.uploads);
    return botMessage(channelId, this.opts.bot, {
      content: typeof data.content === 'string' ? data.content : '',
      embeds: stored.embeds ?? (data.embeds as APIMessage['embeds']) ?? [],
      components: ((stored.components ?? data.components) as APIMessage['components']) ?? [],
      flags: typeof data.flags === 'number' ? data.flags : 0,
      attachments: stored.attachments,
      ...extra,
    });
  }

  private callback(req: RecordedRequest, [id, token]: Params) {
    const interaction = this.interactions.get(id!);
    if (!interaction || interaction.token !== token) return this.error(DiscordErrors.UnknownInteraction);
    if (interaction.acked) return this.error(DiscordErrors.AlreadyAcknowledged);
    if (performance.now() - interaction.sentAt > this.opts.interactionDeadlineMs) return this.error(DiscordErrors.UnknownInteraction);
    const body = (req.body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const allowed = interaction.type === 4 ? [8] : interaction.type === 3 ? [4, 5, 6, 7, 9] : [4, 5, 9];
    if (typeof body.type !== 'number' || !allowed.includes(body.type)) return this.invalid([`type: ${String(body.type)} is not valid for this interaction`]);
    const problems =
      body.type === 8 ? validateChoices(body.data) : body.type === 4 || body.type === 7 ? this.validateMessage(body.data ?? {}, body.type === 4) : [];
    if (problems.length > 0) return this.invalid(problems);
    interaction.acked = true;
    interaction.responseType = body.type;
    const channelId = [...this.channels.keys()][0] ?? snowflake();
    if (body.type === 4 || body.type === 7) interaction.original = this.message(channelId, body.data ?? {}, { webhook_id: this.opts.applicationId });
    if (body.type === 5)
      interaction.original = this.message(channelId, { flags: (Number(body.data?.flags ?? 0) & 64) | 128 }, { webhook_id: this.opts.applicationId });
    this.emit('callback', req, interaction);
    if (req.query.with_response !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id,
          type: interaction.type,
          response_message_id: interaction.original?.id,
          response_message_loading: body.type === 5,
          response_message_ephemeral: Boolean(Number(body.data?.flags ?? 0) & 64),
        },
        resource: { type: body.type, ...(interaction.original ? { message: interaction.original } : {}) },
      },
    };
  }

  /**
   * HTTP interactions: the bot's HTTP answer to a signed POST is the interaction's callback.
   * Recorded as the callback request would be, so waitForCallback and webhooks work the same.
   */
  acceptHttpAnswer(id: string, token: string, body: unknown): RecordedRequest {
    const record: RecordedRequest = {
      method: 'POST',
      path: `/api/v10/interactions/${id}/${token}/callback`,
      query: {},
      headers: {},
      body,
      files: [],
      status: 0,
      at: performance.now(),
    };
    this.requests.push(record);
    if (this.requests.length > this.opts.maxRecords) this.requests.splice(0, this.requests.length - this.opts.maxRecords);
    record.status = this.callback(record, [id, token]).status;
    this.emit('request', record);
    return record;
  }

  private byWebhook(app: string | undefined, token: string | undefined): InteractionRecord | undefined {
    if (app !== this.opts.applicationId) return undefined;
    for (const i of this.interactions.values()) if (i.token === token) return i;
    return undefined;
  }

  private original(req: RecordedRequest, [app, token]: Params) {
    const interaction = this.byWebhook(app, token);
    if (!interaction?.acked) return this.error(DiscordErrors.UnknownWebhook);
    if (!interaction.original) return this.error(DiscordErrors.UnknownMessage);
    if (req.method === 'GET') return { status: 200, body: interaction.original };
    if (req.method === 'DELETE') {
      interaction.original = undefined;
      return { status: 204 };
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    // An edit may add IS_COMPONENTS_V2 but never drop it: a V2 message stays V2 (and is validated as one).
    const flags = (interaction.original.flags ?? 0) | (typeof body.flags === 'number' ? body.flags & IS_COMPONENTS_V2 : 0);
    const edit: Record<string, unknown> = {
      ...body,
      ...(flags & IS_COMPONENTS_V2 ? { flags: (typeof body.flags === 'number' ? body.flags : 0) | IS_COMPONENTS_V2 } : {}),
    };
    const problems = this.validateMessage(edit, false);
    if (problems.length > 0) return this.invalid(problems);
    const stored = storeAttachments(interaction.original.channel_id, edit, this.uploads);
    interaction.original = {
      ...interaction.original,
      ...(edit.content !== undefined ? { content: String(edit.content) } : {}),
      ...(edit.embeds !== undefined ? { embeds: stored.embeds ?? [] } : {}),
      ...(this.uploads.length > 0 ? { attachments: stored.attachments } : {}),
      ...(edit.components !== undefined ? { components: (stored.components ?? edit.components) as APIMessage['components'] } : {}),
      flags: flags & ~128,
      edited_timestamp: new Date().toISOString(),
    };
    return { status: 200, body: interaction.original };
  }

  private followUp(req: RecordedRequest, [app, token]: Params) {
    const interaction = this.byWebhook(app, token);
    if (!interaction?.acked) return this.error(DiscordErrors.UnknownWebhook);
    const problems = this.validateMessage(req.body ?? {}, true);
    if (problems.length > 0) return this.invalid(problems);
    const message = this.message(interaction.original?.channel_id ?? snowflake(), (req.body ?? {}) as Record<string, unknown>, { webhook_id: app! });
    interaction.followUps.push(message);
    return { status: 200, body: message };
  }

  private putCommands(req: RecordedRequest, app: string, guild: string | null) {
    if (app !== this.opts.applicationId) return this.error(DiscordErrors.MissingAccess);
    const problems = validateCommands(req.body);
    if (problems.length > 0) return this.invalid(problems);
    // Bulk overwrite: a command keeps its id across overwrites, which is what makes it idempotent.
    const stored = (req.body as Array<Record<string, unknown>>).map((c) => {
      const key = `${guild ?? 'global'}:${String(c.name)}`;
      const id = this.commandIds.get(key) ?? snowflake();
      this.commandIds.set(key, id);
      return {
        type: 1,
        default_member_permissions: null,
        nsfw: false,
        ...c,
        id,
        application_id: app,
        version: snowflake(),
        ...(guild ? { guild_id: guild } : {}),
      } as APIApplicationCommand;
    });
    if (guild) this.commands.guilds.set(guild, stored);
    else this.commands.global = stored;
    return { status: 200, body: stored };
  }

  private getChannel(id: string) {
    const channel = this.channels.get(id);
    return channel ? { status: 200, body: channel } : this.error(DiscordErrors.UnknownChannel);
  }

  /**
   * GET /channels/{id}/messages: `around`/`before`/`after` and `limit` (1-100, default 50),
   * newest first. Discord does not keep a message's nonce: a fetched message has none.
   */
  private listMessages(req: RecordedRequest, channelId: string) {
    if (!this.channels.has(channelId)) return this.error(DiscordErrors.UnknownChannel);
    const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return this.invalid(['limit: must be between 1 and 100']);
    const all = this.messages.get(channelId) ?? []; // oldest first
    const id = (m: APIMessage) => BigInt(m.id);
    let page: APIMessage[];
    if (req.query.after) {
      const after = BigInt(req.query.after);
      page = all.filter((m) => id(m) > after).slice(0, limit);
    } else if (req.query.before) {
      const before = BigInt(req.query.before);
      page = all.filter((m) => id(m) < before).slice(-limit);
    } else page = all.slice(-limit);
    return { status: 200, body: page.reverse().map(({ nonce: _nonce, ...m }) => m) };
  }

  private getMessage(channelId: string, messageId: string) {
    if (!this.channels.has(channelId)) return this.error(DiscordErrors.UnknownChannel);
    const message = this.messages.get(channelId)?.find((m) => m.id === messageId);
    if (!message) return this.error(DiscordErrors.UnknownMessage);
    const { nonce: _nonce, ...rest } = message;
    return { status: 200, body: rest };
  }

  /**
   * POST /channels/{c}/messages/{m}/threads: a public thread whose id is the message's, as
   * Discord makes it; the message then carries it in `thread`. One per message: 160004 after.
   */
  private startThread(req: RecordedRequest, channelId: string, messageId: string) {
    const parent = this.channels.get(channelId);
    if (!parent) return this.error(DiscordErrors.UnknownChannel);
    const message = this.messages.get(channelId)?.find((m) => m.id === messageId);
    if (!message) return this.error(DiscordErrors.UnknownMessage);
    if (message.thread) return this.error(DiscordErrors.ThreadAlreadyCreated);
    const name = (req.body as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 100) return this.invalid(['name: must be 1-100 characters']);
    const thread = {
      id: messageId,
      type: 11,
      guild_id: parent.guild_id,
      parent_id: channelId,
      owner_id: this.opts.bot.id,
      name,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      thread_metadata: { archived: false, auto_archive_duration: 10080, archive_timestamp: new Date().toISOString(), locked: false },
      total_message_sent: 0,
    };
    this.channels.set(thread.id, thread as unknown as APITextChannel);
    message.thread = thread as unknown as APIMessage['thread'];
    return { status: 201, body: thread };
  }

  private createMessage(req: RecordedRequest, channelId: string) {
    if (!this.channels.has(channelId)) return this.error(DiscordErrors.UnknownChannel);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const problems = this.validateMessage(body, true);
    if (problems.length > 0) return this.invalid(problems);
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
    const seen = this.nonces.get(channelId) ?? new Map<string, { message: APIMessage; at: number }>();
    this.nonces.set(channelId, seen);
    // enforce_nonce: a repeat within the window returns the first message instead of a duplicate.
    // After the window the nonce is forgotten, as Discord forgets it after a few minutes.
    const first = nonce ? seen.get(nonce) : undefined;
    if (nonce && first && performance.now() - first.at > this.nonceWindowMs) seen.delete(nonce);
    else if (nonce && first && body.enforce_nonce === true) return { status: 200, body: first.message };
    const message = this.message(channelId, body, nonce ? { nonce } : {});
    if (nonce && body.enforce_nonce === true) seen.set(nonce, { message, at: performance.now() });
    const list = this.messages.get(channelId) ?? [];
    list.push(message);
    this.messages.set(channelId, list);
    return { status: 200, body: message };
  }
}
