#!/usr/bin/env node
// The `rolecall` command. It stays tiny: see enableCompileCache.
import { enableCompileCache } from '../compile-cache.js';

enableCompileCache();
const { main } = await import('./main.js');
const { EXIT } = await import('../exit-codes.js');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`rolecall: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = EXIT.internal;
}
