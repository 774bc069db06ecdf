import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { WebClient } from '@slack/web-api';
import { isSlackOAuth, type Env } from '../config/env.js';
import { SlackInstallations } from '../platforms/slack/installations.js';
import { discordRest } from '../platforms/discord/rest.js';
import { checkDiscordChannel, classifyDiscordError, DiscordSpotlightPoster } from '../platforms/discord/spotlight-poster.js';
import { classifySlackError } from '../platforms/slack/post.js';
import {
  installedWorkspaceClients,
  slackCanPost,
  type SlackClientFor,
  SlackSpotlightPoster,
  spotlightSlackClient,
} from '../platforms/slack/spotlight-poster.js';
import type { SlackInstallationStore } from '../store/installation-store.js';
import { TokenCipher } from '../store/token-cipher.js';
import type { SpotlightPoster } from '../spotlight/poster.js';
import type { ChannelKey, SpotlightPlatform } from '../store/spotlight-store.js';

/**
 * REST-only platform clients for `rolecall spotlight`: discord.js's REST client and a Slack
 * WebClient, from the same variables as the service, with no gateway login or socket. Each
 * token is tried once up front, so a rejected one is one clear line instead of a paused
 * channel per subscription.
 */

export type Check = { ok: true } | { ok: false; reason: string };

export interface PlatformClients {
  posters: SpotlightPoster[];
  /** Platforms asked for whose token is not set here: their spotlights are left to another run. */
  unconfigured: SpotlightPlatform[];
  /** Platforms whose token was rejected or could not be tried, with the reason. */
  problems: string[];
  /** Can the bot post in the channel? `by` is the Slack user the check is shown to. */
  canPost(channel: ChannelKey, by?: string): Promise<Check>;
  close(): void;
}

export interface ClientOptions {
  /** Pacing overrides (tests, benchmarks); null turns pacing off. */
  maxPerSecond?: Partial<Record<SpotlightPlatform, number | null>>;
}

const TOKEN_VARIABLE: Record<SpotlightPlatform, string> = { discord: 'DISCORD_TOKEN', slack: 'SLACK_BOT_TOKEN' };

export function tokenVariable(platform: SpotlightPlatform): string {
  return TOKEN_VARIABLE[platform];
}

async function discordIdentity(rest: REST): Promise<Check> {
  try {
    await rest.get(Routes.user('@me'));
    return { ok: true };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) return { ok: false, reason: 'Discord rejected DISCORD_TOKEN (401 Unauthorized)' };
    return { ok: false, reason: `Discord: ${classifyDiscordError(error).reason}` };
  }
}

async function slackIdentity(client: WebClient): Promise<{ ok: true; teamId: string } | { ok: false; reason: string }> {
  try {
    const auth = await client.auth.test();
    return auth.team_id ? { ok: true, teamId: auth.team_id } : { ok: false, reason: 'Slack auth.test named no team' };
  } catch (error) {
    const { code } = classifySlackError(error);
    return { ok: false, reason: code === 'invalid_auth' || code === 'token_revoked' ? `Slack rejected SLACK_BOT_TOKEN (${code})` : `Slack: ${code}` };
  }
}

/**
 * `installations`: the Store's Slack installations, for "Add to Slack" mode (SLACK_CLIENT_ID),
 * where each workspace's spotlight goes out with its own token.
 */
export async function openPlatformClients(
  env: Env,
  platforms: readonly SpotlightPlatform[],
  opts: ClientOptions = {},
  installations?: SlackInstallationStore,
): Promise<PlatformClients> {
  const posters: SpotlightPoster[] = [];
  const unconfigured: SpotlightPlatform[] = [];
  const problems: string[] = [];
  let rest: REST | undefined;
  let slack: { client: WebClient; teamId: string } | undefined;
  let installed: SlackClientFor | undefined;

  if (platforms.includes('discord')) {
    if (!env.DISCORD_TOKEN) unconfigured.push('discord');
    else {
      const client = discordRest(env);
      const identity = await discordIdentity(client);
      if (identity.ok) {
        rest = client;
        posters.push(new DiscordSpotlightPoster(client, { maxPerSecond: opts.maxPerSecond?.discord }));
      } else problems.push(identity.reason);
    }
  }
  if (platforms.includes('slack')) {
    if (!env.SLACK_BOT_TOKEN && isSlackOAuth(env) && installations && env.ROLECALL_ENCRYPTION_KEY) {
      const store = new SlackInstallations({
        records: installations,
        cipher: TokenCipher.fromText(env.ROLECALL_ENCRYPTION_KEY, env.ROLECALL_ENCRYPTION_KEY_PREVIOUS),
      });
      installed = installedWorkspaceClients(
        (id) => store.botToken(id),
        (token) => spotlightSlackClient(env, undefined, token),
      );
      posters.push(new SlackSpotlightPoster(installed, { maxPerSecond: opts.maxPerSecond?.slack }));
    } else if (!env.SLACK_BOT_TOKEN) unconfigured.push('slack');
    else {
      const client = spotlightSlackClient(env);
      const identity = await slackIdentity(client);
      if (identity.ok) {
        slack = { client, teamId: identity.teamId };
        posters.push(new SlackSpotlightPoster(client, { maxPerSecond: opts.maxPerSecond?.slack }));
      } else problems.push(identity.reason);
    }
  }

  return {
    posters,
    unconfigured,
    problems,
    async canPost(channel, by) {
      if (channel.platform === 'discord') {
        return rest ? checkDiscordChannel(rest, channel) : { ok: false, reason: 'no working Discord client' };
      }
      if (installed) {
        const client = await installed(channel.workspaceId);
        return client
          ? slackCanPost(client, channel.channelId, by ?? '')
          : { ok: false, reason: `RoleCall is not installed in Slack workspace ${channel.workspaceId}` };
      }
      if (!slack) return { ok: false, reason: 'no working Slack client' };
      if (channel.workspaceId !== slack.teamId) return { ok: false, reason: `SLACK_BOT_TOKEN belongs to team ${slack.teamId}, not ${channel.workspaceId}` };
      return slackCanPost(slack.client, channel.channelId, by ?? '');
    },
    close() {
      // The REST client's sweepers are unref'd; clearing them is tidiness, not a leak fix.
      rest?.clearHashSweeper();
      rest?.clearHandlerSweeper();
    },
  };
}
