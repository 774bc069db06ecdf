import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseBusyError, retryWhileBusy } from '../../src/store/sqlite/busy.js';
import { Database } from '../../src/store/sqlite/driver.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

describe('store calls while another connection holds the write lock', () => {
  let dir: string;
  let store: SqliteStore;
  let other: InstanceType<typeof Database>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rolecall-busy-'));
    store = SqliteStore.open(join(dir, 'r.db'));
    other = new Database(join(dir, 'r.db'));
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits asynchronously and succeeds once the lock is released, timers firing meanwhile', async () => {
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const write = store.events.firstSeen('slack', 'Ev1');
    await new Promise((r) => setTimeout(r, 300));
    other.exec('ROLLBACK');
    expect(await write).toBe(true);
    clearInterval(ticker);
    // The event loop kept turning while the write waited.
    expect(ticks).toBeGreaterThan(10);
    expect(await store.events.firstSeen('slack', 'Ev1')).toBe(false);
  });

  it('gives up after the deadline with a clear error naming the lock', async () => {
    other.exec('BEGIN IMMEDIATE');
    let calls = 0;
    const err = await retryWhileBusy(
      async () => {
        calls++;
        return store.db.prepare("INSERT INTO processed_events VALUES ('x', 'y', 'z')").run();
      },
      { deadlineMs: 150, firstDelayMs: 5, maxDelayMs: 20 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseBusyError);
    expect((err as Error).message).toMatch(/locked by another connection/);
    expect(calls).toBeGreaterThan(2);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      retryWhileBusy(async () => {
        calls++;
        throw Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' });
      }),
    ).rejects.toThrow('constraint');
    expect(calls).toBe(1);
  });
});
