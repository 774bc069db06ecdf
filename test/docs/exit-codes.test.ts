import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/exit-codes.js';

/** The README's CLI section documents the exit codes as a table; src/exit-codes.ts holds them. */
const root = new URL('../../', import.meta.url);

function readmeCodes(): number[] {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const start = readme.indexOf('## The `rolecall` CLI');
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
}

describe('exit codes', () => {
  it('the README table lists exactly the codes in src/exit-codes.ts, once each', () => {
    const listed = readmeCodes();
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
  });

  it('no CLI path keeps its own table: src/exit-codes.ts is the one home', () => {
    const dir = new URL('src/cli/', root);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/const EXIT\b/);
      expect(text, file).not.toMatch(/process\.exit\(\d|exitCode = \d|128 \+ SIGNALS/);
    }
  });
});
