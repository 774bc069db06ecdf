/**
 * Slack workspaces that installed RoleCall through "Add to Slack". The token-bearing part of an
 * installation is stored sealed (AES-256-GCM, see ../store/token-cipher.ts): the store never sees
 * a token in the clear, only the columns needed to find a row and to re-seal after a key
 * rotation. Plain SQL in every implementation: one row per workspace, keyed by its team id.
 */

export interface SlackInstallationRecord {
  /** The workspace's team id (T…): the key. */
  workspaceId: string;
  /** The Enterprise Grid organisation the workspace belongs to, if any. */
  enterpriseId?: string;
  appId?: string;
  /** The bot's user id in this workspace: mentions start with <@it>. */
  botUserId: string;
  botId?: string;
  scopes: string[];
  /** The Slack user who installed it. */
  installedBy?: string;
  /** Which encryption key sealed `sealed`. */
  keyId: string;
  /** The installation (tokens included) as sealed JSON. */
  sealed: string;
  installedAt: Date;
  updatedAt: Date;
}

export type NewSlackInstallation = Omit<SlackInstallationRecord, 'installedAt' | 'updatedAt'>;

export interface SlackInstallationStore {
  /**
   * Stores the workspace's installation, replacing an earlier one (a re-install keeps its
   * first `installedAt`). `created` is false for a re-install.
   */
  save(record: NewSlackInstallation, at: Date): Promise<{ created: boolean }>;
  get(workspaceId: string): Promise<SlackInstallationRecord | undefined>;
  /** Deletes the installation and its tokens; false when there was none. */
  remove(workspaceId: string): Promise<boolean>;
  count(): Promise<number>;
  /** Up to `limit` installations sealed with a key other than `keyId` (to re-seal after a rotation). */
  sealedWithOtherKey(keyId: string, limit: number): Promise<SlackInstallationRecord[]>;
  /**
   * Replaces the sealed value, only if the row is still sealed with `fromKeyId` (a concurrent
   * re-install wins). True when it was replaced.
   */
  reseal(workspaceId: string, fromKeyId: string, sealed: { keyId: string; value: string }): Promise<boolean>;
}
