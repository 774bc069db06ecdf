import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { completer, parseLine, runConsoleChat } from '../../src/platforms/console/chat.js';
import { testCore } from '../helpers/core.js';

/** The real console chat over streams; `tty` makes readline treat the input as a terminal (keys, Ctrl+C, Tab). */
function start(tty = false) {
  const input = Object.assign(new PassThrough(), tty ? { isTTY: true } : {});
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString()));
  const done = runConsoleChat({ dispatcher: new Dispatcher(testCore()), input, output, color: false, ctx: { platform: 'console' } });
  return { input, done, printed: () => printed };
}

async function chat(lines: string[]): Promise<string> {
  const c = start();
  c.input.end(`${lines.join('\n')}\n`);
  await c.done;
  return c.printed();
}

describe('console chat keys and choices', () => {
  it('reads [2] as button 2, like 2', () => {
    expect(parseLine('[2]')).toEqual({ kind: 'choice', index: 2 });
    expect(parseLine('2')).toEqual({ kind: 'choice', index: 2 });
    expect(parseLine('[2')).toEqual({ kind: 'question', text: '[2' });
  });

  it('[1] presses button 1 of the last answer, not role 1', async () => {
    const out = await chat(['/role AI Engineer', '[1]']);
    expect(out).toMatch(/Career moves from AI Engineer/);
  });

  it('a number after an answer with no choices says so instead of opening a role', async () => {
    const out = await chat(['/spotlight preview', '/help compare', '3']);
    expect(out).toContain('That answer has no choices. /role #3 opens role 3.');
    expect(out).not.toMatch(/^3\. /m);
  });

  it('/help <command> shows that command', async () => {
    const out = await chat(['/help compare']);
    expect(out).toContain('/compare <role> vs <role>');
    expect(out).toContain('/compare AI Engineer vs ML Engineer');
    expect(await chat(['/help nothing'])).toContain('No command "nothing". /help lists them.');
  });

  it('says goodbye on /quit', async () => {
    expect(await chat(['/quit'])).toMatch(/Goodbye\.\n$/);
  });

  it('completes commands and role names', () => {
    const complete = completer(testCore().kb.roles.map((r) => r.name));
    expect(complete('/comp')).toEqual([['/compare', '/companies'], '/comp']);
    const [roles, typed] = complete('/role prompt');
    expect(typed).toBe('prompt');
    expect(roles.some((n) => n.startsWith('Prompt Engineer'))).toBe(true);
    expect(roles.every((n) => n.toLowerCase().startsWith('prompt'))).toBe(true);
    expect(complete('hello')).toEqual([[], 'hello']);
  });

  it('Tab completes a command in the real readline', async () => {
    const c = start(true);
    c.input.write('/compan\t');
    c.input.write('\r');
    await new Promise((r) => setTimeout(r, 300));
    c.input.end();
    await c.done;
    // "/compan" completes to the one command it starts, which then runs.
    expect(c.printed()).toContain('Target companies by tier');
  });

  it('Ctrl+C clears a half-typed line and quits only on an empty one', async () => {
    const c = start(true);
    c.input.write('/role AI Eng');
    c.input.write('\u0003');
    c.input.write('/roles L5\r');
    await new Promise((r) => setTimeout(r, 200));
    expect(c.printed()).toContain('Roles: L5');
    expect(c.printed()).not.toContain('/role AI Eng/roles');
    c.input.write('\u0003');
    await c.done;
  });
});
