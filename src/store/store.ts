import type { PlatformName } from '../platforms/names.js';
import type { MarketChoice, RoleId } from '../core/schema/common.js';
import type { ConversationStore } from './conversation-store.js';
import type { SlackInstallationStore } from './installation-store.js';
import type { Erasure, ProfileKey, ProfileStore } from './profile-store.js';
import type { SettingsStore } from './settings-store.js';
import type { SpotlightStore } from './spotlight-store.js';

export type * from './spotlight-store.js';
export type * from './installation-store.js';
export type * from './conversation-store.js';
export type * from './profile-store.js';
export type * from './settings-store.js';

/**
 * The persistence interface. Callers depend on this, never on a database: every method is async,
 * so SQLite (./sqlite/) and Postgres (./postgres/) implement it alike and `openStore` picks one.
 */

/** A comparison that lives in a chat thread and is refined by later mentions. */
export interface ThreadKey {
  platform: 'slack';
  workspaceId: string;
  channelId: string;
  threadTs: string;
}

export interface ThreadComparison {
  roles: RoleId[];
  market: MarketChoice;
  updatedAt: Date;
}

export interface ThreadStore {
  get(key: ThreadKey): Promise<ThreadComparison | undefined>;
  put(key: ThreadKey, value: Omit<ThreadComparison, 'updatedAt'>): Promise<void>;
  /** Drops comparisons last updated before the cut-off; returns how many. */
  prune(olderThan: Date): Promise<number>;
}

/** Platform event ids already handled, so a platform's retry never produces a second reply. */
export interface EventLog {
  /** Records the event; true the first time it is seen, false for a repeat. */
  firstSeen(platform: string, eventId: string): Promise<boolean>;
  /** Drops records older than the cut-off (platforms stop retrying within minutes). */
  prune(olderThan: Date): Promise<number>;
}

export interface StoreHealth {
  ok: boolean;
  detail: string;
}

export interface Store {
  readonly threads: ThreadStore;
  readonly events: EventLog;
  /** Weekly spotlight subscriptions and their exactly-once claims. */
  readonly spotlight: SpotlightStore;
  /** Slack workspaces installed through "Add to Slack" (OAuth), their tokens sealed. */
  readonly slackInstallations: SlackInstallationStore;
  /** /ask's follow-up context per conversation and person, kept for 30 minutes. */
  readonly conversations: ConversationStore;
  /** Saved career profiles (/profile): personal data, see README "Privacy". */
  readonly profiles: ProfileStore;
  /** Each workspace's settings (/settings): default market, visibility, where RoleCall answers. */
  readonly settings: SettingsStore;
  /** Erases everything kept about one person (every entry of erase.ts's USER_ERASERS) and says what it removed. */
  eraseUser(key: ProfileKey): Promise<Erasure>;
  /** Erases everything kept about a workspace's people (a Slack team that uninstalled). */
  eraseWorkspace(platform: PlatformName, workspaceId: string): Promise<void>;
  /**
   * Holds `name` for this process until the lease is released or the store closes; undefined when
   * another process sharing the database holds it. On Postgres a session advisory lock (lost,
   * with a warning's worth of harm, if that one connection drops); on SQLite always granted, since
   * one database file serves one process.
   */
  acquireLease(name: string): Promise<Lease | undefined>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export interface Lease {
  release(): Promise<void>;
}
