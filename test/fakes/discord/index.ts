import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteraction, APIMessage, APIUser } from 'discord.js';
import { FakeGateway } from './gateway.js';
import { FakeRest, type InteractionRecord, type RecordedRequest } from './rest.js';
import * as build from './payloads.js';
import { snowflake } from './snowflake.js';
import { InteractionSigner, type SignedHttpResult, type Tamper } from './signed-http.js';
import { dmChannel, messageCreate } from './messages.js';

export { DiscordErrors, type ApiError, type RateLimitInjection, type RecordedRequest, type InteractionRecord } from './rest.js';
export { validateMessage, validateCommands, validateChoices, LIMITS } from './validate.js';
export { IS_COMPONENTS_V2, V2_LIMITS, countComponents, textDisplays } from './validate-v2.js';
export * as payloads from './payloads.js';
export { snowflake } from './snowflake.js';
export { InteractionSigner, type SignedHttpResult, type Tamper } from './signed-http.js';

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** Discord suggests ~41 s; tests use less so heartbeats really happen. */
  heartbeatIntervalMs?: number;
  /** Bot requests per second before a global 429 (Discord: 50). Off by default. */
  globalRateLimit?: number | null;
  interactionDeadlineMs?: number;
  /** Bound the recorded requests and interactions (oldest dropped); unbounded by default. */
  maxRecords?: number;
  /** How long enforce_nonce remembers a nonce; Discord says "a few minutes" (default 5 min). */
  nonceWindowMs?: number;
}

export interface Started {
  apiUrl: string;
  gatewayUrl: string;
  port: number;
}

export interface SentInteraction {
  id: string;
  token: string;
  /** performance.now() just before the INTERACTION_CREATE was written. */
  sentAt: number;
  seq: number;
}

export interface Callback {
  request: RecordedRequest;
  /** The callback body: { type, data }. */
  type: number;
  data: Record<string, unknown>;
  /** Milliseconds from sending INTERACTION_CREATE to receiving the callback. */
  latencyMs: number;
}

