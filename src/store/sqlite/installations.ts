import type { NewSlackInstallation, SlackInstallationRecord, SlackInstallationStore } from '../installation-store.js';
import { INSTALLATION_COLUMNS as COLUMNS, type InstallationRow, toRecord } from '../rows.js';
import type { SqliteDb } from './open.js';

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
