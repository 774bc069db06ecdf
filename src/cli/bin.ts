#!/usr/bin/env node
// The `rolecall` command. It stays tiny: see enableCompileCache.
import { enableCompileCache } from '../compile-cache.js';

enableCompileCache();
const { main } = await import('./main.js');
const { EXIT } = await import('../exit-codes.js');
// A reader that has had enough (`rolecall roles | head -1`) closes the pipe: stop quietly, as a
// success, rather than report the broken pipe (see EXIT.ok).
const closedPipe = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
process.stdout.on('error', (err) => {
  if (closedPipe(err)) process.exit(EXIT.ok);
  throw err;
});
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (closedPipe(err)) process.exit(EXIT.ok);
  process.stderr.write(`rolecall: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = EXIT.internal;
}
