import type pg from 'pg';
import type { NewSlackInstallation, SlackInstallationRecord, SlackInstallationStore } from '../installation-store.js';
import { INSTALLATION_COLUMNS as COLUMNS, type InstallationRow, toRecord } from '../rows.js';

/** Slack installations in Postgres: the same rules as SqliteSlackInstallations, statement for statement. */
export class PgSlackInstallations implements SlackInstallationStore {
  constructor(private readonly pool: pg.Pool) {}

  async save(record: NewSlackInstallation, at: Date): Promise<{ created: boolean }> {
    // xmax is 0 on a row this statement inserted, and set on one it updated: one round trip tells which.
    const { rows } = await this.pool.query<{ created: boolean }>(
      `INSERT INTO slack_installations (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (workspace_id) DO UPDATE SET
         enterprise_id = excluded.enterprise_id, app_id = excluded.app_id, bot_user_id = excluded.bot_user_id,
         bot_id = excluded.bot_id, scopes = excluded.scopes, installed_by = excluded.installed_by,
         key_id = excluded.key_id, sealed = excluded.sealed, updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS created`,
      [
        record.workspaceId,
        record.enterpriseId ?? null,
        record.appId ?? null,
        record.botUserId,
        record.botId ?? null,
        record.scopes.join(','),
        record.installedBy ?? null,
        record.keyId,
        record.sealed,
        at,
      ],
    );
    return { created: rows[0]!.created };
  }

  async get(workspaceId: string): Promise<SlackInstallationRecord | undefined> {
    const { rows } = await this.pool.query<InstallationRow>(`SELECT ${COLUMNS} FROM slack_installations WHERE workspace_id = $1`, [workspaceId]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async remove(workspaceId: string): Promise<boolean> {
    return (await this.pool.query('DELETE FROM slack_installations WHERE workspace_id = $1', [workspaceId])).rowCount === 1;
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM slack_installations');
    return rows[0]!.n;
  }

  async sealedWithOtherKey(keyId: string, limit: number): Promise<SlackInstallationRecord[]> {
    const { rows } = await this.pool.query<InstallationRow>(`SELECT ${COLUMNS} FROM slack_installations WHERE key_id <> $1 ORDER BY workspace_id LIMIT $2`, [
      keyId,
      limit,
    ]);
    return rows.map(toRecord);
  }

  async reseal(workspaceId: string, fromKeyId: string, sealed: { keyId: string; value: string }): Promise<boolean> {
    const r = await this.pool.query('UPDATE slack_installations SET key_id = $1, sealed = $2 WHERE workspace_id = $3 AND key_id = $4', [
      sealed.keyId,
      sealed.value,
      workspaceId,
      fromKeyId,
    ]);
    return r.rowCount === 1;
  }
}
