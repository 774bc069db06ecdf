import { spawnSync } from 'node:child_process';

/**
 * Vitest global set-up: `npm run build` before any test, so the suites that run what `npm start`
 * and the `rolecall` bin run (dist/app, the bundle) never test a stale build. About 3 s. The
 * benchmarks that start RoleCall as a process call it too.
 */
export default function setup(): void {
  const run = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stderr || run.stdout}`);
}
