import type { App } from '@slack/bolt';
import type { SlackDeps } from './deps.js';

/**
 * A workspace that removes RoleCall (app_uninstalled), or revokes its bot token
 * (tokens_revoked), loses its stored installation at once, and its spotlight subscriptions are
 * paused (deps.workspaceRemoved), and its people's saved profiles are erased (Store.eraseWorkspace).
 * Slack sends these without a usable token; Bolt does not
 * authorize them.
 */
export function registerUninstall(app: App, deps: SlackDeps): void {
  const removed = async (workspaceId: string | undefined, why: string, eventId: string) => {
    if (!workspaceId) return;
    try {
      await deps.store.eraseWorkspace('slack', workspaceId);
      await deps.workspaceRemoved?.(workspaceId);
      deps.logger.info({ team: workspaceId, event: why, id: eventId }, 'slack workspace removed RoleCall: tokens and profiles deleted, spotlight paused');
    } catch (err) {
      deps.logger.error({ err, team: workspaceId, event: why, id: eventId }, 'could not clean up after a removed workspace');
    }
  };
  app.event('app_uninstalled', async ({ body, context }) => {
    await removed(body.team_id ?? context.teamId, 'app_uninstalled', body.event_id);
  });
  app.event('tokens_revoked', async ({ event, body, context }) => {
    // User tokens are never stored; only a revoked bot token ends the installation.
    if ((event.tokens.bot ?? []).length === 0) return;
    await removed(body.team_id ?? context.teamId, 'tokens_revoked', body.event_id);
  });
}
