/**
 * Versioned schema changes, applied in order at start-up inside one transaction each.
 * Table `schema_migrations` records each one applied (`PRAGMA user_version` the highest), so
 * a version numbered below one already applied (branches merged out of order) still runs.
 * Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'threads and processed events',
    sql: `
      CREATE TABLE thread_comparisons (
        platform     TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id   TEXT NOT NULL,
        thread_ts    TEXT NOT NULL,
        roles_json   TEXT NOT NULL,
        market       TEXT NOT NULL DEFAULT 'both',
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id, channel_id, thread_ts)
      );
      CREATE TABLE processed_events (
        platform  TEXT NOT NULL,
        event_id  TEXT NOT NULL,
        seen_at   TEXT NOT NULL,
        PRIMARY KEY (platform, event_id)
      );
      CREATE INDEX processed_events_seen_at ON processed_events (seen_at);
    `,
  },
  {
    version: 2,
    name: 'spotlight subscriptions and weekly claims',
    // Timestamps are ISO-8601 UTC strings from Date#toISOString, so they compare as text.
    // A removed subscription keeps its row (removed_at): re-subscribing restores its rotation
    // and its claims, so unsubscribe + subscribe can never produce a second post in a week.
    sql: `
      CREATE TABLE spotlight_subscriptions (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        platform          TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
        workspace_id      TEXT NOT NULL,
        channel_id        TEXT NOT NULL,
        day_of_week       INTEGER NOT NULL DEFAULT 1 CHECK (day_of_week BETWEEN 1 AND 7),
        local_time        TEXT NOT NULL DEFAULT '15:00' CHECK (local_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        timezone          TEXT NOT NULL DEFAULT 'UTC',
        filter_layer      TEXT,
        filter_difficulty TEXT,
        status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        paused_reason     TEXT,
        paused_at         TEXT,
        created_by        TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        removed_at        TEXT,
        rotation_seed     INTEGER NOT NULL,
        rotation_cycle    INTEGER NOT NULL DEFAULT 0,
        UNIQUE (platform, workspace_id, channel_id)
      );
      CREATE TABLE spotlight_claims (
        id              TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 25),
        subscription_id INTEGER NOT NULL REFERENCES spotlight_subscriptions (id) ON DELETE CASCADE,
        week_key        TEXT NOT NULL,
        role_id         TEXT NOT NULL,
        cycle           INTEGER NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
        owner           TEXT NOT NULL,
        claimed_at      TEXT NOT NULL,
        lease_until     TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        recoveries      INTEGER NOT NULL DEFAULT 0,
        retry_allowed   INTEGER NOT NULL DEFAULT 0,
        sent_at         TEXT,
        message_id      TEXT,
        failure_kind    TEXT CHECK (failure_kind IN ('temporary', 'permanent', 'abandoned')),
        failure_reason  TEXT,
        failed_at       TEXT,
        UNIQUE (subscription_id, week_key)
      );
      CREATE INDEX spotlight_claims_in_flight ON spotlight_claims (state, lease_until);
      CREATE INDEX spotlight_claims_cycle ON spotlight_claims (subscription_id, cycle);
    `,
  },
  {
    version: 3,
    name: 'slack installations',
    // One row per workspace installed through "Add to Slack". The installation, tokens
    // included, is in \`sealed\` (AES-256-GCM); \`key_id\` names the key that sealed it.
    sql: `
      CREATE TABLE slack_installations (
        workspace_id  TEXT PRIMARY KEY,
        enterprise_id TEXT,
        app_id        TEXT,
        bot_user_id   TEXT NOT NULL,
        bot_id        TEXT,
        scopes        TEXT NOT NULL,
        installed_by  TEXT,
        key_id        TEXT NOT NULL,
        sealed        TEXT NOT NULL,
        installed_at  TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX slack_installations_key_id ON slack_installations (key_id);
    `,
  },
  {
    version: 4,
    name: 'conversations (ask context)',
    // One row per person per conversation: /ask's last answer (AskContext JSON) for follow-ups.
    // expires_at is an ISO-8601 UTC string, compared as text; expired rows are pruned hourly.
    sql: `
      CREATE TABLE conversations (
        platform        TEXT NOT NULL,
        workspace_id    TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        user_id         TEXT NOT NULL,
        context_json    TEXT NOT NULL,
        expires_at      TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id, conversation_id, user_id)
      );
      CREATE INDEX conversations_user ON conversations (platform, workspace_id, user_id);
      CREATE INDEX conversations_expires_at ON conversations (expires_at);
    `,
  },
  {
    version: 5,
    name: 'profiles',
    // One saved career profile per platform + workspace ('' on Discord and the console) + user.
    // Skill lists are JSON arrays: recognised keys, and unrecognised text kept as typed.
    sql: `
      CREATE TABLE profiles (
        platform     TEXT NOT NULL,
        workspace_id TEXT NOT NULL DEFAULT '',
        user_id      TEXT NOT NULL,
        current_role_id TEXT,
        goal_role_id    TEXT,
        market       TEXT CHECK (market IN ('us', 'india', 'uk')),
        skills       TEXT NOT NULL DEFAULT '[]',
        other_skills TEXT NOT NULL DEFAULT '[]',
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id, user_id)
      );
      CREATE INDEX profiles_updated_at ON profiles (updated_at);
    `,
  },
  {
    version: 6,
    name: 'spotlight discussion threads',
    // open_thread: the subscription asked for a discussion thread under each weekly post.
    // The thread step of a claim is exactly-once like the post: thread_state 'opening' with a
    // lease while a run opens it (a crash leaves it for recovery once the lease ends), 'opened'
    // with the thread's id (Discord: the thread channel; Slack: the first reply's ts), or
    // 'failed' with the reason once its tries are spent. NULL: no thread was asked for.
    sql: `
      ALTER TABLE spotlight_subscriptions ADD COLUMN open_thread INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE spotlight_claims ADD COLUMN thread_state TEXT CHECK (thread_state IN ('opening', 'opened', 'failed'));
      ALTER TABLE spotlight_claims ADD COLUMN thread_id TEXT;
      ALTER TABLE spotlight_claims ADD COLUMN thread_lease_until TEXT;
      ALTER TABLE spotlight_claims ADD COLUMN thread_attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE spotlight_claims ADD COLUMN thread_failure TEXT;
      CREATE INDEX spotlight_claims_thread ON spotlight_claims (thread_state, thread_lease_until);
    `,
  },
  {
    version: 7,
    name: 'workspace settings',
    // One row per platform + workspace (Discord guild, Slack team), written by /settings.
    // channel_visibility is a JSON object (channel id → public|private); answer_in a JSON array
    // of channel ids, NULL for every channel.
    sql: `
      CREATE TABLE settings (
        platform           TEXT NOT NULL,
        workspace_id       TEXT NOT NULL,
        market             TEXT CHECK (market IN ('us', 'india', 'uk')),
        visibility         TEXT CHECK (visibility IN ('public', 'private')),
        channel_visibility TEXT NOT NULL DEFAULT '{}',
        answer_in          TEXT,
        updated_at         TEXT NOT NULL,
        PRIMARY KEY (platform, workspace_id)
      );
    `,
  },
];
