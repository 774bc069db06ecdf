import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/index.js';
import { FakeSlackApi } from '../fakes/slack/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { startReplica } from '../service/replica.js';
import { PRODUCTION_NODE_FLAGS } from '../../bench/flags.js';

/**
 * Start-up as it ships, on the built bundle (dist/app) as `npm start` and the `rolecall` bin run
 * it. "Load only what runs": which npm packages a run loads, read from the chunks it loaded (their
 * source maps name the packages inside) and the packages it required from node_modules.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORDER = ['--import', join(ROOT, 'test/build/record-loads.mjs')];
const CHAT_SDKS = ['discord.js', '@discordjs/rest', '@discordjs/ws', '@slack/bolt', '@slack/web-api', '@slack/socket-mode', '@slack/oauth'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-lazy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The innermost package of a path: Bolt 5's own @slack/socket-mode sits in node_modules/@slack/bolt/node_modules. */
function packageOf(path: string): string | undefined {
  return /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
}

/** The npm packages named by a RECORD_LOADS file. */
function packagesLoaded(file: string): Set<string> {
  const found = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    if (line.startsWith('require:')) {
      const request = line.slice('require:'.length);
      if (!request.startsWith('node:') && !request.startsWith('.') && !request.startsWith('/')) found.add(packageOf(`node_modules/${request}/`) ?? request);
      continue;
    }
    if (!line.startsWith('file://')) continue;
    const path = fileURLToPath(line);
    const direct = packageOf(path);
    if (direct) found.add(direct);
    else if (path.startsWith(join(ROOT, 'dist/app/'))) {
      const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[] };
      for (const source of map.sources) {
        const name = packageOf(source);
        if (name) found.add(name);
      }
    }
  }
  return found;
}

/** Runs the bundled `rolecall` with `args`, recording what it loads. */
function cliLoads(name: string, args: string[]) {
  const loads = join(dir, `${name}.txt`);
  const run = spawnSync(process.execPath, [...RECORDER, 'dist/app/cli.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: dir, RECORD_LOADS: loads },
    encoding: 'utf8',
  });
  return { run, packages: packagesLoaded(loads) };
}

describe('the CLI loads only what a lookup needs', () => {
  it('rolecall role: no chat SDK, logger, metrics, store driver, YAML parser or chart renderer', () => {
    const { run, packages } = cliLoads('cli', ['role', 'AI Engineer']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('8. AI Engineer');
    expect(packages).toContain('zod');
    for (const name of [...CHAT_SDKS, 'pino', 'pino-pretty', 'prom-client', 'better-sqlite3', 'pg', 'yaml', 'vega', '@resvg/resvg-js', 'node-cron']) {
      expect(packages, name).not.toContain(name);
    }
  });
});

describe('the platform list loads no SDK', () => {
  it('rolecall spotlight --help reads every platform (its targets, its variables) and loads no chat SDK', () => {
    const { run, packages } = cliLoads('spotlight-help', ['spotlight', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Targets: discord:<guild id>/<channel id> or slack:<team id>/<channel id>.');
    for (const name of [...CHAT_SDKS, 'discord-api-types', '@discordjs/formatters']) expect(packages, name).not.toContain(name);
  });
});

describe('what production runs', () => {
  it('npm start, the Docker image and the benchmarks run the bundle with the same V8 flags', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string }; bin: { rolecall: string } };
    expect(pkg.scripts.start).toBe(['node', ...PRODUCTION_NODE_FLAGS, 'dist/app/main.js'].join(' '));
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...PRODUCTION_NODE_FLAGS, 'dist/app/main.js']);
    expect(pkg.bin.rolecall).toBe('dist/app/cli.js');
  });
});

describe("Node's compile cache", () => {
  it('is turned on by the entry point where Node has it (22.1+), and a run without it still answers', () => {
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    for (let i = 0; i < 2; i++) {
      const run = spawnSync(process.execPath, ['dist/app/cli.js', 'role', 'ML Engineer'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: dir, TMPDIR: temp },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('ML Engineer');
    }
    const cache = join(temp, 'node-compile-cache');
    const hasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    expect(existsSync(cache) && readdirSync(cache, { recursive: true }).length > 0).toBe(hasCache);
  });
});

describe('the service loads the SDKs of the platforms it is configured for', () => {
  let discord: FakeDiscord;
  let slack: FakeSlackApi;
  let db: TestDatabase;
  beforeAll(async () => {
    discord = new FakeDiscord();
    await discord.start();
    slack = await FakeSlackApi.start({ token: 'xoxb-lazy-test' });
    db = await createTestDatabase('rolecall_lazy');
  });
  afterAll(async () => {
    await discord?.stop();
    await slack?.close();
    await db?.drop();
  });

  async function loadedWhenReady(name: string, env: Record<string, string>): Promise<Set<string>> {
    const loads = join(dir, `${name}.txt`);
    const replica = startReplica({ PORT: '0', LOG_LEVEL: 'info', RECORD_LOADS: loads, ...env }, RECORDER);
    try {
      const port = await replica.port;
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status, { timeout: 20_000 }).toBe(200);
    } finally {
      replica.child.kill('SIGTERM');
      await replica.exited;
    }
    return packagesLoaded(loads);
  }

  it('Slack only, on SQLite: Bolt and the SQLite driver; no discord.js, no pg', async () => {
    const packages = await loadedWhenReady('slack', {
      ROLECALL_DB: join(dir, 'slack.db'),
      SLACK_BOT_TOKEN: 'xoxb-lazy-test',
      SLACK_SIGNING_SECRET: 'lazy-test-signing-secret',
      SLACK_API_URL: slack.url,
    });
    expect(packages).toContain('@slack/bolt');
    // better-sqlite3 12 on Node 20, 13 (the better-sqlite3-napi alias) on Node 22+: src/store/sqlite/driver.ts.
    expect([...packages].filter((p) => p.startsWith('better-sqlite3'))).toHaveLength(1);
    // Bolt 5 and @slack/web-api 8 call Slack with Node's fetch: axios is gone.
    for (const name of ['discord.js', '@discordjs/rest', 'pg', 'pino-pretty', 'yaml', 'vega', 'axios']) expect(packages, name).not.toContain(name);
  });

  it('Discord over HTTP only, on Postgres: @discordjs/rest and pg; no discord.js client, no Slack package, no SQLite driver', async () => {
    const packages = await loadedWhenReady('discord', {
      ROLECALL_DB: db.url,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
    });
    // HTTP interactions as Discord documents them: REST for the webhook and posts, the API's types and enums.
    for (const name of ['@discordjs/rest', 'discord-api-types', 'pg']) expect(packages, name).toContain(name);
    // No discord.js at all (client, gateway, builders), no Slack package, no SQLite driver.
    for (const name of [
      'discord.js',
      '@discordjs/ws',
      '@discordjs/builders',
      '@slack/bolt',
      '@slack/web-api',
      'better-sqlite3',
      'better-sqlite3-napi',
      'pino-pretty',
      'yaml',
      'vega',
    ]) {
      expect(packages, name).not.toContain(name);
    }
  });

  it('Discord over the gateway, on SQLite: discord.js for the connection; no Slack package, no pg', async () => {
    const packages = await loadedWhenReady('gateway', {
      ROLECALL_DB: join(dir, 'gateway.db'),
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
    });
    for (const name of ['discord.js', '@discordjs/ws', '@discordjs/rest']) expect(packages, name).toContain(name);
    for (const name of ['@slack/bolt', '@slack/web-api', 'pg', 'pino-pretty', 'yaml', 'vega']) {
      expect(packages, name).not.toContain(name);
    }
  });
});
