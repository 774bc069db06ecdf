import type { WorkspaceSettings } from '../core/schema/settings.js';
import type { PlatformName } from '../platforms/names.js';

/**
 * A workspace's settings (/settings), one row per platform + workspace: the Discord guild id or
 * the Slack team id. Their shape is the zod schema in src/core/schema/settings.ts; the store
 * keeps what the command validated. Erased with the workspace (erase.ts WORKSPACE_ERASERS).
 */

export interface WorkspaceKey {
  platform: PlatformName;
  /** The Discord guild id or the Slack team id. */
  workspaceId: string;
}

export interface StoredSettings {
  settings: WorkspaceSettings;
  updatedAt: Date;
}

export interface SettingsStore {
  get(key: WorkspaceKey): Promise<StoredSettings | undefined>;
  /** Replaces the workspace's settings in one statement. */
  put(key: WorkspaceKey, settings: WorkspaceSettings, at?: Date): Promise<void>;
  /** Back to the defaults (no row); false when there was none. */
  remove(key: WorkspaceKey): Promise<boolean>;
}

/** The columns both stores keep; the maps and lists are JSON (text on SQLite, jsonb on Postgres). */
export interface SettingsRow {
  market: string | null;
  visibility: string | null;
  channel_visibility: string | WorkspaceSettings['channelVisibility'];
  answer_in: string | string[] | null;
  updated_at: string | Date;
}

const json = <T>(v: string | T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export function toStoredSettings(row: SettingsRow): StoredSettings {
  const answerIn = row.answer_in === null ? undefined : json<string[]>(row.answer_in);
  return {
    settings: {
      ...(row.market ? { market: row.market as WorkspaceSettings['market'] } : {}),
      ...(row.visibility ? { visibility: row.visibility as WorkspaceSettings['visibility'] } : {}),
      channelVisibility: json<WorkspaceSettings['channelVisibility']>(row.channel_visibility),
      ...(answerIn ? { answerIn } : {}),
    },
    updatedAt: new Date(row.updated_at),
  };
}

/** The row's values for a put, in column order: market, visibility, channel_visibility, answer_in. */
export function settingsColumns(s: WorkspaceSettings): [string | null, string | null, string, string | null] {
  return [s.market ?? null, s.visibility ?? null, JSON.stringify(s.channelVisibility), s.answerIn ? JSON.stringify(s.answerIn) : null];
}
