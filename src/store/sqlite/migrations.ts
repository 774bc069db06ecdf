/**
 * Versioned schema changes, applied in order at start-up inside one transaction each.
 * `PRAGMA user_version` records the last one applied. Never edit a released migration:
 * add a new one.
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
];
