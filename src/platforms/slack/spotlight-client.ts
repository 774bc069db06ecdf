import type { WebClient } from '@slack/web-api';
import { isSlackOAuth } from '../../config/env.js';
import type { SpotlightClient, SpotlightClientOptions } from '../shared/platform.js';
import { SlackInstallations } from './installations.js';
import { classifySlackError } from './post.js';
import { installedWorkspaceClients, SlackSpotlightPoster, slackCanPost, spotlightSlackClient } from './spotlight-poster.js';

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
 * Slack for `rolecall spotlight`: a WebClient per token, no socket and no events. One workspace's
 * token is tried once (auth.test); with "Add to Slack" each workspace's own token is looked up
 * in the installation store, sealed under ROLECALL_ENCRYPTION_KEY.
 */
export async function openSlackSpotlight({ env, store, cipher, maxPerSecond }: SpotlightClientOptions): Promise<SpotlightClient> {
  const pace = maxPerSecond === undefined ? {} : { maxPerSecond };
  if (!env.SLACK_BOT_TOKEN && isSlackOAuth(env) && cipher) {
    const installations = new SlackInstallations({ records: store.slackInstallations, cipher });
    const clientFor = installedWorkspaceClients(
      (id) => installations.botToken(id),
      (token) => spotlightSlackClient(env, undefined, token),
    );
    return {
      status: 'ready',
      poster: new SlackSpotlightPoster(clientFor, pace),
      async canPost(channel, by) {
        const client = await clientFor(channel.workspaceId);
        return client
          ? slackCanPost(client, channel.channelId, by ?? '')
          : { ok: false, reason: `RoleCall is not installed in Slack workspace ${channel.workspaceId}` };
      },
      close() {},
    };
  }
  if (!env.SLACK_BOT_TOKEN) return { status: 'unconfigured' };
  const client = spotlightSlackClient(env);
  const identity = await slackIdentity(client);
  if (!identity.ok) return { status: 'failed', reason: identity.reason };
  return {
    status: 'ready',
    poster: new SlackSpotlightPoster(client, pace),
    async canPost(channel, by) {
      if (channel.workspaceId !== identity.teamId)
        return { ok: false, reason: `SLACK_BOT_TOKEN belongs to team ${identity.teamId}, not ${channel.workspaceId}` };
      return slackCanPost(client, channel.channelId, by ?? '');
    },
    close() {},
  };
}
