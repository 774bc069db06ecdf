import { REST, type RESTOptions } from 'discord.js';
import type { Env } from '../../config/env.js';

/** Where discord.js sends REST calls: Discord, or DISCORD_API_URL (the fake Discord in tests). */
export function discordRestOptions(env: Pick<Env, 'DISCORD_API_URL'>): Partial<RESTOptions> {
  return env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {};
}

/** A REST client without a gateway: discord:deploy, the CLI (`rolecall spotlight …`) and benchmarks. */
export function discordRest(env: Pick<Env, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>): REST {
  if (!env.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  return new REST(discordRestOptions(env)).setToken(env.DISCORD_TOKEN);
}
