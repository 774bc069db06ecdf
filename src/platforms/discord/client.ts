import { Client, Events, GatewayIntentBits, Options, RESTEvents, Status, type ClientOptions, type Interaction } from 'discord.js';
import { ConfigError, type Env } from '../../config/env.js';
import { createInteractionHandler, guardInteractionCreate, type InteractionHandlerOptions } from './interactions.js';
import { discordExtensions } from './extensions.js';
import { inviteUrl } from './invite.js';
import { discordRestOptions } from './rest.js';

/** What the interaction handler needs, plus the environment the client is built from. */
export interface StartDiscordOptions extends InteractionHandlerOptions {
  env: Env;
}

export interface DiscordRuntime {
  client: Client;
  health(): { ok: boolean; detail: string };
  stop(): Promise<void>;
}

/**
 * Guilds is the only intent: slash commands and components arrive as interactions whatever the
 * intents, and Guilds gives the guild list. Caches that would grow with every user who clicks
 * something are off; nothing here reads them.
 */
export function discordClientOptions(env: Env): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
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
 * Logs in and resolves once the client is ready. Commands are never registered here: Discord
 * caps command creates per day, so that is `npm run discord:deploy`'s job.
 */
export async function startDiscord(opts: StartDiscordOptions): Promise<DiscordRuntime> {
  const { env } = opts;
  const log = opts.logger.child({ platform: 'discord' });
  const token = env.DISCORD_TOKEN;
  const applicationId = env.DISCORD_APPLICATION_ID;
  if (!token || !applicationId) {
    throw new ConfigError([`${token ? 'DISCORD_APPLICATION_ID' : 'DISCORD_TOKEN'}: required to start the Discord bot`]);
  }

  const client = new Client(discordClientOptions(env));
  const handler = createInteractionHandler({ ...opts, extraCommands: opts.extraCommands ?? discordExtensions });
  const onInteraction = (interaction: Interaction) => void handler(interaction);
  let stopped = false;

  guardInteractionCreate(client, opts.logger);
  client.on(Events.InteractionCreate, onInteraction);
  // An 'error' event without a listener would throw and end the process.
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord warning'));
  client.on(Events.ShardError, (err, shardId) => log.warn({ err, shardId }, 'gateway connection error'));
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopped) log.warn({ shardId }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.error({ code: event.code, shardId }, 'gateway closed and will not reconnect'));
  // discord.js waits out rate limits itself; these only make them visible.
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }, 'discord rate limit'),
  );
  client.rest.on(RESTEvents.Debug, (message) => {
    if (message.includes('429 rate limit')) log.warn({ detail: message }, 'discord answered 429; retrying after the delay it gave');
  });

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw new Error(`Discord login failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  if (client.application && client.application.id !== applicationId) {
    log.warn(
      { configured: applicationId, actual: client.application.id },
      'DISCORD_APPLICATION_ID does not match the token: deployed commands will not reach this bot',
    );
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, invite: inviteUrl(applicationId) }, 'discord ready');

  return {
    client,
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
      client.off(Events.InteractionCreate, onInteraction);
      await client.destroy();
    },
  };
}
