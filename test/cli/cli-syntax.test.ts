import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { commands } from '../../commands/index.js';
import { EXIT } from '../../src/exit-codes.js';
import { memoryIo } from '../helpers/streams.js';

async function cli(args: string[], input = '', tty = true) {
  const m = memoryIo(input, tty);
  const code = await main(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

/** A printed example line's arguments: "quoted" (JSON) strings and bare words. */
function argvOf(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : m[2]!)).slice(1);
}

describe('the CLI speaks CLI', () => {
  it('lists the candidates of an ambiguous title as the commands that open them', async () => {
    const { code, stdout } = await cli(['role', 'AI Scientist']);
    expect(code).toBe(EXIT.failed);
    expect(stdout).toContain('AI Research Scientist: rolecall role "#26"');
    expect(stdout).toContain('Applied AI Scientist: rolecall role "#27"');
  });

  it('lists the suggestion of a title outside AI, and a comparison keeps the other role', async () => {
    expect((await cli(['role', 'Data Engineer'])).stdout).toContain('AI Data Engineer: rolecall role "#16"');
    expect((await cli(['compare', 'AI Engineer', 'Data'])).stdout).toContain('AI Data Engineer: rolecall compare "#8" "#16"');
  });

  it('words mentions of other commands in CLI syntax', async () => {
    const { stdout } = await cli(['role', 'banana']);
    expect(stdout).toContain('Try rolecall roles to browse all 31 roles, or rolecall help for examples.');
    expect(stdout).not.toMatch(/(^|\s)\/(roles|help)\b/);
    expect((await cli(['roles', 'L5'])).stdout).toContain('AI Engineer: rolecall role "#8"');
  });

  it('--version prints package.json’s version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const { code, stdout } = await cli(['--version']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe(`rolecall ${version}\n`);
  });

  it('help lists spotlight once', async () => {
    const { stdout } = await cli(['help']);
    expect(stdout.match(/^ {2}spotlight/gm)).toHaveLength(1);
  });

  it('help spotlight is the spotlight CLI’s own help', async () => {
    const { code, stdout } = await cli(['help', 'spotlight']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('Usage: rolecall spotlight <subcommand>');
  });

  it('help compare gives examples in its usage line’s form', async () => {
    const { stdout } = await cli(['help', 'compare']);
    expect(stdout).toContain('rolecall compare "AI Engineer" "ML Engineer"');
    expect(stdout).not.toMatch(/rolecall compare "[^"]* vs /);
  });

  it('help settings is the settings CLI’s own help', async () => {
    const { code, stdout } = await cli(['help', 'settings']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('Usage: rolecall settings show|set|reset --workspace');
  });

  // spotlight, profile and settings have CLIs of their own, with their own help and tests (profile-cli.test.ts, above).
  for (const command of commands.filter((c) => c.name !== 'spotlight' && c.name !== 'profile' && c.name !== 'settings')) {
    it(`every example of rolecall help ${command.name} runs and answers (exit 0)`, async () => {
      const help = await cli(['help', command.name]);
      const examples = help.stdout.split('\n').filter((l) => l.startsWith('  rolecall '));
      expect(examples.length).toBeGreaterThan(0);
      for (const line of examples) {
        const run = await cli(argvOf(line.trim()));
        expect({ line, code: run.code, stderr: run.stderr }).toEqual({ line, code: EXIT.ok, stderr: '' });
      }
    });
  }

  it('batch mode skips blank lines', async () => {
    const { stdout } = await cli(['role'], 'AI Engineer\n\n   \nmlops\n', false);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l).status)).toEqual(['found', 'found']);
  });

  it('ends quietly with exit 0 when the reader closes the pipe', () => {
    const run = spawnSync('sh', ['-c', 'node dist/app/cli.js roles | head -1'], { encoding: 'utf8' });
    const bash = spawnSync('bash', ['-c', 'set -o pipefail; node dist/app/cli.js roles | head -c 10 >/dev/null'], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/^All 31 roles\n$/);
    expect(bash.stderr).toBe('');
    expect(bash.status).toBe(EXIT.ok);
  });
});

describe('rolecall roles with a layer and a difficulty', () => {
  it('notes only the roles of that layer, never a cross-cutting one', async () => {
    const { stdout } = await cli(['roles', 'L5', 'moderate']);
    expect(stdout).toContain('Roles: L5 Orchestration, Moderate');
    expect(stdout).not.toContain('AI Data Governance Manager');
    // On its own, the difficulty still explains the role the two lists disagree on.
    expect((await cli(['roles', 'moderate'])).stdout).toContain('AI Data Governance Manager is not counted here');
  });
});
