import type { PlatformName } from '../platforms/names.js';
import type { Erasure, ProfileKey } from './profile-store.js';
import type { Store } from './store.js';

/**
 * Everything RoleCall keeps about one person, and how each part is erased. `/profile delete`,
 * `rolecall profile delete` and a Slack workspace's uninstall run every entry, so a new per-user
 * table adds its eraser here and nowhere else.
 */
interface UserEraser {
  /** What it erases, as `rolecall profile delete` reports it. */
  what: string;
  /** How many records it erased. */
  erase: (store: Store, key: ProfileKey) => Promise<number>;
}
type WorkspaceEraser = (store: Store, platform: PlatformName, workspaceId: string) => Promise<unknown>;

export const USER_ERASERS: readonly UserEraser[] = [
  { what: 'profile', erase: async (s, k) => ((await s.profiles.remove(k)) ? 1 : 0) },
  {
    what: 'conversation contexts',
    // A key without a workspace is a user id that is global on its platform (Discord), whose
    // contexts are kept per server too: erase them in every one.
    erase: (s, k) =>
      k.workspaceId === '' ? s.conversations.forgetUserEverywhere(k.platform, k.userId) : s.conversations.forgetUser(k.platform, k.workspaceId, k.userId),
  },
];

export const WORKSPACE_ERASERS: readonly WorkspaceEraser[] = [
  (s, p, w) => s.profiles.removeWorkspace(p, w),
  (s, p, w) => s.conversations.forgetWorkspace(p, w),
  (s, p, w) => s.settings.remove({ platform: p, workspaceId: w }),
];

/** Runs every eraser for the person. Every eraser runs even if one fails; then the first failure is thrown. */
export async function eraseUser(store: Store, key: ProfileKey): Promise<Erasure> {
  const results = await Promise.allSettled(USER_ERASERS.map((e) => e.erase(store, key)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const erased = USER_ERASERS.map((e, i) => ({ what: e.what, count: (results[i] as PromiseFulfilledResult<number>).value }));
  return { hadProfile: erased.some((e) => e.what === 'profile' && e.count > 0), erased };
}

/** Erases every person's data in a workspace (a Slack team that uninstalled), and the workspace's settings. */
export async function eraseWorkspace(store: Store, platform: PlatformName, workspaceId: string): Promise<void> {
  const results = await Promise.allSettled(WORKSPACE_ERASERS.map((erase) => erase(store, platform, workspaceId)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
