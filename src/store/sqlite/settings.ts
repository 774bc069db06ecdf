import type { WorkspaceSettings } from '../../core/schema/settings.js';
import { settingsColumns, type SettingsRow, type SettingsStore, type StoredSettings, toStoredSettings, type WorkspaceKey } from '../settings-store.js';
import type { SqliteDb } from './open.js';

const COLUMNS = 'market, visibility, channel_visibility, answer_in, updated_at';

/** Workspace settings in SQLite (see ../settings-store.ts). */
export class SqliteSettings implements SettingsStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly deleteOne;

  constructor(db: SqliteDb) {
    this.selectOne = db.prepare<[string, string], SettingsRow>(`SELECT ${COLUMNS} FROM settings WHERE platform = ? AND workspace_id = ?`);
    this.upsert = db.prepare<[string, string, string | null, string | null, string, string | null, string]>(
      `INSERT INTO settings (platform, workspace_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, workspace_id) DO UPDATE SET
         market = excluded.market, visibility = excluded.visibility, channel_visibility = excluded.channel_visibility,
         answer_in = excluded.answer_in, updated_at = excluded.updated_at`,
    );
    this.deleteOne = db.prepare<[string, string]>('DELETE FROM settings WHERE platform = ? AND workspace_id = ?');
  }

  async get(key: WorkspaceKey): Promise<StoredSettings | undefined> {
    const row = this.selectOne.get(key.platform, key.workspaceId);
    return row ? toStoredSettings(row) : undefined;
  }

  async put(key: WorkspaceKey, settings: WorkspaceSettings, at: Date = new Date()): Promise<void> {
    this.upsert.run(key.platform, key.workspaceId, ...settingsColumns(settings), at.toISOString());
  }

  async remove(key: WorkspaceKey): Promise<boolean> {
    return this.deleteOne.run(key.platform, key.workspaceId).changes === 1;
  }
}
