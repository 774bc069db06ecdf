import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Client, DefaultRestOptions, Events, InteractionType, type Interaction } from 'discord.js';
import { ConfigError, type Env } from '../../config/env.js';
import { newErrorId } from '../../app/dispatch.js';
import { createInteractionHandler, guardInteractionCreate, type InteractionHandlerOptions } from './interactions.js';
import { discordClientOptions, type DiscordRuntime } from './client.js';
import { discordExtensions } from './extensions.js';
import { checkDiscordSignature, discordPublicKey } from './signature.js';

/** Interactions are small; anything bigger is not from Discord. */
export const MAX_INTERACTION_BODY_BYTES = 256 * 1024;
/** Discord waits 3 s for the HTTP answer; the handler defers after 1 s, so this only catches a bug. */
const ANSWER_TIMEOUT_MS = 2_800;
const CALLBACK_PATH = /\/interactions\/(\d+)\/([^/?]+)\/callback(?:\?|$)/;

export interface StartDiscordHttpOptions extends InteractionHandlerOptions {
  env: Env;
}

export interface DiscordHttpRuntime extends DiscordRuntime {
  /** Mount at POST /discord/interactions. */
  requestListener: RequestListener;
}

/** Hands the HTTP answer over; resolves once it has been written to Discord. */
type PendingAnswer = (body: string) => Promise<void>;

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping it; the rest is discarded and the 413 closes the connection.
        req.off('data', onData);
        req.resume();
        chunks.length = 0;
        resolve('too large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * Discord over HTTP interactions: Discord POSTs each interaction to our endpoint and takes the
 * HTTP response as the interaction's first answer, so no gateway connection is needed and any
 * replica behind a load balancer can answer. The interaction is handed to discord.js exactly as
 * the gateway hands it over (its InteractionCreate action), so the same handler, Dispatcher,
 * renderer and limits answer it. The first callback that handler makes (reply, deferReply,
 * respond, update) is caught at the REST layer and becomes the HTTP response; everything after
 * it (the edit of a deferred answer, follow-ups) goes to Discord's webhook API as in gateway mode.
 */
export function startDiscordHttp(opts: StartDiscordHttpOptions): DiscordHttpRuntime {
  const { env } = opts;
  const log = opts.logger.child({ platform: 'discord', mode: 'http' });
  if (!env.DISCORD_PUBLIC_KEY) throw new ConfigError(['DISCORD_PUBLIC_KEY: required for HTTP interactions']);
  if (!env.DISCORD_TOKEN) throw new ConfigError(['DISCORD_TOKEN: required to start the Discord bot']);
  const key = discordPublicKey(env.DISCORD_PUBLIC_KEY);
  const pending = new Map<string, PendingAnswer>();

  const base = discordClientOptions(env);
  const client = new Client({
    ...base,
    rest: {
      ...base.rest,
      // The first callback of an interaction that arrived over HTTP is that request's response.
      makeRequest: async (url, init) => {
        const id = CALLBACK_PATH.exec(url)?.[1];
        const answer = id ? pending.get(id) : undefined;
        if (id && answer) {
          pending.delete(id);
          if (!(init.body instanceof FormData)) {
            await answer(typeof init.body === 'string' ? init.body : String(init.body ?? ''));
            return new Response(null, { status: 204 });
          }
          // A callback with files (a chart): an HTTP answer is JSON only. Defer in it, then put the
          // message and its files on the original response through the webhook, as a deferred answer's edit does.
          const payload = JSON.parse(String(init.body.get('payload_json') ?? '{}')) as { type?: number; data?: { flags?: number } };
          const flags = payload.data?.flags;
          await answer(JSON.stringify(payload.type === 7 ? { type: 6 } : { type: 5, ...(flags ? { data: { flags } } : {}) }));
          const edit = new FormData();
          for (const [name, value] of init.body) edit.append(name, name === 'payload_json' ? JSON.stringify(payload.data ?? {}) : value);
          const token = CALLBACK_PATH.exec(url)?.[2];
          const original = url.replace(/\/interactions\/.*$/, `/webhooks/${env.DISCORD_APPLICATION_ID}/${token}/messages/@original`);
          await DefaultRestOptions.makeRequest(original, { ...init, method: 'PATCH', body: edit });
          return new Response(null, { status: 204 });
        }
        return DefaultRestOptions.makeRequest(url, init);
      },
    },
  });
  // REST only: the token authorises spotlight posts; interactions need no login.
  client.rest.setToken(env.DISCORD_TOKEN);
  const handler = createInteractionHandler({ ...opts, extraCommands: opts.extraCommands ?? discordExtensions });
  const onInteraction = (interaction: Interaction) => void handler(interaction);
  guardInteractionCreate(client, opts.logger);
  client.on(Events.InteractionCreate, onInteraction);
  const action = (client as unknown as { actions?: { InteractionCreate?: { handle(data: unknown): unknown } } }).actions?.InteractionCreate;
  if (typeof action?.handle !== 'function') throw new Error('discord.js internals changed: cannot hand HTTP interactions to the client');
  let stopped = false;
  let received = 0;

  const listener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, '{"error":"method not allowed"}');
    // The service's HTTP server has already read (and capped) every body into req.rawBody, as
    // Bolt expects; mounted on a plain server, the listener reads the stream itself.
    const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody ?? (await readRaw(req, MAX_INTERACTION_BODY_BYTES));
    if (raw === 'too large' || raw.length > MAX_INTERACTION_BODY_BYTES) {
      res.setHeader('connection', 'close');
      return send(res, 413, '{"error":"body too large"}');
    }
    const check = checkDiscordSignature(key, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp') }, raw);
    if (!check.ok) {
      // Discord probes the endpoint with forged requests: refuse and do nothing else.
      log.warn({ reason: check.reason }, 'discord interaction refused: bad signature');
      return send(res, 401, '{"error":"invalid request signature"}');
    }
    let data: { id?: unknown; type?: unknown };
    try {
      data = JSON.parse(raw.toString('utf8')) as typeof data;
    } catch {
      return send(res, 400, '{"error":"invalid JSON"}');
    }
    if (data.type === InteractionType.Ping) return send(res, 200, '{"type":1}');
    if (stopped) return send(res, 503, '{"error":"shutting down"}');
    if (typeof data.id !== 'string' || !/^\d+$/.test(data.id)) return send(res, 400, '{"error":"no interaction id"}');
    const id = data.id;
    received++;
    let written!: () => void;
    const sent = new Promise<void>((resolve) => (written = resolve));
    const answered = new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(undefined);
      }, ANSWER_TIMEOUT_MS);
      pending.set(id, (body) => {
        clearTimeout(timer);
        resolve(body);
        return sent;
      });
    });
    // The same step the gateway takes with an INTERACTION_CREATE (guarded against malformed payloads).
    action.handle(data);
    const body = await answered;
    if (body === undefined) {
      const errorId = newErrorId();
      log.error({ interactionId: id, errorId }, 'discord interaction got no answer in time');
      return send(res, 500, JSON.stringify({ error: 'no answer', errorId }));
    }
    res.once('finish', written).once('close', written);
    send(res, 200, body);
  };

  return {
    client,
    requestListener: (req, res) => {
      listener(req, res).catch((err: unknown) => {
        log.error({ err }, 'discord interaction request failed');
        if (!res.headersSent) send(res, 500, '{"error":"internal"}');
        else res.end();
      });
    },
    health() {
      if (stopped) return { ok: false, detail: 'stopped' };
      return { ok: true, detail: `HTTP interactions at /discord/interactions (${received} received)` };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      client.off(Events.InteractionCreate, onInteraction);
      await client.destroy();
    },
  };
}
