import type { NewSlackInstallation, SlackInstallationRecord, SlackInstallationStore } from '../installation-store.js';
import type { SqliteDb } from './open.js';

interface InstallationRow {
  workspace_id: string;
  enterprise_id: string | null;
  app_id: string | null;
  bot_user_id: string;
  bot_id: string | null;
  scopes: string;
  installed_by: string | null;
  key_id: string;
  sealed: string;
  installed_at: string;
  updated_at: string;
}

function toRecord(row: InstallationRow): SlackInstallationRecord {
  return {
    workspaceId: row.workspace_id,
    ...(row.enterprise_id ? { enterpriseId: row.enterprise_id } : {}),
    ...(row.app_id ? { appId: row.app_id } : {}),
    botUserId: row.bot_user_id,
    ...(row.bot_id ? { botId: row.bot_id } : {}),
    scopes: row.scopes ? row.scopes.split(',') : [],
    ...(row.installed_by ? { installedBy: row.installed_by } : {}),
    keyId: row.key_id,
    sealed: row.sealed,
    installedAt: new Date(row.installed_at),
    updatedAt: new Date(row.updated_at),
  };
}

const COLUMNS = 'workspace_id, enterprise_id, app_id, bot_user_id, bot_id, scopes, installed_by, key_id, sealed, installed_at, updated_at';

export class SqliteSlackInstallations implements SlackInstallationStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly deleteOne;
  private readonly countAll;
  private readonly otherKey;
  private readonly resealOne;

  constructor(db: SqliteDb) {
    this.selectOne = db.prepare<[string], InstallationRow>(`SELECT ${COLUMNS} FROM slack_installations WHERE workspace_id = ?`);
    // Plain SQL that Postgres runs as is: ON CONFLICT … DO UPDATE, excluded.*.
    this.upsert = db.prepare(
      `INSERT INTO slack_installations (${COLUMNS})
       VALUES (@workspaceId, @enterpriseId, @appId, @botUserId, @botId, @scopes, @installedBy, @keyId, @sealed, @at, @at)
       ON CONFLICT (workspace_id) DO UPDATE SET
         enterprise_id = excluded.enterprise_id, app_id = excluded.app_id, bot_user_id = excluded.bot_user_id,
         bot_id = excluded.bot_id, scopes = excluded.scopes, installed_by = excluded.installed_by,
         key_id = excluded.key_id, sealed = excluded.sealed, updated_at = excluded.updated_at`,
    );
    this.deleteOne = db.prepare<[string]>('DELETE FROM slack_installations WHERE workspace_id = ?');
    this.countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM slack_installations');
    this.otherKey = db.prepare<[string, number], InstallationRow>(`SELECT ${COLUMNS} FROM slack_installations WHERE key_id <> ? ORDER BY workspace_id LIMIT ?`);
    this.resealOne = db.prepare<[string, string, string, string]>(
      'UPDATE slack_installations SET key_id = ?, sealed = ? WHERE workspace_id = ? AND key_id = ?',
    );
  }

  async save(record: NewSlackInstallation, at: Date): Promise<{ created: boolean }> {
    const existed = this.selectOne.get(record.workspaceId) !== undefined;
    this.upsert.run({
      workspaceId: record.workspaceId,
      enterpriseId: record.enterpriseId ?? null,
      appId: record.appId ?? null,
      botUserId: record.botUserId,
      botId: record.botId ?? null,
      scopes: record.scopes.join(','),
      installedBy: record.installedBy ?? null,
      keyId: record.keyId,
      sealed: record.sealed,
      at: at.toISOString(),
    });
    return { created: !existed };
  }

  async get(workspaceId: string): Promise<SlackInstallationRecord | undefined> {
    const row = this.selectOne.get(workspaceId);
    return row ? toRecord(row) : undefined;
  }

  async remove(workspaceId: string): Promise<boolean> {
    return this.deleteOne.run(workspaceId).changes === 1;
  }

  async count(): Promise<number> {
    return this.countAll.get()!.n;
  }

  async sealedWithOtherKey(keyId: string, limit: number): Promise<SlackInstallationRecord[]> {
    return this.otherKey.all(keyId, limit).map(toRecord);
  }

  async reseal(workspaceId: string, fromKeyId: string, sealed: { keyId: string; value: string }): Promise<boolean> {
    return this.resealOne.run(sealed.keyId, sealed.value, workspaceId, fromKeyId).changes === 1;
  }
}
