import type { Difficulty, LayerCode } from '../core/schema/common.js';
import type { SlackInstallationRecord } from './installation-store.js';
import type { Claim, FailureKind, Subscription, ThreadState } from './spotlight-store.js';

/**
 * The tables' rows and their mapping to the Store's types, shared by both stores: SQLite hands
 * times back as ISO text and flags as 0/1, Postgres as Date and boolean, and `new Date()` and
 * `Boolean()` read either.
 */
type Time = string | Date;

export interface SubscriptionRow {
  id: number;
  platform: string;
  workspace_id: string;
  channel_id: string;
  day_of_week: number;
  local_time: string;
  timezone: string;
  filter_layer: string | null;
  filter_difficulty: string | null;
  status: string;
  paused_reason: string | null;
  paused_at: Time | null;
  created_by: string;
  created_at: Time;
  removed_at: Time | null;
  rotation_seed: number;
  rotation_cycle: number;
  open_thread: number | boolean;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform as Subscription['platform'],
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    dayOfWeek: row.day_of_week,
    localTime: row.local_time,
    timezone: row.timezone,
    filter: {
      ...(row.filter_layer ? { layer: row.filter_layer as LayerCode } : {}),
      ...(row.filter_difficulty ? { difficulty: row.filter_difficulty as Difficulty } : {}),
    },
    status: row.status as Subscription['status'],
    ...(row.paused_reason ? { pausedReason: row.paused_reason } : {}),
    ...(row.paused_at ? { pausedAt: new Date(row.paused_at) } : {}),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    rotationSeed: row.rotation_seed,
    rotationCycle: row.rotation_cycle,
    thread: Boolean(row.open_thread),
  };
}

export interface ClaimRow {
  id: string;
  subscription_id: number;
  week_key: string;
  role_id: string;
  cycle: number;
  state: string;
  owner: string;
  claimed_at: Time;
  lease_until: Time;
  attempts: number;
  recoveries: number;
  retry_allowed: number | boolean;
  sent_at: Time | null;
  message_id: string | null;
  failure_kind: string | null;
  failure_reason: string | null;
  failed_at: Time | null;
  thread_state: string | null;
  thread_id: string | null;
  thread_attempts: number;
  thread_failure: string | null;
}

export function toClaim(row: ClaimRow): Claim {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    weekKey: row.week_key,
    roleId: row.role_id,
    cycle: row.cycle,
    state: row.state as Claim['state'],
    owner: row.owner,
    claimedAt: new Date(row.claimed_at),
    leaseUntil: new Date(row.lease_until),
    attempts: row.attempts,
    recoveries: row.recoveries,
    retryAllowed: Boolean(row.retry_allowed),
    ...(row.sent_at ? { sentAt: new Date(row.sent_at) } : {}),
    ...(row.message_id ? { messageId: row.message_id } : {}),
    ...(row.failure_kind ? { failureKind: row.failure_kind as FailureKind } : {}),
    ...(row.failure_reason ? { failureReason: row.failure_reason } : {}),
    ...(row.failed_at ? { failedAt: new Date(row.failed_at) } : {}),
    ...(row.thread_state ? { threadState: row.thread_state as ThreadState } : {}),
    ...(row.thread_id ? { threadId: row.thread_id } : {}),
    threadAttempts: row.thread_attempts ?? 0,
    ...(row.thread_failure ? { threadFailure: row.thread_failure } : {}),
  };
}

export interface InstallationRow {
  workspace_id: string;
  enterprise_id: string | null;
  app_id: string | null;
  bot_user_id: string;
  bot_id: string | null;
  scopes: string;
  installed_by: string | null;
  key_id: string;
  sealed: string;
  installed_at: Time;
  updated_at: Time;
}

export function toRecord(row: InstallationRow): SlackInstallationRecord {
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

export const INSTALLATION_COLUMNS = 'workspace_id, enterprise_id, app_id, bot_user_id, bot_id, scopes, installed_by, key_id, sealed, installed_at, updated_at';
