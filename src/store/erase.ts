import type { PlatformName } from '../platforms/names.js';
import type { ProfileKey } from './profile-store.js';
import type { Store } from './store.js';

/**
 * Everything RoleCall keeps about one person, and how each part is erased. `/profile delete`,
 * `rolecall profile delete` and a Slack workspace's uninstall run every entry, so a new per-user
 * table adds its eraser here and nowhere else.
 */
type UserEraser = (store: Store, key: ProfileKey) => Promise<unknown>;
type WorkspaceEraser = (store: Store, platform: PlatformName, workspaceId: string) => Promise<unknown>;

export const USER_ERASERS: readonly UserEraser[] = [(s, k) => s.profiles.remove(k), (s, k) => s.conversations.forgetUser(k.platform, k.workspaceId, k.userId)];

export const WORKSPACE_ERASERS: readonly WorkspaceEraser[] = [
  (s, p, w) => s.profiles.removeWorkspace(p, w),
  (s, p, w) => s.conversations.forgetWorkspace(p, w),
  (s, p, w) => s.settings.remove({ platform: p, workspaceId: w }),
];

/** Runs every eraser for the person; true when they had a profile. Every eraser runs even if one fails. */
export async function eraseUser(store: Store, key: ProfileKey): Promise<boolean> {
  const had = (await store.profiles.get(key)) !== undefined;
  const results = await Promise.allSettled(USER_ERASERS.map((erase) => erase(store, key)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return had;
}

/** Erases every person's data in a workspace (a Slack team that uninstalled), and the workspace's settings. */
export async function eraseWorkspace(store: Store, platform: PlatformName, workspaceId: string): Promise<void> {
  const results = await Promise.allSettled(WORKSPACE_ERASERS.map((erase) => erase(store, platform, workspaceId)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
