import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/exit-codes.js';
import { cliUsage } from '../../src/cli/usage.js';
import { commands } from '../../commands/index.js';
import { memoryIo } from '../helpers/streams.js';

async function cli(args: string[], input = '', tty = false) {
  const m = memoryIo(input, tty);
  const code = await main(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

/** Ordinary CSV from a job board export: commas, quotes and a line break inside fields, a BOM, CRLF. */
const JOBS = [
  '\ufeffid,title,company',
  '1,"Staff Software Engineer, ML Platform",Acme',
  '2,"Senior Machine Learning Engineer, Ads","Big ""Quoted"" Co"',
  '3,AI Engineer,Plain',
  '4,"Banana Bread Baker",Bakery',
  '5,"Prompt',
  'Engineer",Multi-line',
].join('\r\n');

describe('rolecall role --csv', () => {
  it('keeps every input column, row for row, and appends the mapped role', async () => {
    const { code, stdout, stderr } = await cli(['role', '--csv', '--column', 'title'], JOBS);
    const rows = parse(stdout) as string[][];
    expect(rows[0]).toEqual(['id', 'title', 'company', 'role_number', 'role_name', 'match_status', 'match_score']);
    expect(rows).toHaveLength(6);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['1', 'Staff Software Engineer, ML Platform', 'Acme'],
      ['2', 'Senior Machine Learning Engineer, Ads', 'Big "Quoted" Co'],
      ['3', 'AI Engineer', 'Plain'],
      ['4', 'Banana Bread Baker', 'Bakery'],
      ['5', 'Prompt\r\nEngineer', 'Multi-line'],
    ]);
    expect(rows[2]!.slice(3, 6)).toEqual(['23', 'ML Engineer', 'found']);
    expect(rows[3]!.slice(3, 6)).toEqual(['8', 'AI Engineer', 'found']);
    expect(Number(rows[3]![6])).toBeGreaterThan(0);
    expect(rows[4]![5]).toBe('not_found');
    // The summary goes to stderr, so stdout stays a clean CSV; a title not found makes the exit 1.
    expect(stderr).toMatch(/rolecall: 5 titles: \d found, \d ambiguous, \d not found/);
    expect(code).toBe(EXIT.failed);
  });

  it('--exit-zero lets a pipeline tell done from failed', async () => {
    expect((await cli(['role', '--csv', '--column', 'title', '--exit-zero'], JOBS)).code).toBe(EXIT.ok);
    expect((await cli(['role', '--exit-zero'], 'AI Engineer\nbanana\n')).code).toBe(EXIT.ok);
    expect((await cli(['role'], 'AI Engineer\nbanana\n')).code).toBe(EXIT.failed);
  });

  it('matches the column name without regard to case, and names the columns when it is missing', async () => {
    expect((await cli(['role', '--csv', '--column', 'TITLE'], JOBS)).code).toBe(EXIT.failed);
    const missing = await cli(['role', '--csv', '--column', 'job'], JOBS);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain('the CSV has no "job" column (its columns: id, title, company)');
    const noColumn = await cli(['role', '--csv'], JOBS);
    expect(noColumn.code).toBe(EXIT.usage);
    expect(noColumn.stderr).toContain('--column <name>');
  });

  it('rejects a broken or empty CSV clearly', async () => {
    const broken = await cli(['role', '--csv', '--column', 'a'], 'a,b\n"never closed\n');
    expect(broken.code).toBe(EXIT.usage);
    expect(broken.stderr).toMatch(/the CSV could not be read/);
    const empty = await cli(['role', '--csv', '--column', 'a'], '');
    expect(empty.code).toBe(EXIT.usage);
    expect(empty.stderr).toMatch(/the CSV is empty/);
  });

  it('shows progress only on a terminal, and always ends with the summary', async () => {
    const input = `${Array.from({ length: 4_500 }, () => 'AI Engineer').join('\n')}\n`;
    const piped = await cli(['role'], input, false);
    expect(piped.stderr).toBe('rolecall: 4,500 titles: 4,500 found, 0 ambiguous, 0 not found\n');
    const m = memoryIo(input, false);
    Object.assign(m.io.stderr, { isTTY: true });
    await main(['role'], m.io);
    expect(m.stderr()).toContain('\rrolecall: mapped 4,000 titles…');
    expect(m.stderr()).toMatch(/4,500 titles: 4,500 found/);
  });
});

describe('the CLI speaks CLI', () => {
  it('help and --help print the same CLI usage, never slash syntax', async () => {
    const help = await cli(['help']);
    const flag = await cli(['--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toBe(flag.stdout);
    expect(help.stdout).not.toMatch(/^\s*\/\w/m);
    expect(help.stdout).toContain('compare <role> <role> [<role>] [<role>]');
    // Usage and description never run together.
    for (const line of help.stdout.split('\n')) expect(line).not.toMatch(/\][A-Za-z]/);
  });

  it('help <command> shows its usage and examples in CLI syntax', async () => {
    const { stdout } = await cli(['help', 'salary']);
    expect(stdout).toContain('Usage: rolecall salary <role> [--market us|india|uk|both]');
    expect(stdout).toContain('rolecall salary "AI Engineer india"');
    expect((await cli(['compare', '--help'])).stdout).toContain('Usage: rolecall compare');
  });

  it('errors show the CLI syntax, not the chat usage', async () => {
    const one = await cli(['compare', 'AI Engineer']);
    expect(one.code).toBe(EXIT.usage);
    expect(one.stderr).toBe('rolecall: Second role is missing\nUsage: rolecall compare <role> <role> [<role>] [<role>]\n');
    const typo = await cli(['comapre', 'a', 'b']);
    expect(typo.stderr).toContain('Did you mean "rolecall compare"?');
  });

  it('--json prints an invalid status as well as the stderr line', async () => {
    const long = 'x'.repeat(250);
    const res = await cli(['role', long, '--json']);
    expect(res.code).toBe(EXIT.usage);
    expect(JSON.parse(res.stdout)).toEqual({ status: 'invalid', command: 'role', query: long, error: 'a role name is at most 200 characters' });
    const cmp = await cli(['compare', 'AI Engineer', '--json']);
    expect(JSON.parse(cmp.stdout)).toMatchObject({ status: 'invalid', command: 'compare', error: 'Second role is missing' });
  });

  it('every command has a CLI usage made of its options', () => {
    for (const command of commands) {
      const text = cliUsage(command);
      expect(text.startsWith(`rolecall ${command.name}`)).toBe(true);
      expect(text).not.toMatch(/\/|_[a-d]>/);
    }
  });

  it('the card printed by the CLI shows no buttons it cannot press', async () => {
    const { stdout } = await cli(['role', 'AI Engineer']);
    expect(stdout).not.toMatch(/\[(?:\d+\]|Career path)/);
  });
});
