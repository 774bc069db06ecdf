import type { ProfileData, ProfileKey, ProfileRow, ProfileStore, Profile } from '../profile-store.js';
import { toProfile } from '../profile-store.js';
import type { SqliteDb } from './open.js';

const COLUMNS = 'current_role_id, goal_role_id, market, skills, other_skills, updated_at';

/**
 * Profiles in SQLite. Deleting must leave no copy in the files: the connection runs with
 * secure_delete (freed cells are zeroed), and a delete checkpoints the WAL with TRUNCATE, so the
 * frames that held the row are copied over and the -wal file is emptied.
 */
export class SqliteProfiles implements ProfileStore {
  private readonly selectOne;
  private readonly upsert;
  private readonly deleteOne;
  private readonly deleteWorkspace;
  private readonly deleteOld;

  constructor(private readonly db: SqliteDb) {
    db.pragma('secure_delete = ON');
    this.selectOne = db.prepare<[string, string, string], ProfileRow>(
      `SELECT ${COLUMNS} FROM profiles WHERE platform = ? AND workspace_id = ? AND user_id = ?`,
    );
    this.upsert = db.prepare(
      `INSERT INTO profiles (platform, workspace_id, user_id, ${COLUMNS})
       VALUES (@platform, @workspaceId, @userId, @currentRole, @goalRole, @market, @skills, @otherSkills, @at)
       ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET
         current_role_id = excluded.current_role_id, goal_role_id = excluded.goal_role_id, market = excluded.market,
         skills = excluded.skills, other_skills = excluded.other_skills, updated_at = excluded.updated_at`,
    );
    this.deleteOne = db.prepare<[string, string, string]>('DELETE FROM profiles WHERE platform = ? AND workspace_id = ? AND user_id = ?');
    this.deleteWorkspace = db.prepare<[string, string]>('DELETE FROM profiles WHERE platform = ? AND workspace_id = ?');
    this.deleteOld = db.prepare<[string]>('DELETE FROM profiles WHERE updated_at < ?');
  }

  async get(key: ProfileKey): Promise<Profile | undefined> {
    const row = this.selectOne.get(key.platform, key.workspaceId, key.userId);
    return row ? toProfile(row) : undefined;
  }

  async put(key: ProfileKey, data: ProfileData, at: Date = new Date()): Promise<void> {
    this.upsert.run({
      ...key,
      currentRole: data.currentRole ?? null,
      goalRole: data.goalRole ?? null,
      market: data.market ?? null,
      skills: JSON.stringify(data.skills),
      otherSkills: JSON.stringify(data.otherSkills),
      at: at.toISOString(),
    });
  }

  async remove(key: ProfileKey): Promise<boolean> {
    const removed = this.deleteOne.run(key.platform, key.workspaceId, key.userId).changes === 1;
    this.erasePages();
    return removed;
  }

  async removeWorkspace(platform: string, workspaceId: string): Promise<number> {
    const n = this.deleteWorkspace.run(platform, workspaceId).changes;
    if (n > 0) this.erasePages();
    return n;
  }

  async prune(olderThan: Date): Promise<number> {
    const n = this.deleteOld.run(olderThan.toISOString()).changes;
    if (n > 0) this.erasePages();
    return n;
  }

  /**
   * Copies the WAL into the database and truncates it. A reader in another connection can keep
   * the checkpoint from finishing (busy = 1): that is an error here, since the caller was promised
   * that nothing is left; the busy retry around the store tries again.
   */
  private erasePages(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    if (result && result.busy !== 0) {
      throw Object.assign(new Error('the WAL checkpoint after a profile delete was blocked by a reader'), { code: 'SQLITE_BUSY' });
    }
  }
}
