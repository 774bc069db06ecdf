import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { REST } from '@discordjs/rest';
import { InteractionResponseType, InteractionType, type APIInteractionResponse } from 'discord-api-types/v10';
import { newErrorId } from '../../app/dispatch.js';
import { ConfigError, type Env } from '../../config/env.js';
import { InFlight } from '../shared/in-flight.js';
import { readCappedBody } from '../shared/request-body.js';
import { discordConfigProblems } from './config.js';
import { createInteractionHandler, type InteractionHandlerOptions, STOP_GRACE_MS } from './interactions.js';
import type { FirstAnswer } from './reply.js';
import { isReplay } from './replay.js';
import { closeRest, discordRest } from './rest.js';
import { checkDiscordSignature, discordPublicKey } from './signature.js';

/** Interactions are small; anything bigger is not from Discord. */
export const MAX_INTERACTION_BODY_BYTES = 256 * 1024;
/** Discord waits 3 s for the HTTP answer; the handler defers after 1 s, so this only catches a bug. */
const ANSWER_TIMEOUT_MS = 2_800;

export interface StartDiscordHttpOptions extends InteractionHandlerOptions {
  env: Env;
}

export interface DiscordHttpRuntime {
  /** The REST client every webhook edit and spotlight post goes through. */
  rest: REST;
  /** Mount at POST /discord/interactions. */
  requestListener: RequestListener;
  health(): { ok: boolean; detail: string };
  stop(): Promise<void>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The first answer of an interaction that arrived over HTTP: the response to Discord's POST. */
function httpAnswer(res: ServerResponse): FirstAnswer & { given: Promise<void>; expire(): boolean } {
  let give!: () => void;
  const given = new Promise<void>((resolve) => (give = resolve));
  let open = true;
  return {
    carriesFiles: false,
    given,
    send(_to, response: APIInteractionResponse) {
      if (!open) return Promise.reject(new Error('the HTTP answer was already given, or timed out'));
      open = false;
      // Resolves once the answer is on its way: a webhook edit after it may then find the message.
      const written = new Promise<void>((resolve) => res.once('finish', resolve).once('close', resolve));
      send(res, 200, response);
      give();
      return written;
    },
    refuse(reason) {
      if (!open) return;
      open = false;
      send(res, 400, { error: reason });
      give();
    },
    expire() {
      const was = open;
      open = false;
      return was;
    },
  };
}

/**
 * Discord over HTTP interactions, as Discord documents them: it POSTs each interaction to this
 * endpoint, signed with the application's key; the response is the interaction's first answer.
 * So no gateway connection and no discord.js client are needed, and any replica behind a load
 * balancer can answer. The signature is checked first (401 otherwise), PING gets PONG, and every
 * other interaction goes to the one interaction handler the gateway uses too: its answer is the
 * response when ready within a second, otherwise the response defers and the answer is edited
 * onto `@original` through the webhook with @discordjs/rest.
 */
export function startDiscordHttp(opts: StartDiscordHttpOptions): DiscordHttpRuntime {
  const { env } = opts;
  const log = opts.logger.child({ platform: 'discord', mode: 'http' });
  const problems = [...discordConfigProblems(env), ...(env.DISCORD_PUBLIC_KEY ? [] : ['DISCORD_PUBLIC_KEY: required for HTTP interactions'])];
  if (problems.length > 0 || !env.DISCORD_PUBLIC_KEY) throw new ConfigError(problems);
  const key = discordPublicKey(env.DISCORD_PUBLIC_KEY);
  // REST only: the token authorises spotlight posts; interaction webhooks need none.
  const rest = discordRest(env, log);
  const handler = createInteractionHandler({ ...opts, rest });
  const inFlight = new InFlight();
  let stopped = false;
  let received = 0;

  const listener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
    // The service's HTTP server has read (and capped) the body already; mounted on its own, it is read here.
    const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody ?? (await readCappedBody(req, MAX_INTERACTION_BODY_BYTES));
    if (raw === 'aborted') return;
    if (raw === 'too-large' || raw.length > MAX_INTERACTION_BODY_BYTES) {
      res.setHeader('connection', 'close');
      return send(res, 413, { error: 'body too large' });
    }
    const check = checkDiscordSignature(key, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp') }, raw);
    if (!check.ok) {
      // Discord probes the endpoint with forged requests: refuse and do nothing else.
      log.warn({ reason: check.reason }, 'discord interaction refused: bad signature');
      return send(res, 401, { error: 'invalid request signature' });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'invalid JSON' });
    }
    if ((payload as { type?: unknown } | null)?.type === InteractionType.Ping) return send(res, 200, { type: InteractionResponseType.Pong });
    if (stopped) return send(res, 503, { error: 'shutting down' });
    const id = (payload as { id?: unknown } | null)?.id;
    if (opts.store && typeof id === 'string' && (await isReplay(opts.store.events, id, log))) {
      log.warn({ interaction: id }, 'discord interaction refused: already received');
      return send(res, 409, { error: 'interaction already received' });
    }
    received++;
    const answer = httpAnswer(res);
    void inFlight.track(handler(payload, answer));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(resolve, ANSWER_TIMEOUT_MS, 'late');
    });
    const first = await Promise.race([answer.given, late]);
    clearTimeout(timer);
    if (first === 'late' && answer.expire()) {
      const errorId = newErrorId();
      log.error({ errorId }, 'discord interaction got no answer in time');
      send(res, 500, { error: 'no answer', errorId });
    }
  };

  return {
    rest,
    requestListener: (req, res) => {
      listener(req, res).catch((err: unknown) => {
        log.error({ err }, 'discord interaction request failed');
        if (!res.headersSent) send(res, 500, { error: 'internal' });
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
      // New interactions get 503 (a balancer retries another replica); answers under way finish.
      await inFlight.settle(STOP_GRACE_MS);
      closeRest(rest);
    },
  };
}
