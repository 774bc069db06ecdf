import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/**
 * SQLite keeps writing to a database file after it is unlinked, and all of it is lost at the
 * next restart. The store notices the file gone (or replaced) and refuses every call, loudly,
 * and health says why, instead of answering as if the writes had been kept.
 */

const key = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', threadTs: '1700000000.000001' } as const;
const state = { roles: ['ai-engineer'], market: 'us' as const };

let dir: string;
let path: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-deleted-'));
  path = join(dir, 'data', 'rolecall.db');
  store = SqliteStore.open(path);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite database file deleted while open', () => {
  it('writes fail with a clear error and health reports the file gone', async () => {
    await store.threads.put(key, state);
    expect((await store.health()).ok).toBe(true);

    rmSync(join(dir, 'data'), { recursive: true, force: true });

    const write = store.threads.put({ ...key, threadTs: '1700000000.000002' }, state);
    await expect(write).rejects.toMatchObject({ code: 'ROLECALL_DB_GONE' });
    await expect(write).rejects.toThrow(/rolecall\.db \(ROLECALL_DB\) is gone: deleted or moved; restart RoleCall or restore the file/);
    await expect(store.events.firstSeen('slack', 'Ev1')).rejects.toMatchObject({ code: 'ROLECALL_DB_GONE' });
    const health = await store.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/ROLECALL_DB\) is gone.*restart RoleCall or restore/);
  });

  it('a new file at the path (the folder made again) is refused too: the open handle is not that file', async () => {
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    mkdirSync(join(dir, 'data'));
    const other = SqliteStore.open(path);
    try {
      await expect(store.threads.put(key, state)).rejects.toThrow(/ROLECALL_DB\) was replaced/);
      expect((await store.health()).detail).toMatch(/was replaced/);
      // Nothing the old handle was asked to write reached the new file.
      expect(await other.threads.get(key)).toBeUndefined();
      expect((await other.health()).ok).toBe(true);
    } finally {
      await other.close();
    }
  });
});
