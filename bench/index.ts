// `npm run bench`: prints the figures the README quotes. Benchmarks, not tests: nothing here
// fails on a number. Each suite runs in a process of its own, so one suite's memory and JIT
// state never colour another's figures. `npm run bench -- discord` runs one suite.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { PRODUCTION_NODE_FLAGS } from './flags.js';

export const SUITES = [
  'resolve',
  'ask',
  'startup',
  'discord',
  'slack',
  'installs',
  'spotlight',
  'charts',
  'pages',
  'profile',
  'hardening',
  'scale-out',
] as const;

const only = process.argv.slice(2);
const unknown = only.filter((s) => !(SUITES as readonly string[]).includes(s));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${SUITES.join(', ')}`);
  process.exit(2);
}
console.log(`# RoleCall benchmarks — Node ${process.version}, ${os.cpus().length} CPU(s), ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
let failed = 0;
for (const suite of SUITES) {
  if (only.length && !only.includes(suite)) continue;
  const res = spawnSync(process.execPath, [...PRODUCTION_NODE_FLAGS, '--expose-gc', '--import', 'tsx', 'bench/run-suite.ts', suite], { stdio: 'inherit' });
  if (res.status !== 0) {
    failed++;
    console.log(`(suite ${suite} exited with ${res.status ?? res.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
