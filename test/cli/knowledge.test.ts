import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/exit-codes.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { runConsoleChat } from '../../src/platforms/console/chat.js';
import { memoryIo } from '../helpers/streams.js';
import { testCore } from '../helpers/core.js';

async function cli(args: string[]) {
  const m = memoryIo('', true);
  const code = await main(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('rolecall CLI: the knowledge commands', () => {
  it('prints each new command as {command, view} under --json', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [['prep', 'AI Engineer'], 'prep', /^Interview prep: AI Engineer$/],
      [['certs', 'ML Engineer'], 'certs', /^Certifications for ML Engineer$/],
      [['projects', '--layer', 'L3'], 'projects', /^Portfolio projects: L3 Inference & Serving$/],
      [['companies', 'india'], 'companies', /^Where to look in India$/],
      [['deepdive', 'compare'], 'deep-dive', /^AI Engineer deep-dive: vs ML Engineer/],
      [['salary', 'AI Engineer', '--market', 'uk'], 'salary', /^AI Engineer: UK pay by level$/],
      [['sources'], 'sources', /^Sources$/],
    ];
    for (const [args, kind, title] of cases) {
      const { code, stdout } = await cli([...args, '--json']);
      expect(code, args.join(' ')).toBe(EXIT.ok);
      const json = JSON.parse(stdout);
      expect(json.command).toBe(args[0]);
      expect(json.view.kind).toBe(kind);
      expect(json.view.title).toMatch(title);
    }
  });

  it('renders the new commands for the terminal', async () => {
    const { code, stdout } = await cli(['salary', 'AI Engineer', 'uk']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^AI Engineer: UK pay by level/);
    expect(stdout).toContain('£55K–£80K');
  });

  it('under --json, invalid input prints {status: "invalid", query, error} too, and exits 2', async () => {
    const long = 'x'.repeat(201);
    const role = await cli(['role', long, '--json']);
    expect(role.code).toBe(EXIT.usage);
    expect(JSON.parse(role.stdout)).toEqual({ status: 'invalid', command: 'role', query: long, error: 'a role name is at most 200 characters' });
    expect(role.stderr).toMatch(/^rolecall: a role name is at most 200 characters/);
    const prep = await cli(['prep', long, '--json']);
    expect(prep.code).toBe(EXIT.usage);
    expect(JSON.parse(prep.stdout)).toMatchObject({
      status: 'invalid',
      command: 'prep',
      query: long,
      error: expect.stringContaining('at most 200 characters'),
    });
    const companies = await cli(['companies', 'tier', '9', '--json']);
    expect(JSON.parse(companies.stdout)).toMatchObject({ status: 'invalid', query: 'tier 9', error: expect.stringContaining('tier from 1 to 5') });
    const unknown = await cli(['frobnicate', 'x', '--json']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(JSON.parse(unknown.stdout)).toEqual({ status: 'invalid', command: 'frobnicate', query: 'x', error: 'unknown command "frobnicate"' });
    // Without --json, stdout stays empty.
    expect((await cli(['prep', long])).stdout).toBe('');
  });
});

describe('console chat: the knowledge commands', () => {
  it('answers /prep, /companies india and /deepdive pay in the terminal', async () => {
    const input = Readable.from(['/prep RAG Engineer\n/companies india\n/deepdive pay\n/quit\n']);
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString()));
    await runConsoleChat({ dispatcher: new Dispatcher(testCore()), input, output, color: false, ctx: { platform: 'console' } });
    expect(text).toContain('Interview prep: RAG Engineer');
    expect(text).toContain('Job platforms');
    expect(text).toContain('UK pay ladder, from the articles');
  });
});
