import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../helpers/streams.js';

async function cli(args: string[], input = '', tty = true) {
  const m = memoryIo(input, tty);
  const code = await main(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

const CONTRACT = ['status', 'question', 'command', 'roles', 'market', 'layer', 'difficulty', 'skills', 'understood', 'candidates', 'view'];

describe('rolecall ask', () => {
  it('--json prints the contract for an answered question (exit 0)', async () => {
    const { code, stdout } = await cli(['ask', 'AI engineer vs ML engineer salary in india', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    for (const key of CONTRACT) expect(json).toHaveProperty(key);
    expect(json).toMatchObject({
      status: 'answered',
      question: 'AI engineer vs ML engineer salary in india',
      command: 'compare',
      roles: [8, 23],
      market: 'india',
      layer: null,
      difficulty: null,
      skills: [],
      understood: 'Comparing AI Engineer and ML Engineer (pay in India)',
      candidates: [],
      view: { kind: 'compare', understood: 'Comparing AI Engineer and ML Engineer (pay in India)' },
    });
  });

  it('--json: a clarify carries the candidates and the intended command (exit 1); out of scope has a null command', async () => {
    const unsure = await cli(['ask', 'ai scientist salary', '--json']);
    expect(unsure.code).toBe(1);
    expect(JSON.parse(unsure.stdout)).toMatchObject({
      status: 'clarify',
      command: 'salary',
      roles: [],
      candidates: [
        { number: 26, name: 'AI Research Scientist', id: 'ai-research-scientist' },
        { number: 27, name: 'Applied AI Scientist', id: 'applied-ai-scientist' },
      ],
      view: { kind: 'clarify' },
    });
    const out = await cli(['ask', 'tell me a joke', '--json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({
      status: 'out_of_scope',
      command: null,
      roles: [],
      market: null,
      candidates: [],
      view: { kind: 'out_of_scope' },
    });
  });

  it('carries layer and difficulty as the data’s ids', async () => {
    const { stdout } = await cli(['ask', 'easiest roles in layer 6', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'answered',
      command: 'roles',
      layer: 'L6',
      difficulty: 'accessible',
      args: { layer: 'L6', difficulty: 'accessible' },
    });
  });

  it('text: the understood line, then the answer; a clarify lists its choices as commands', async () => {
    const answered = await cli(['ask', 'how much do ML engineers make in india?']);
    expect(answered.code).toBe(0);
    expect(answered.stdout.split('\n').slice(0, 2)).toEqual(['ML Engineer pay in India', 'ML Engineer: pay by level']);
    const unsure = await cli(['ask', 'ai', 'scientist', 'salary']);
    expect(unsure.code).toBe(1);
    expect(unsure.stdout).toContain('Choices:\n  1. AI Research Scientist pay in the US and India\n     rolecall salary "#26"');
  });

  it('reads one question a line from standard input, skips blank lines, prints one JSON object a line in order', async () => {
    const input = 'mle vs ai engineer\n\n   \nhi\r\nai scientist\nwhat does a RAG engineer do\n';
    const { code, stdout, stderr } = await cli(['ask'], input, false);
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.question, l.status, l.command])).toEqual([
      ['mle vs ai engineer', 'answered', 'compare'],
      ['hi', 'out_of_scope', null],
      ['ai scientist', 'clarify', 'role'],
      ['what does a RAG engineer do', 'answered', 'role'],
    ]);
    expect(stderr).toContain('4 questions: 2 answered, 1 to clarify, 1 out of scope');
    const all = await cli(['ask', '--json'], 'mle vs ai engineer\nwhat does a RAG engineer do\n', false);
    expect(all.code).toBe(0);
  });

  it('bad usage exits 2: no question at a terminal, or a flag ask does not take', async () => {
    expect((await cli(['ask'], '', true)).code).toBe(2);
    const flag = await cli(['ask', 'ML engineer salary', '--market', 'india']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('ask takes a question and --json');
  });

  it('is in rolecall help', async () => {
    const { stdout } = await cli(['help']);
    expect(stdout).toMatch(/ask <question>\s+Ask in your own words/);
    expect((await cli(['help', 'ask'])).stdout).toContain('Usage: rolecall ask <question>');
  });
});
