import type { PlatformName } from '../../platforms/names.js';
import type { ConversationKey, ConversationStore } from '../conversation-store.js';
import type { SqliteDb } from './open.js';

export class SqliteConversations implements ConversationStore {
  private readonly select;
  private readonly upsert;
  private readonly removeUser;
  private readonly removeUserEverywhere;
  private readonly removeWorkspace;
  private readonly removeExpired;

  constructor(db: SqliteDb) {
    this.select = db.prepare<[string, string, string, string, string], { context_json: string }>(
      `SELECT context_json FROM conversations
        WHERE platform = ? AND workspace_id = ? AND conversation_id = ? AND user_id = ? AND expires_at > ?`,
    );
    this.upsert = db.prepare(
      `INSERT INTO conversations (platform, workspace_id, conversation_id, user_id, context_json, expires_at)
       VALUES (@platform, @workspaceId, @conversationId, @userId, @context, @expiresAt)
       ON CONFLICT (platform, workspace_id, conversation_id, user_id)
       DO UPDATE SET context_json = excluded.context_json, expires_at = excluded.expires_at`,
    );
    this.removeUser = db.prepare<[string, string, string]>('DELETE FROM conversations WHERE platform = ? AND workspace_id = ? AND user_id = ?');
    this.removeUserEverywhere = db.prepare<[string, string]>('DELETE FROM conversations WHERE platform = ? AND user_id = ?');
    this.removeWorkspace = db.prepare<[string, string]>('DELETE FROM conversations WHERE platform = ? AND workspace_id = ?');
    this.removeExpired = db.prepare<[string]>('DELETE FROM conversations WHERE expires_at <= ?');
  }

  async get(key: ConversationKey, now: Date = new Date()): Promise<unknown> {
    const row = this.select.get(key.platform, key.workspaceId, key.conversationId, key.userId, now.toISOString());
    return row ? JSON.parse(row.context_json) : undefined;
  }

  async put(key: ConversationKey, context: unknown, expiresAt: Date): Promise<void> {
    this.upsert.run({ ...key, context: JSON.stringify(context), expiresAt: expiresAt.toISOString() });
  }

  async forgetUser(platform: PlatformName, workspaceId: string, userId: string): Promise<number> {
    return this.removeUser.run(platform, workspaceId, userId).changes;
  }

  async forgetUserEverywhere(platform: PlatformName, userId: string): Promise<number> {
    return this.removeUserEverywhere.run(platform, userId).changes;
  }

  async forgetWorkspace(platform: PlatformName, workspaceId: string): Promise<number> {
    return this.removeWorkspace.run(platform, workspaceId).changes;
  }

  async prune(now: Date): Promise<number> {
    return this.removeExpired.run(now.toISOString()).changes;
  }
}
