import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/exit-codes.js';
import { memoryIo } from '../helpers/streams.js';

async function cli(args: string[], input = '', tty = true) {
  const m = memoryIo(input, tty);
  const code = await main(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('rolecall CLI', () => {
  it('role --json prints role 8 with the reference figures (exit 0)', async () => {
    const { code, stdout } = await cli(['role', 'AI Engineer', '--json']);
    expect(code).toBe(EXIT.ok);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ status: 'found', query: 'AI Engineer' });
    expect(json.role).toMatchObject({
      number: 8,
      id: 'ai-engineer',
      name: 'AI Engineer',
      layer: 'L5',
      layers: [5, 6],
      difficulty: 'moderate',
      availability: 'Very High',
      education: "Bachelor's",
      salary: {
        us: {
          range: { min: 100, max: 350, plus: true },
          entry: { min: 100, max: 140, plus: false },
          mid: { min: 140, max: 211, plus: false },
          senior: { min: 195, max: 350, plus: true },
          notes: [],
        },
        india: { entry: { min: 5, max: 12, plus: false }, mid: { min: 18, max: 32, plus: false }, senior: { min: 35, max: 60, plus: true } },
      },
    });
    for (const f of [
      'aliases',
      'summary',
      'responsibilities',
      'mustHave',
      'niceToHave',
      'hiringCompanies',
      'availabilityNote',
      'entryRequirements',
      'progression',
      'related',
      'differentiator',
    ]) {
      expect(json.role).toHaveProperty(f);
    }
  });

  it('ambiguous and not found exit 1 with the JSON contract', async () => {
    const amb = await cli(['role', 'AI', '--json']);
    expect(amb.code).toBe(EXIT.failed);
    const a = JSON.parse(amb.stdout);
    expect(a.status).toBe('ambiguous');
    expect(a.candidates[0]).toEqual({ number: expect.any(Number), name: expect.any(String), id: expect.any(String) });
    const nf = await cli(['role', 'banana', 'bread', '--json']);
    expect(nf.code).toBe(EXIT.failed);
    expect(JSON.parse(nf.stdout)).toEqual({
      status: 'not_found',
      query: 'banana bread',
      suggestions: [],
      data: { kind: 'unresolved', status: 'not_found', query: 'banana bread', candidates: [] },
    });
    const note = JSON.parse((await cli(['role', 'AI/ML Developer', '--json'])).stdout);
    expect(note.note).toMatch(/not a role of its own/i);
  });

  it('prints a terminal card without --json', async () => {
    const { code, stdout } = await cli(['role', 'mlops']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^22\. MLOps \/ LLMOps Engineer/);
    expect(stdout).toContain('Must-have skills');
    expect(stdout).not.toContain('\u001b[');
  });

  it('runs the other commands, with flags', async () => {
    expect((await cli(['compare', 'AI Engineer', 'ML Engineer'])).stdout).toMatch(/^AI Engineer vs ML Engineer/);
    expect((await cli(['path', 'AI Engineer', 'AI Solutions Architect'])).stdout).toMatch(/AI Engineer → AI Solutions Architect/);
    expect((await cli(['salary', 'ML Engineer', '--market', 'india'])).stdout).toContain('₹8–15 LPA');
    expect((await cli(['roles', '--layer', 'L1'])).stdout).toContain('AI Compiler / Kernel Engineer');
    const json = JSON.parse((await cli(['skills', 'CUDA', '--json'])).stdout);
    expect(json.view.kind).toBe('skills');
  });

  it('bad usage exits 2 with a message on stderr', async () => {
    for (const args of [[], ['frobnicate'], ['role', '--bogus'], ['roles', '--layer', 'L9'], ['role', 'x'.repeat(300)]]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.stderr).toMatch(/rolecall: /);
    }
    const tty = await cli(['role'], '', true);
    expect(tty.code).toBe(EXIT.usage);
  });

  it('batch mode: one JSON line per title line, in order, blank lines skipped', async () => {
    const input = `${['AI Engineer', 'ml enginer', 'AI', '', 'banana bread', 'Senior Machine Learning Engineer, Ads'].join('\n')}\n`;
    const { code, stdout } = await cli(['role'], input, false);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.status)).toEqual(['found', 'found', 'ambiguous', 'not_found', 'found']);
    expect(lines.map((l) => l.query)).toEqual(['AI Engineer', 'ml enginer', 'AI', 'banana bread', 'Senior Machine Learning Engineer, Ads']);
    expect(lines[1].role.id).toBe('ml-engineer');
    expect(code).toBe(EXIT.failed);
  });

  it('batch mode as a real process: 10,000 lines, exit 0 when all found', async () => {
    const titles = ['AI Engineer', 'ml eng', 'Prompt Engineer', 'rag engineer', 'Sr. Data Scientist'];
    const input = `${Array.from({ length: 10_000 }, (_, i) => titles[i % titles.length]).join('\n')}\n`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'role'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stdin.end(input);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(10_000);
    expect(JSON.parse(lines[9_999]!).role.id).toBe('data-scientist-genai');
    expect(code).toBe(0);
  });
});
