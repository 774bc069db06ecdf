import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { parseLine, runConsoleChat } from '../../src/platforms/console/chat.js';
import { testCore } from '../helpers/core.js';

/** Runs the real console chat over in-memory streams, one line per entry, and returns what it printed. */
async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  const done = runConsoleChat({ dispatcher: new Dispatcher(testCore()), input, output, color: false, ctx: { platform: 'console' } });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('console chat', () => {
  it('parses slash commands, bare words, numbers and questions', () => {
    expect(parseLine('/compare a vs b')).toEqual({ kind: 'command', name: 'compare', text: 'a vs b' });
    expect(parseLine('help')).toEqual({ kind: 'command', name: 'help', text: '' });
    expect(parseLine('QUIT')).toEqual({ kind: 'command', name: 'quit', text: '' });
    expect(parseLine('2')).toEqual({ kind: 'choice', index: 2 });
    expect(parseLine('AI Engineer')).toEqual({ kind: 'question', text: 'AI Engineer' });
    expect(parseLine('how much do ML engineers make in india?')).toEqual({ kind: 'question', text: 'how much do ML engineers make in india?' });
    expect(parseLine('   ')).toBeUndefined();
  });

  it('numbers buttons and select options, and typing a number runs that one', async () => {
    const out = await chat(['/role AI Engineer', '1']);
    const card = out.slice(out.indexOf('8. AI Engineer'));
    expect(card).toMatch(/\[1\]\u00a0Career path/);
    expect(card).toContain('Type a number to choose.');
    // Button 1 is the career path: the answer after "1" is AI Engineer's next moves.
    expect(out).toMatch(/Career moves from AI Engineer/);
  });

  it('lists every role of /roles as a numbered choice, 31 of 31', async () => {
    const out = await chat(['/roles', '31']);
    for (let n = 1; n <= 31; n++) expect(out).toMatch(new RegExp(`\\[${n}\\]\\u00a0\\S`));
    expect(out).toMatch(/Open a role card \(1–25\)/);
    expect(out).toMatch(/Open a role card \(26–31\)/);
  });

  it('explains a number out of range, and reads a lone number as a role number', async () => {
    expect(await chat(['/role AI Engineer', '99'])).toMatch(/Choose 1–\d+, or type a command/);
    expect(await chat(['8'])).toContain('8. AI Engineer');
  });

  it('answers help without the slash, and its help names /spotlight preview and /quit', async () => {
    const out = await chat(['help']);
    expect(out).not.toMatch(/No role matches help/);
    expect(out).toContain('In this console');
    expect(out).toContain('/spotlight preview');
    expect(out).toContain('/quit');
  });

  it('suggests the command a typo meant', async () => {
    expect(await chat(['/roel AI Engineer'])).toMatch(/Did you mean \/role\?/);
  });

  it('words missing arguments for people, never internal field names', async () => {
    const out = await chat(['/compare AI Engineer', '/skills']);
    expect(out).toContain('Second role is missing');
    expect(out).toMatch(/skill, tool or language, e\.g\. PyTorch is missing|Skill .* is missing|is missing/i);
    expect(out).not.toMatch(/role_b|received undefined|expected string/);
  });

  it('refuses more than four roles to compare, saying so', async () => {
    const out = await chat(['/compare NLP Engineer, CV Engineer, AI Engineer, ML Engineer, RAG Engineer']);
    expect(out).toContain('compare takes at most 4 roles');
    expect(out).not.toMatch(/could mean more than one role/);
  });

  it('takes a line without a slash as a question, and refines the last answer with a follow-up', async () => {
    const out = await chat(['how much do ML engineers make in india?', 'what about senior?', 'compare it with MLOps']);
    // Each answer opens with what it understood, then the answer itself.
    expect(out).toMatch(/ML Engineer[^\n]*India/);
    expect(out).toMatch(/ML Engineer: pay by level/);
    expect(out).toMatch(/[Ss]enior/);
    expect(out).toMatch(/ML Engineer vs [^\n]*MLOps/);
  });

  it('picks from a clarifying question by number', async () => {
    const out = await chat(['ai scientist salary', '1']);
    expect(out).toMatch(/Which role did you mean/);
    expect(out).toMatch(/pay by level/);
  });

  it('stops at /quit and exit', async () => {
    const out = await chat(['/quit', '/role AI Engineer']);
    expect(out).not.toContain('8. AI Engineer');
  });
});
