import type { RoleId } from '../core/schema/common.js';
import type { PlatformName } from '../platforms/names.js';

/**
 * A person's saved career profile (/profile), one row per platform + workspace + user. The
 * workspace is the Slack team; Discord and the console key by user alone (''), since a Discord
 * user is the same person in every server. Contents are personal data: never logged (see
 * README "Privacy"), erased completely on delete, pruned after a year untouched.
 */

export interface ProfileKey {
  platform: PlatformName;
  /** The Slack team id; '' where a user id is global (Discord, the console). */
  workspaceId: string;
  userId: string;
}

/** The markets a profile can name (the salary command's, without "both"). */
export type ProfileMarket = 'us' | 'india' | 'uk';

export interface ProfileData {
  currentRole?: RoleId;
  goalRole?: RoleId;
  market?: ProfileMarket;
  /** Skills recognised in the data's vocabulary, as their normalised key ("pytorch"). */
  skills: string[];
  /** What the person typed that the data does not know, kept as typed. */
  otherSkills: string[];
}

export interface Profile extends ProfileData {
  updatedAt: Date;
}

export interface ProfileStore {
  get(key: ProfileKey): Promise<Profile | undefined>;
  /** Replaces the whole profile in one statement (nothing is stored half-way). */
  put(key: ProfileKey, data: ProfileData, at?: Date): Promise<void>;
  /**
   * Deletes the profile and leaves no trace: on SQLite the WAL is checkpointed and truncated, so
   * no page of the database files still holds it. False when there was none.
   */
  remove(key: ProfileKey): Promise<boolean>;
  /** Deletes every profile of a workspace (a Slack team that uninstalled); returns how many. */
  removeWorkspace(platform: string, workspaceId: string): Promise<number>;
  /** Drops profiles untouched since the cut-off; returns how many. */
  prune(olderThan: Date): Promise<number>;
}

/** What erasing a person removed (Store.eraseUser): whether there was a profile, and each part's count. */
export interface Erasure {
  hadProfile: boolean;
  erased: Array<{ what: string; count: number }>;
}

/** The columns' JSON form of the two skill lists, shared by both stores. */
export interface ProfileRow {
  current_role_id: string | null;
  goal_role_id: string | null;
  market: string | null;
  skills: string | string[];
  other_skills: string | string[];
  updated_at: string | Date;
}

const list = (v: string | string[]): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

export function toProfile(row: ProfileRow): Profile {
  return {
    ...(row.current_role_id ? { currentRole: row.current_role_id } : {}),
    ...(row.goal_role_id ? { goalRole: row.goal_role_id } : {}),
    ...(row.market ? { market: row.market as ProfileMarket } : {}),
    skills: list(row.skills),
    otherSkills: list(row.other_skills),
    updatedAt: new Date(row.updated_at),
  };
}
