import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The SQLite driver for this Node. better-sqlite3 12 subclasses node::ObjectWrap, whose Node
 * 24.19+ headers make a statement's destructor abort the process (`Assertion failed: (env) !=
 * nullptr`) when a garbage collection finalizes it during teardown. better-sqlite3 13 uses
 * Node-API and is free of that, but it needs Node 22 or newer. So: 13 on Node 22+, 12 on Node 20.
 * Both expose the same API; `better-sqlite3-napi` is the npm alias for 13.
 */
export const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
export const DRIVER_PACKAGE = NODE_MAJOR >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';

const require = createRequire(import.meta.url);
export const Database = require(DRIVER_PACKAGE) as typeof BetterSqlite3;
export type Database = BetterSqlite3.Database;
