import type pg from 'pg';
import type { PlatformName } from '../../platforms/names.js';
import type { ConversationKey, ConversationStore } from '../conversation-store.js';

export class PgConversations implements ConversationStore {
  constructor(private readonly pool: pg.Pool) {}

  async get(key: ConversationKey, now: Date = new Date()): Promise<unknown> {
    const { rows } = await this.pool.query<{ context: unknown }>(
      `SELECT context FROM conversations
        WHERE platform = $1 AND workspace_id = $2 AND conversation_id = $3 AND user_id = $4 AND expires_at > $5`,
      [key.platform, key.workspaceId, key.conversationId, key.userId, now],
    );
    return rows[0]?.context;
  }

  async put(key: ConversationKey, context: unknown, expiresAt: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO conversations (platform, workspace_id, conversation_id, user_id, context, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (platform, workspace_id, conversation_id, user_id)
       DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at`,
      [key.platform, key.workspaceId, key.conversationId, key.userId, JSON.stringify(context), expiresAt],
    );
  }

  async forgetUser(platform: PlatformName, workspaceId: string, userId: string): Promise<number> {
    const r = await this.pool.query('DELETE FROM conversations WHERE platform = $1 AND workspace_id = $2 AND user_id = $3', [platform, workspaceId, userId]);
    return r.rowCount ?? 0;
  }

  async forgetUserEverywhere(platform: PlatformName, userId: string): Promise<number> {
    const r = await this.pool.query('DELETE FROM conversations WHERE platform = $1 AND user_id = $2', [platform, userId]);
    return r.rowCount ?? 0;
  }

  async forgetWorkspace(platform: PlatformName, workspaceId: string): Promise<number> {
    const r = await this.pool.query('DELETE FROM conversations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId]);
    return r.rowCount ?? 0;
  }

  async prune(now: Date): Promise<number> {
    const r = await this.pool.query('DELETE FROM conversations WHERE expires_at <= $1', [now]);
    return r.rowCount ?? 0;
  }
}
