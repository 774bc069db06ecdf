import type pg from 'pg';
import type { Profile, ProfileData, ProfileKey, ProfileRow, ProfileStore } from '../profile-store.js';
import { toProfile } from '../profile-store.js';

const COLUMNS = 'current_role_id, goal_role_id, market, skills, other_skills, updated_at';

/**
 * Profiles in Postgres: the same rules as SqliteProfiles. A deleted row's tuple stays in the heap
 * until VACUUM reclaims it (autovacuum does, and README "Privacy" says so); it is never visible.
 */
export class PgProfiles implements ProfileStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(key: ProfileKey): Promise<Profile | undefined> {
    const { rows } = await this.pool.query<ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE platform = $1 AND workspace_id = $2 AND user_id = $3`, [
      key.platform,
      key.workspaceId,
      key.userId,
    ]);
    return rows[0] ? toProfile(rows[0]) : undefined;
  }

  async put(key: ProfileKey, data: ProfileData, at: Date = new Date()): Promise<void> {
    await this.pool.query(
      `INSERT INTO profiles (platform, workspace_id, user_id, ${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET
         current_role_id = excluded.current_role_id, goal_role_id = excluded.goal_role_id, market = excluded.market,
         skills = excluded.skills, other_skills = excluded.other_skills, updated_at = excluded.updated_at`,
      [
        key.platform,
        key.workspaceId,
        key.userId,
        data.currentRole ?? null,
        data.goalRole ?? null,
        data.market ?? null,
        JSON.stringify(data.skills),
        JSON.stringify(data.otherSkills),
        at,
      ],
    );
  }

  async remove(key: ProfileKey): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM profiles WHERE platform = $1 AND workspace_id = $2 AND user_id = $3', [
      key.platform,
      key.workspaceId,
      key.userId,
    ]);
    return r.rowCount === 1;
  }

  async removeWorkspace(platform: string, workspaceId: string): Promise<number> {
    return (await this.pool.query('DELETE FROM profiles WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId])).rowCount ?? 0;
  }

  async prune(olderThan: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM profiles WHERE updated_at < $1', [olderThan])).rowCount ?? 0;
  }
}
