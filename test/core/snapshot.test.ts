import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { openKnowledgeBase } from '../../src/core/data/open.js';
import { readSnapshot, snapshotKey, writeSnapshot } from '../../src/core/data/snapshot.js';
import { loadKnowledgeBase } from '../../src/core/index.js';
import { DataError } from '../../src/core/data/errors.js';
import { defaultDataDir } from '../../src/core/paths.js';

const temps: string[] = [];
function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rolecall-${prefix}-`));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the bundled data that a test may edit. */
function dataCopy(): string {
  const dir = temp('data');
  cpSync(defaultDataDir(), dir, { recursive: true });
  return dir;
}

describe('the compiled knowledge base', () => {
  it('a snapshot holds exactly what validation produced', async () => {
    const cache = temp('cache');
    const validated = loadKnowledgeBase();
    const first = await openKnowledgeBase(undefined, { snapshotDirs: [cache] });
    expect(readdirSync(cache)).toEqual([`${snapshotKey(defaultDataDir())}.json`]);
    const second = readSnapshot(cache, snapshotKey(defaultDataDir())!);
    for (const kb of [first, second!]) {
      expect(kb.roles).toStrictEqual(validated.roles);
      expect(kb.reference).toStrictEqual(validated.reference);
      expect(kb.aiEngineer).toStrictEqual(validated.aiEngineer);
    }
  });

  it('serves a snapshot whose key matches, without validating again', async () => {
    const data = dataCopy();
    const cache = temp('cache');
    const key = snapshotKey(data)!;
    const kb = loadKnowledgeBase(data);
    // A snapshot made under this key, marked so that serving it is visible.
    const marked = Object.assign(Object.create(Object.getPrototypeOf(kb)), kb, {
      roles: kb.roles.map((r, i) => (i === 0 ? { ...r, name: 'Served From Snapshot' } : r)),
    });
    writeSnapshot(cache, key, marked);
    expect((await openKnowledgeBase(data, { snapshotDirs: [cache] })).roles[0]!.name).toBe('Served From Snapshot');
  });

  it('never serves a stale snapshot: an edited data file gets a new key and is validated', async () => {
    const data = dataCopy();
    const cache = temp('cache');
    const before = await openKnowledgeBase(data, { snapshotDirs: [cache] });
    const file = join(data, 'roles.yaml');
    const name = before.roles[0]!.name;
    writeFileSync(file, readFileSync(file, 'utf8').replace(`name: ${name}`, `name: ${name} Edited`));
    const after = await openKnowledgeBase(data, { snapshotDirs: [cache] });
    expect(after.roles[0]!.name).toBe(`${name} Edited`);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('an invalid edit fails with the clear data error even when an older snapshot exists', async () => {
    const data = dataCopy();
    const cache = temp('cache');
    await openKnowledgeBase(data, { snapshotDirs: [cache] });
    const file = join(data, 'roles.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('mid: { min: 120,', 'mid: { min: lots,'));
    const err = await openKnowledgeBase(data, { snapshotDirs: [cache] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/roles\.yaml: roles\[0\]\.salary\.us\.mid\.min: expected number/);
  });

  it('ignores a tampered, truncated or foreign snapshot and validates instead', async () => {
    const data = dataCopy();
    const cache = temp('cache');
    const key = snapshotKey(data)!;
    await openKnowledgeBase(data, { snapshotDirs: [cache] });
    const path = join(cache, `${key}.json`);
    const good = readFileSync(path, 'utf8');
    for (const bad of [good.replace('"number":1,', '"number":99,'), good.slice(0, good.length / 2), 'not json\n{}', good.replace(key, '0'.repeat(40))]) {
      writeFileSync(path, bad);
      expect(readSnapshot(cache, key)).toBeUndefined();
      const kb = await openKnowledgeBase(data, { snapshotDirs: [cache] });
      expect(kb.roles[0]!.number).toBe(1);
    }
  });

  it('an unwritable cache only costs the validation', async () => {
    // A regular file where the folder should be: every write fails with ENOTDIR.
    const blocker = join(temp('blocked'), 'file');
    writeFileSync(blocker, '');
    const kb = await openKnowledgeBase(undefined, { snapshotDirs: [join(blocker, 'kb')] });
    expect(kb.roles).toHaveLength(31);
  });
});
