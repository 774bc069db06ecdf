// `npm run bench`: prints the figures the README quotes. Benchmarks, not tests: nothing here fails on a number.
import os from 'node:os';
import { benchResolve } from './resolve.js';

const suites: Array<[string, () => Promise<void>]> = [['resolve', benchResolve]];

console.log(`# RoleCall benchmarks — Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'})`);
const only = process.argv.slice(2);
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  await run();
}
