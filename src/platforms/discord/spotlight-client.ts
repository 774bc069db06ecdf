import { DiscordAPIError } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { SpotlightClient, SpotlightClientOptions } from '../shared/platform.js';
import { closeRest, discordRest } from './rest.js';
import { checkDiscordChannel, classifyDiscordError, DiscordSpotlightPoster } from './spotlight-poster.js';

/**
 * Discord for `rolecall spotlight`: the REST client alone, no gateway login. The token is tried
 * once (GET /users/@me), so a rejected one is one clear line.
 */
export async function openDiscordSpotlight({ env, maxPerSecond }: SpotlightClientOptions): Promise<SpotlightClient> {
  if (!env.DISCORD_TOKEN) return { status: 'unconfigured' };
  const rest = discordRest(env);
  try {
    await rest.get(Routes.user('@me'));
  } catch (error) {
    closeRest(rest);
    if (error instanceof DiscordAPIError && error.status === 401) return { status: 'failed', reason: 'Discord rejected DISCORD_TOKEN (401 Unauthorized)' };
    return { status: 'failed', reason: `Discord: ${classifyDiscordError(error).reason}` };
  }
  return {
    status: 'ready',
    poster: new DiscordSpotlightPoster(rest, maxPerSecond === undefined ? {} : { maxPerSecond }),
    canPost: (channel) => checkDiscordChannel(rest, channel),
    close: () => closeRest(rest),
  };
}
