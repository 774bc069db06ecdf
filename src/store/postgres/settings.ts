import type pg from 'pg';
import type { WorkspaceSettings } from '../../core/schema/settings.js';
import { settingsColumns, type SettingsRow, type SettingsStore, type StoredSettings, toStoredSettings, type WorkspaceKey } from '../settings-store.js';

const COLUMNS = 'market, visibility, channel_visibility, answer_in, updated_at';

/** Workspace settings in Postgres: the same rules as SqliteSettings. */
export class PgSettings implements SettingsStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(key: WorkspaceKey): Promise<StoredSettings | undefined> {
    const { rows } = await this.pool.query<SettingsRow>(`SELECT ${COLUMNS} FROM settings WHERE platform = $1 AND workspace_id = $2`, [
      key.platform,
      key.workspaceId,
    ]);
    return rows[0] ? toStoredSettings(rows[0]) : undefined;
  }

  async put(key: WorkspaceKey, settings: WorkspaceSettings, at: Date = new Date()): Promise<void> {
    await this.pool.query(
      `INSERT INTO settings (platform, workspace_id, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (platform, workspace_id) DO UPDATE SET
         market = excluded.market, visibility = excluded.visibility, channel_visibility = excluded.channel_visibility,
         answer_in = excluded.answer_in, updated_at = excluded.updated_at`,
      [key.platform, key.workspaceId, ...settingsColumns(settings), at],
    );
  }

  async remove(key: WorkspaceKey): Promise<boolean> {
    return (await this.pool.query('DELETE FROM settings WHERE platform = $1 AND workspace_id = $2', [key.platform, key.workspaceId])).rowCount === 1;
  }
}
