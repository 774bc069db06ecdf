import type { SpotlightPlatform, SubscriptionStore } from '../store/spotlight-store.js';
import { weekKeyAt } from './schedule.js';

/**
 * A workspace that removes RoleCall gets no more spotlights: its active subscriptions are paused
 * with this reason. Installing RoleCall again resumes exactly those, never one a channel
 * manager paused on purpose.
 */
export const UNINSTALLED_REASON = 'RoleCall was removed from this workspace; installing it again resumes the spotlight.';

/** Pauses the workspace's active subscriptions; returns how many. */
export async function pauseWorkspace(subs: SubscriptionStore, platform: SpotlightPlatform, workspaceId: string, at: Date): Promise<number> {
  let paused = 0;
  for (const sub of await subs.list({ platform, workspaceId, status: 'active' })) {
    if (await subs.pause(sub.id, UNINSTALLED_REASON, at)) paused += 1;
  }
  return paused;
}

/** Resumes the subscriptions pauseWorkspace paused; returns how many. */
export async function resumeWorkspace(subs: SubscriptionStore, platform: SpotlightPlatform, workspaceId: string, at: Date): Promise<number> {
  let resumed = 0;
  for (const sub of await subs.list({ platform, workspaceId, status: 'paused' })) {
    if (sub.pausedReason !== UNINSTALLED_REASON) continue;
    // This week's post may have failed while the token was gone: let it be tried again.
    if (await subs.resume(sub.id, weekKeyAt(at, sub.timezone))) resumed += 1;
  }
  return resumed;
}
