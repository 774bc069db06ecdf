import type { WebClient } from '@slack/web-api';
import type { SettingsAccess } from '../../../commands/settings-access.js';
import type { SettingsStore } from '../../store/settings-store.js';
import type { Invoker } from '../shared/interactions.js';
import { isWorkspaceAdmin } from './spotlight-command.js';

/**
 * Slack's side of /settings and of the settings every answer follows: the workspace is the team,
 * and its managers are its admins and owners (users.info, asked only when someone changes them).
 */

export const NOT_AN_ADMIN = 'Only workspace admins and owners can change RoleCall’s settings for this workspace.';

/** Slack's DM channel ids start with D; a DM is in no channel's settings. */
const isDm = (channelId: string) => channelId.startsWith('D');

export function slackSettingsAccess(client: WebClient, invoker: Invoker, store: SettingsStore): SettingsAccess | undefined {
  const { userId, channelId, workspaceId } = invoker;
  if (!workspaceId) return undefined;
  return {
    store,
    workspace: { platform: 'slack', workspaceId },
    ...(channelId && !isDm(channelId) ? { channelId } : {}),
    authorize: () => isWorkspaceAdmin(client, userId, NOT_AN_ADMIN),
  };
}
