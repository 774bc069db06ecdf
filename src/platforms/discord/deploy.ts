import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DiscordAPIError, HTTPError, type REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { commands } from '../../../commands/index.js';
import { ConfigError, loadEnv, type Env } from '../../config/env.js';
import { discordExtensions } from './extensions.js';
import { discordRest } from './rest.js';
import type { DiscordCommandExtension } from './extension.js';
import { buildSlashCommands } from './slash-commands.js';

/**
 * `npm run discord:deploy`: registers the slash commands with one bulk overwrite (PUT), which is
 * idempotent — running it twice leaves the same commands with the same ids. To one guild when
 * DISCORD_GUILD_ID is set (instant, for development), globally otherwise.
 */
export interface DeployOptions {
  env: Env;
  /** Defaults to the registry in extensions.ts. */
  extraCommands?: readonly DiscordCommandExtension[];
  /** A REST client to use instead of one built from env (tests). */
  rest?: REST;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

export async function deployCommands(opts: DeployOptions): Promise<DeployResult> {
  const { env } = opts;
  const missing = [
    env.DISCORD_TOKEN ? undefined : 'DISCORD_TOKEN: required to deploy commands',
    env.DISCORD_APPLICATION_ID ? undefined : 'DISCORD_APPLICATION_ID: required to deploy commands',
  ].filter((p): p is string => p !== undefined);
  if (missing.length > 0 || !env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID) throw new ConfigError(missing);

  const body = buildSlashCommands(commands, opts.extraCommands ?? discordExtensions);
  const rest = opts.rest ?? discordRest(env);
  const guildId = env.DISCORD_GUILD_ID;
  const route = guildId ? Routes.applicationGuildCommands(env.DISCORD_APPLICATION_ID, guildId) : Routes.applicationCommands(env.DISCORD_APPLICATION_ID);
  const saved = (await rest.put(route, { body })) as Array<{ name: string }>;
  return { scope: guildId ? 'guild' : 'global', ...(guildId ? { guildId } : {}), names: saved.map((c) => c.name) };
}

/** One line saying what went wrong and what to check; never the token. */
export function describeDeployError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof DiscordAPIError) {
    const hint =
      error.status === 401
        ? ' Check DISCORD_TOKEN.'
        : error.status === 403 || error.status === 404
          ? ' Check DISCORD_APPLICATION_ID, and that the bot was invited to DISCORD_GUILD_ID.'
          : '';
    return `Discord rejected the commands (HTTP ${error.status}, code ${error.code}): ${error.message}.${hint}`;
  }
  if (error instanceof HTTPError) return `Discord answered HTTP ${error.status}: ${error.message}`;
  return `could not reach Discord: ${error instanceof Error ? error.message : String(error)}`;
}

export async function main(): Promise<number> {
  try {
    const result = await deployCommands({ env: loadEnv() });
    const where = result.scope === 'guild' ? `to guild ${result.guildId}` : 'globally';
    console.log(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(' ')}`);
    return 0;
  } catch (error) {
    console.error(`discord:deploy failed: ${describeDeployError(error)}`);
    return 1;
  }
}

function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (invokedDirectly()) process.exitCode = await main();
