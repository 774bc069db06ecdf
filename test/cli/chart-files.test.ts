import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/exit-codes.js';
import { memoryIo } from '../helpers/streams.js';

const dir = mkdtempSync(join(tmpdir(), 'rolecall-cli-chart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  const m = memoryIo('', true);
  const code = await main(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('rolecall --png / --svg', () => {
  it('salary --png writes a PNG and still prints the text answer', async () => {
    const file = join(dir, 'salary.png');
    const { code, stdout, stderr } = await cli(['salary', 'ML Engineer', '--market', 'india', '--png', file]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('₹8–15 LPA');
    expect(stderr).toContain(`chart written to ${file}`);
    const png = PNG.sync.read(readFileSync(file));
    expect(png.width).toBeGreaterThan(400);
  });

  it('compare and path --svg write the SVG with the figures and role names in it', async () => {
    const cmp = join(dir, 'compare.svg');
    expect((await cli(['compare', 'AI Engineer', 'ML Engineer', '--svg', cmp])).code).toBe(EXIT.ok);
    const svg = readFileSync(cmp, 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('$149K–$200K');
    expect(svg).toContain('₹20–35 LPA');
    const path = join(dir, 'path.svg');
    const both = join(dir, 'path.png');
    expect((await cli(['path', 'AI Engineer', 'AI Solutions Architect', '--svg', path, '--png', both])).code).toBe(EXIT.ok);
    expect(readFileSync(path, 'utf8')).toContain('AI Engineer');
    expect(readFileSync(both).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('refuses the flags on commands without charts, and says when an answer has none', async () => {
    const role = await cli(['role', 'AI Engineer', '--png', join(dir, 'x.png')]);
    expect(role.code).toBe(EXIT.usage);
    expect(role.stderr).toContain('--png and --svg work with salary, compare, path');
    const next = await cli(['path', 'AI Engineer', '--png', join(dir, 'next.png')]);
    expect(next.code).toBe(EXIT.ok);
    expect(next.stderr).toContain('this answer has no chart');
    expect(existsSync(join(dir, 'next.png'))).toBe(false);
  });

  it('a file that cannot be written fails with a reason after the text answer', async () => {
    const { code, stdout, stderr } = await cli(['salary', 'AI Engineer', '--png', join(dir, 'missing-dir', 'x.png')]);
    expect(code).toBe(70);
    expect(stdout).toContain('AI Engineer: pay by level');
    expect(stderr).toMatch(/could not write the chart: .*ENOENT/);
  });

  it('the text answer shows compact bars', async () => {
    const { stdout } = await cli(['salary', 'AI Engineer']);
    expect(stdout).toMatch(/US \(\$K per year\)\n {2}Entry\s+ *█+\s+\$100K–\$140K/);
    expect(stdout).toMatch(/Senior\s+ *█+▸\s+₹35–60\+ LPA/);
    const path = await cli(['path', 'Prompt Engineer', 'AI Solutions Architect']);
    expect(path.stdout).toContain('─(progression)→ [AI Solutions Architect]');
  });
});
