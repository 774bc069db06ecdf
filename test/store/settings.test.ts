import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceSettings } from '../../src/core/schema/settings.js';
import { migrate, openDatabase, schemaVersion } from '../../src/store/sqlite/open.js';
import { migrations } from '../../src/store/sqlite/migrations.js';
import type { WorkspaceKey } from '../../src/store/store.js';
import { tempStore } from '../spotlight/helpers.js';
import { storeKinds, type OpenedStore } from './stores.js';

/** Workspace settings (/settings), on each store: SQLite and Postgres behave alike. */
const KINDS = storeKinds();
afterAll(async () => {
  for (const kind of KINDS) await kind.teardown();
});

const T0 = new Date('2026-04-06T15:00:00Z');
const guild: WorkspaceKey = { platform: 'discord', workspaceId: '222222222222222222' };
const team: WorkspaceKey = { platform: 'slack', workspaceId: 'T1' };
const full: WorkspaceSettings = {
  market: 'india',
  visibility: 'private',
  channelVisibility: { C1: 'public', C2: 'private' },
  answerIn: ['C1', 'C3'],
};

describe.each(KINDS)('$name store: workspace settings', (kind) => {
  let t: OpenedStore;
  beforeEach(async () => {
    t = await kind.open();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('saves and reads back every field, keyed by platform and workspace', async () => {
    await t.store.settings.put(guild, full, T0);
    expect(await t.store.settings.get(guild)).toEqual({ settings: full, updatedAt: T0 });
    expect(await t.store.settings.get({ ...guild, platform: 'slack' })).toBeUndefined();
    expect(await t.store.settings.get({ ...guild, workspaceId: '333333333333333333' })).toBeUndefined();
  });

  it('a put replaces the whole row: absent fields read back absent (every channel, no default)', async () => {
    await t.store.settings.put(team, full, T0);
    await t.store.settings.put(team, { channelVisibility: {} }, new Date(T0.getTime() + 1000));
    expect(await t.store.settings.get(team)).toEqual({ settings: { channelVisibility: {} }, updatedAt: new Date(T0.getTime() + 1000) });
  });

  it('refuses a market or visibility outside its set (the CHECK constraints)', async () => {
    await expect(t.store.settings.put(team, { ...full, market: 'mars' as never }, T0)).rejects.toThrow();
    await expect(t.store.settings.put(team, { ...full, visibility: 'loud' as never }, T0)).rejects.toThrow();
    expect(await t.store.settings.get(team)).toBeUndefined();
  });

  it('reset removes the row once', async () => {
    await t.store.settings.put(team, full, T0);
    expect(await t.store.settings.remove(team)).toBe(true);
    expect(await t.store.settings.remove(team)).toBe(false);
    expect(await t.store.settings.get(team)).toBeUndefined();
  });

  it('is erased with its workspace, and only its own', async () => {
    await t.store.settings.put(team, full, T0);
    await t.store.settings.put({ ...team, workspaceId: 'T2' }, full, T0);
    await t.store.eraseWorkspace('slack', 'T1');
    expect(await t.store.settings.get(team)).toBeUndefined();
    expect(await t.store.settings.get({ ...team, workspaceId: 'T2' })).toBeDefined();
  });

  it('another connection reads what one wrote', async () => {
    await t.store.settings.put(guild, full, T0);
    const other = await t.reopen();
    expect((await other.settings.get(guild))?.settings).toEqual(full);
  });
});

describe('sqlite migrations: numbering gaps and late arrivals', () => {
  let t: ReturnType<typeof tempStore>;
  beforeEach(() => (t = tempStore()));
  afterEach(() => t.cleanup());

  it('a migration numbered below one already applied (merged later) still runs, once', () => {
    const path = `${t.dir}/gap.db`;
    // As a database migrated before version 6 (spotlight threads) was merged after version 7.
    const db = openDatabase(
      path,
      migrations.filter((m) => m.version !== 6),
    );
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations WHERE version = 6').get()).toEqual({ n: 0 });
    migrate(db, migrations);
    migrate(db, migrations);
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations WHERE version = 6').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM pragma_table_info('spotlight_subscriptions') WHERE name = 'open_thread'").get()).toEqual({ n: 1 });
    expect(schemaVersion(db)).toBe(7);
    db.close();
  });

  it('a database from before schema_migrations counts every version up to user_version as applied', () => {
    const path = `${t.dir}/legacy.db`;
    const old = openDatabase(
      path,
      migrations.filter((m) => m.version <= 5),
    );
    // As a database written before the table existed: only user_version says what was applied.
    old.exec('DROP TABLE schema_migrations');
    old.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([1, 2, 3, 4, 5, 6, 7].map((version) => ({ version })));
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'settings'").get()).toBeTruthy();
    db.close();
  });
});
