import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DRIVER_PACKAGE, Database, NODE_MAJOR } from '../../src/store/sqlite/driver.js';

const require = createRequire(import.meta.url);

describe('SQLite driver', () => {
  it('uses better-sqlite3 13 (Node-API) on Node 22+ and 12 on Node 20', () => {
    const { version } = require(`${DRIVER_PACKAGE}/package.json`) as { version: string };
    expect(Number(version.split('.')[0])).toBe(NODE_MAJOR >= 22 ? 13 : 12);
  });

  it('opens, writes and reads through the chosen driver', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x INTEGER)');
    db.prepare('INSERT INTO t VALUES (?)').run(42);
    expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: 42 });
    db.close();
  });
});