/**
 * A Discord on loopback for end-to-end tests: gateway (WebSocket) and REST under /api/v10 on one
 * port. Point discord.js at it with `rest: { api: apiUrl }`; it learns the gateway URL from
 * GET /gateway/bot like it does from Discord.
 */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly ownerId = snowflake();
  readonly bot: APIUser;
  /** The member who sends interactions unless a builder is given another. */
  readonly member: APIUser;
  readonly gateway: FakeGateway;
  readonly rest: FakeRest;
  private readonly maxRecords: number;
  private server: Server | null = null;
  private port = 0;

  constructor(opts: FakeDiscordOptions = {}) {
    this.token = opts.token ?? 'fake-bot-token.for-tests-only';
    this.applicationId = opts.applicationId ?? snowflake();
    this.bot = build.user(this.applicationId, 'RoleCall', true);
    this.member = build.user(this.ownerId, 'ada');
    const channel = build.textChannel(this.channelId, this.guildId);
    this.rest = new FakeRest({
      token: this.token,
      applicationId: this.applicationId,
      bot: this.bot,
      gatewayUrl: () => `ws://127.0.0.1:${this.port}/gateway`,
      interactionDeadlineMs: opts.interactionDeadlineMs ?? 3000,
      maxRecords: opts.maxRecords ?? Number.POSITIVE_INFINITY,
      nonceWindowMs: opts.nonceWindowMs ?? 5 * 60_000,
    });
    this.maxRecords = opts.maxRecords ?? Number.POSITIVE_INFINITY;
    this.rest.channels.set(channel.id, channel);
    this.rest.setGlobalRateLimit(opts.globalRateLimit ?? null);
    this.gateway = new FakeGateway({
      token: this.token,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      ready: () => ({
        v: 10,
        user: { ...this.bot, verified: true, mfa_enabled: false },
        guilds: [{ id: this.guildId, unavailable: true }],
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
      }),
      afterReady: () => [{ t: 'GUILD_CREATE', d: build.guildCreate(this.guildId, this.ownerId, this.bot, [...this.rest.channels.values()]) }],
    });
  }

  get requests(): RecordedRequest[] {
    return this.rest.requests;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<Started> {
    const server = createServer((req, res) => {
      this.rest.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      if (!FakeGateway.PATHS.includes(path)) return void socket.destroy();
      this.gateway.handleUpgrade(req, socket, head, `ws://127.0.0.1:${this.port}/gateway-resume`);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { apiUrl: this.apiUrl, gatewayUrl: `ws://127.0.0.1:${this.port}/gateway`, port: this.port };
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Where interactions come from: this guild, its channel, the default member. */
  scene(overrides: Partial<build.InteractionScene> = {}): build.InteractionScene & { bot: APIUser } {
    return { applicationId: this.applicationId, guildId: this.guildId, channelId: this.channelId, user: this.member, bot: this.bot, ...overrides };
  }

  /** The id a deployed command has here, so chat inputs carry it like Discord's do. */
  commandId(name: string): string | undefined {
    const deployed = [...this.rest.commands.global, ...(this.rest.commands.guilds.get(this.guildId) ?? [])];
    return deployed.find((c) => c.name === name)?.id;
  }

  /** Interaction builders bound to this guild; pass the result to send(). */
  readonly interaction = {
    chatInput: (name: string, options?: build.OptionsInput, scene?: Partial<build.InteractionScene>) =>
      build.chatInput(this.scene(scene), name, options, this.commandId(name)),
    autocomplete: (name: string, focused: { name: string; value: string }, others?: Record<string, build.OptionInput>) =>
      build.autocomplete(this.scene(), name, focused, others, this.commandId(name)),
    button: (customId: string, message?: APIMessage) => build.button(this.scene(), customId, message),
    select: (customId: string, values: string[], message?: APIMessage) => build.select(this.scene(), customId, values, message),
  };

  /** Discord's signing key pair for HTTP interactions; give the bot `signer.publicKeyHex`. */
  readonly signer = new InteractionSigner();

  private track(interaction: APIInteraction): InteractionRecord {
    const record: InteractionRecord = {
      id: interaction.id,
      token: interaction.token,
      type: interaction.type,
      sentAt: performance.now(),
      acked: false,
      followUps: [],
    };
    this.rest.interactions.set(interaction.id, record);
    if (this.rest.interactions.size > this.maxRecords) {
      const oldest = this.rest.interactions.keys().next().value;
      if (oldest !== undefined) this.rest.interactions.delete(oldest);
    }
    return record;
  }

  /**
   * HTTP interactions: POSTs the interaction, signed, to the bot's endpoint (`url`, its
   * /discord/interactions) and takes a 200 answer as the interaction's callback, as Discord does.
   * `tamper` spoils the signature the way Discord's endpoint check does.
   */
  async sendHttp(
    url: string,
    interaction: APIInteraction | { type: 1; id: string; token: string; application_id: string },
    tamper: Tamper = 'none',
  ): Promise<SignedHttpResult> {
    if (interaction.type !== 1) this.track(interaction as APIInteraction);
    const result = await this.signer.post(url, interaction, tamper);
    if (result.status === 200 && interaction.type !== 1) this.rest.acceptHttpAnswer(interaction.id, interaction.token, result.body);
    return result;
  }

  /** A PING, as Discord sends when the endpoint URL is saved in the Developer Portal. */
  ping(): { type: 1; id: string; token: string; application_id: string } {
    return { type: 1, id: snowflake(), token: `ping-${snowflake()}`, application_id: this.applicationId };
  }

  /** A DM channel between the bot and `recipient`, known to REST so the bot can post in it. */
  openDm(recipient: APIUser = this.member): string {
    const channel = dmChannel(recipient);
    this.rest.channels.set(channel.id, channel as never);
    return channel.id;
  }

  /**
   * A person's message, dispatched as MESSAGE_CREATE when the bot's IDENTIFY intents would get
   * it (and with its content only where Discord gives it: see messages.ts). In this guild's
   * channel unless `dm` names a DM channel (openDm). Returns the message, or undefined when
   * Discord would have sent the bot nothing.
   */
  postMessage(
    content: string,
    opts: { author?: APIUser; dm?: string; channelId?: string; mentionBot?: boolean; mentions?: APIUser[]; webhookId?: string } = {},
  ): APIMessage | undefined {
    const intents = Number((this.gateway.identified.at(-1) as { intents?: number } | undefined)?.intents ?? 0);
    const mentions = [...(opts.mentionBot ? [this.bot] : []), ...(opts.mentions ?? [])];
    const message = messageCreate(intents, this.bot, {
      content,
      author: opts.author ?? this.member,
      channelId: opts.dm ?? opts.channelId ?? this.channelId,
      ...(opts.dm ? {} : { guildId: this.guildId }),
      mentions,
      mentionEveryone: /@everyone|@here/.test(content),
      ...(opts.webhookId ? { webhookId: opts.webhookId } : {}),
    });
    if (message) this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** Dispatches INTERACTION_CREATE (kept for replay if the bot is disconnected). */
  send(interaction: APIInteraction): SentInteraction {
    const record = this.track(interaction);
    const seq = this.gateway.dispatch('INTERACTION_CREATE', interaction);
    return { id: interaction.id, token: interaction.token, sentAt: record.sentAt, seq };
  }

  /** Resolves with the first callback Discord accepted (2xx) for this interaction. */
  waitForCallback(interactionId: string, timeoutMs = 10_000): Promise<Callback> {
    const path = (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${interactionId}/`);
    return this.waitForRequest((r) => path(r) && r.status >= 200 && r.status < 300, timeoutMs).then((request) => {
      const body = (request.body ?? {}) as { type?: number; data?: Record<string, unknown> };
      const sentAt = this.rest.interactions.get(interactionId)?.sentAt ?? request.at;
      return { request, type: body.type ?? 0, data: body.data ?? {}, latencyMs: request.at - sentAt };
    });
  }

  /** Sends an interaction and waits for its callback. */
  async roundTrip(interaction: APIInteraction, timeoutMs?: number): Promise<Callback> {
    const waiting = this.waitForCallback(interaction.id, timeoutMs);
    this.send(interaction);
    return waiting;
  }

  /**
   * Sends an interaction and resolves with its answer: the callback, or, when the bot deferred
   * (a slow answer, such as the first chart in a process), the edit that carried the answer.
   */
  async answer(interaction: APIInteraction, timeoutMs = 20_000): Promise<Callback> {
    const cb = await this.roundTrip(interaction, timeoutMs);
    if (cb.type !== 5) return cb;
    const edit = await this.waitForRequest(
      (r) => r.method === 'PATCH' && r.path.endsWith(`/${interaction.token}/messages/@original`) && r.status === 200,
      timeoutMs,
    );
    return { request: edit, type: 4, data: (edit.body ?? {}) as Record<string, unknown>, latencyMs: cb.latencyMs };
  }

  /** Resolves with the first answered request (already recorded or future) that matches. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const done = this.rest.requests.find((r) => r.status > 0 && predicate(r));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const onRequest = (r: RecordedRequest) => {
        if (!predicate(r)) return;
        cleanup();
        resolve(r);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.rest.off('request', onRequest);
      };
      this.rest.on('request', onRequest);
    });
  }

  /** Resolves on the next gateway event: identify, resume, resumed, ready, heartbeat, connection, closed. */
  nextGatewayEvent(event: string, timeoutMs = 15_000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.gateway.off(event, onEvent);
        reject(new Error(`fake discord: no gateway ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onEvent = (value: unknown) => {
        clearTimeout(timer);
        resolve(value);
      };
      this.gateway.once(event, onEvent);
    });
  }

  /** The message an interaction's answer created, shaped like the one a later click carries. */
  originalMessage(interactionId: string): APIMessage | undefined {
    return this.rest.interactions.get(interactionId)?.original;
  }

  injectRateLimit(...args: Parameters<FakeRest['injectRateLimit']>): void {
    this.rest.injectRateLimit(...args);
  }

  failNext(...args: Parameters<FakeRest['failNext']>): void {
    this.rest.failNext(...args);
  }

  setChannelError(...args: Parameters<FakeRest['setChannelError']>): void {
    this.rest.setChannelError(...args);
  }

  setGlobalRateLimit(perSecond: number | null): void {
    this.rest.setGlobalRateLimit(perSecond);
  }

  /** Adds a text channel to the guild (sent in GUILD_CREATE on the next identify). */
  addChannel(name = 'announcements'): string {
    const id = snowflake();
    this.rest.channels.set(id, build.textChannel(id, this.guildId, name));
    return id;
  }
}
