import type { PlatformName } from '../platforms/names.js';

/**
 * The last question of each conversation, for /ask's follow-ups ("and in india?", "the second
 * one"). In the Store, not in memory, so a follow-up still works after a restart and on another
 * replica. The value is the AskContext as JSON; the store neither reads nor validates it (the
 * caller parses it with the AskContext schema), so it stays below src/understand/.
 */

/** One person's side of one conversation: a Slack thread or DM, a Discord channel or DM, a console session. */
export interface ConversationKey {
  platform: PlatformName;
  /** Slack team, Discord guild; '' for a Discord DM (no guild). */
  workspaceId: string;
  /** Slack channel + thread ("C1/1712.0001"), a channel or DM id. */
  conversationId: string;
  /** Each person keeps their own context, even in a shared thread. */
  userId: string;
}

export interface ConversationStore {
  /** The context kept for the key, or undefined when there is none or it expired by `now`. */
  get(key: ConversationKey, now?: Date): Promise<unknown>;
  /** Keeps `context` (JSON-serialisable) for the key until `expiresAt`, replacing what was there. */
  put(key: ConversationKey, context: unknown, expiresAt: Date): Promise<void>;
  /** Forgets everything kept for one person in one workspace (a profile erased); returns how many. */
  forgetUser(platform: PlatformName, workspaceId: string, userId: string): Promise<number>;
  /**
   * Forgets one person in every workspace of the platform: a Discord user id is one person in
   * every server, and their contexts are kept per server (guild) as well as in DMs.
   */
  forgetUserEverywhere(platform: PlatformName, userId: string): Promise<number>;
  /** Forgets a whole workspace (a Slack workspace that uninstalled RoleCall); returns how many. */
  forgetWorkspace(platform: PlatformName, workspaceId: string): Promise<number>;
  /** Drops contexts that expired before `now`; returns how many. */
  prune(now: Date): Promise<number>;
}
