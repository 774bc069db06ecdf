import { DefaultRestOptions, type REST } from '@discordjs/rest';
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Options, Partials, Status, type ClientOptions } from 'discord.js';
import { ConfigError, type Env } from '../../config/env.js';
import { discordConfigProblems } from './config.js';
import { guardInteractionCreate } from './guard.js';
import { InFlight } from '../shared/in-flight.js';
import { createInteractionHandler, type InteractionHandlerOptions, STOP_GRACE_MS } from './interactions.js';
import { inviteUrl } from './invite.js';
import { createMessageHandler } from './messages.js';
import { callbackAnswer } from './reply.js';
import { closeRest, discordRest, discordRestOptions } from './rest.js';
import { isNetworkError, PlatformUnreachableError } from '../shared/unreachable.js';

/** What the interaction handler needs, plus the environment the client is built from. */
/** `store` (InteractionHandlerOptions) keeps /ask's follow-up context for /ask, mentions and DMs. */
export interface StartDiscordOptions extends InteractionHandlerOptions {
  env: Env;
}

export interface DiscordRuntime {
  /** The discord.js client: the gateway connection only. */
  client: Client;
  /** The REST client every answer, webhook edit and spotlight post goes through. */
  rest: REST;
  health(): { ok: boolean; detail: string };
  stop(): Promise<void>;
}

export interface DiscordGateway extends DiscordRuntime {
  /** Settles once the client is ready; rejects, with the reason, when the login fails. */
  ready: Promise<void>;
}

/**
 * Slash commands and components arrive as interactions whatever the intents; Guilds gives the
 * guild list; GuildMessages and DirectMessages deliver messages, so a mention of the bot or a
 * DM to it is a question (messages.ts). None is privileged: without MessageContent Discord
 * gives the text only of DMs and of messages that mention the bot, which is all RoleCall reads.
 * The Channel partial lets discord.js handle a DM whose channel it has not cached (Discord does
 * not send DM channels ahead). Caches that would grow with every user who clicks something are
 * off; nothing here reads them.
 */
function discordClientOptions(env: Env): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: discordRestOptions(env),
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user?.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
    }),
  };
}

/**
 * Discord over the gateway: discord.js keeps the WebSocket (identify, heartbeats, resume), and
 * each INTERACTION_CREATE reaches the one interaction handler as the raw payload, through the
 * client's public raw-dispatch event. The first answer goes to the callback route over REST.
 * Logs in at once; `ready` settles when the client is ready. Commands are never registered here:
 * Discord caps command creates per day, so that is `npm run discord:deploy`'s job.
 */
export function connectDiscord(opts: StartDiscordOptions): DiscordGateway {
  const { env } = opts;
  const log = opts.logger.child({ platform: 'discord' });
  const problems = discordConfigProblems(env);
  if (problems.length > 0 || !env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID) throw new ConfigError(problems);
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId } = env;

  const rest = discordRest(env, log);
  const client = new Client(discordClientOptions(env));
  const handler = createInteractionHandler({ ...opts, rest });
  const answer = callbackAnswer(rest);
  const inFlight = new InFlight();
  const onInteraction = (data: unknown) => void inFlight.track(handler(data, answer));
  const messages = createMessageHandler({ ...opts, rest, botUserId: () => client.user?.id });
  const onMessage = (data: unknown) => void inFlight.track(messages(data));
  let stopped = false;

  client.ws.on(GatewayDispatchEvents.InteractionCreate, onInteraction);
  client.ws.on(GatewayDispatchEvents.MessageCreate, onMessage);
  guardInteractionCreate(client, log);
  // An 'error' event without a listener would throw and end the process.
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord warning'));
  client.on(Events.ShardError, (err, shardId) => log.warn({ err, shardId }, 'gateway connection error'));
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopped) log.warn({ shardId }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.error({ code: event.code, shardId }, 'gateway closed and will not reconnect'));

  const ready = (async () => {
    const connected = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(token);
      await connected;
    } catch (error) {
      await client.destroy().catch(() => undefined);
      if (isNetworkError(error)) throw new PlatformUnreachableError('Discord', env.DISCORD_API_URL ?? DefaultRestOptions.api, 'DISCORD_API_URL');
      throw new Error(`Discord login failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (client.application && client.application.id !== applicationId) {
      log.warn(
        { configured: applicationId, actual: client.application.id },
        'DISCORD_APPLICATION_ID does not match the token: deployed commands will not reach this bot',
      );
    }
    log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, invite: inviteUrl(applicationId) }, 'discord ready');
  })();
  // Awaited by whoever started it; a failure meanwhile must not surface as an unhandled rejection.
  ready.catch(() => undefined);

  return {
    client,
    rest,
    ready,
    health() {
      if (stopped) return { ok: false, detail: 'stopped' };
      const shards = [...client.ws.shards.values()];
      if (!client.isReady() || shards.length === 0) return { ok: false, detail: 'connecting to the gateway' };
      const waiting = shards.filter((s) => s.status !== Status.Ready);
      if (waiting.length > 0) return { ok: false, detail: waiting.map((s) => `shard ${s.id}: ${Status[s.status]}`).join(', ') };
      const ping = client.ws.ping >= 0 ? `${client.ws.ping} ms heartbeat` : 'no heartbeat yet';
      return { ok: true, detail: `ready as ${client.user.tag} in ${client.guilds.cache.size} guild(s), ${ping}` };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      client.ws.removeListener(GatewayDispatchEvents.InteractionCreate, onInteraction);
      client.ws.removeListener(GatewayDispatchEvents.MessageCreate, onMessage);
      await client.destroy();
      // Answers under way (a deferred edit) finish over REST; the gateway is already closed.
      await inFlight.settle(STOP_GRACE_MS);
      closeRest(rest);
    },
  };
}

/** Connects and resolves once the client is ready (tests, benchmarks). */
export async function startDiscord(opts: StartDiscordOptions): Promise<DiscordGateway> {
  const gateway = connectDiscord(opts);
  await gateway.ready;
  return gateway;
}
