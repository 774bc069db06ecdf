import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Lines through `rolecall <command>`'s standard-input mode (the bundle when built), process start included. */
export function cliBatch(command: string, lines: readonly string[]): Promise<{ seconds: number; lines: number }> {
  const input = `${lines.join('\n')}\n`;
  const built = existsSync('dist/app/cli.js');
  const args = built ? ['dist/app/cli.js', command] : ['--import', 'tsx', 'src/cli/bin.ts', command];
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    let count = 0;
    child.stdout.on('data', (c: Buffer) => {
      for (const b of c) if (b === 10) count++;
    });
    child.on('error', reject);
    child.on('close', () => resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, lines: count }));
    child.stdin.end(input);
  });
}
