import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/exit-codes.js';
import { DATA_FILES, loadKnowledgeBase } from '../../src/core/data/load.js';
import { DataError } from '../../src/core/data/errors.js';
import { defaultDataDir } from '../../src/core/paths.js';
import { memoryIo } from '../helpers/streams.js';

/** "Billion laughs": nine levels of ten aliases each, 10^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\nroles: *a8\n`;
}

describe('a YAML alias bomb in a data file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rolecall-bomb-'));
    for (const file of Object.values(DATA_FILES)) copyFileSync(join(defaultDataDir(), file), join(dir, file));
    writeFileSync(join(dir, DATA_FILES.roles), aliasBomb());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a clear data error naming the file', () => {
    let err: unknown;
    try {
      loadKnowledgeBase(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).problems.join('\n')).toMatch(/roles\.yaml: YAML aliases: .*alias/i);
  });

  it('makes `rolecall role` exit 3 with the message', async () => {
    const before = process.env.ROLECALL_DATA_DIR;
    process.env.ROLECALL_DATA_DIR = dir;
    try {
      const m = memoryIo('', true);
      expect(await main(['role', 'AI Engineer'], m.io)).toBe(EXIT.data);
      expect(EXIT.data).toBe(3);
      expect(m.stderr()).toMatch(/roles\.yaml: YAML aliases/);
    } finally {
      if (before === undefined) delete process.env.ROLECALL_DATA_DIR;
      else process.env.ROLECALL_DATA_DIR = before;
    }
  });

  it('makes `npm start` exit 3 with the message and no stack trace', async () => {
    const child = spawn(process.execPath, ['dist/app/main.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ROLECALL_DATA_DIR: dir,
        ROLECALL_DB: join(dir, 'r.db'),
        PORT: '0',
        DISCORD_TOKEN: 'bomb-test-token',
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(3);
    expect(out).toMatch(/the role data is invalid:\n\s+data?.*roles\.yaml: YAML aliases|roles\.yaml: YAML aliases/);
    expect(out).not.toMatch(/\n\s+at /);
  }, 30_000);
});
