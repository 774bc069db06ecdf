import type { WebClient } from '@slack/web-api';
import type { Allowed, SpotlightAccess, SpotlightManager } from '../../../commands/spotlight-access.js';
import type { ChannelKey, Subscription } from '../../store/spotlight-store.js';
import { classifySlackError } from './post.js';
import { slackCanPost } from './spotlight-poster.js';

/**
 * Slack's side of /spotlight: the access the shared command (commands/spotlight.ts) runs with,
 * for "/spotlight subscribe monday 15:00 Europe/London layer L5" through the one Dispatcher.
 * Slack has no per-channel manager role that the bot can read with few scopes, so a manager is a
 * workspace admin or owner (users.info, scope users:read), or whoever subscribed the channel.
 */

export const NOT_A_MANAGER = 'Only workspace admins and owners, or the person who subscribed this channel, can manage its spotlight.';

/** Workspace admin or owner, per users.info. */
export async function isWorkspaceAdmin(client: WebClient, userId: string, refusal = NOT_A_MANAGER): Promise<Allowed> {
  try {
    const { user } = await client.users.info({ user: userId });
    if (user?.is_admin || user?.is_owner || user?.is_primary_owner) return { ok: true };
    return { ok: false, reason: refusal };
  } catch (error) {
    const { code } = classifySlackError(error);
    const hint = code === 'missing_scope' ? ': the Slack app needs the users:read scope (see slack/manifest.yml)' : '';
    return { ok: false, reason: `RoleCall could not check whether you are a workspace admin (${code})${hint}.` };
  }
}

/** The access /spotlight runs with for one slash command. */
export function slackSpotlightAccess(
  client: WebClient,
  invoker: { userId: string; channelId?: string; workspaceId?: string },
  service: SpotlightManager | undefined,
): SpotlightAccess {
  const { userId, channelId, workspaceId } = invoker;
  const channel: ChannelKey | undefined = channelId && workspaceId ? { platform: 'slack', workspaceId, channelId } : undefined;
  return {
    ...(service ? { service } : {}),
    ...(channel ? { channel } : {}),
    // The subscriber needs no API call; everyone else is looked up.
    authorize: (current: Subscription | undefined) => (current?.createdBy === userId ? Promise.resolve({ ok: true }) : isWorkspaceAdmin(client, userId)),
    canPost: (target) => slackCanPost(client, target.channelId, userId),
  };
}
