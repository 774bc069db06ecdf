import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { REST } from 'discord.js';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../src/observability/logger.js';
import { safeError, secretScrubber, secretValues } from '../../src/observability/log-safety.js';
import { boltLogger } from '../../src/platforms/slack/bolt-logger.js';
import { createCore } from '../../src/core/index.js';
import { FakeSlackApi, type InjectedFailure } from '../fakes/slack/index.js';
import { BOT_TOKEN, SIGNING_SECRET, SlackHarness } from '../slack/harness.js';
import { startHarness, type Harness } from '../discord/harness.js';

const SLACK_TOKEN = 'xoxb-REPRO-SECRET-123456';
const APP_TOKEN = 'xapp-REPRO-APP-SECRET-654321';
const DISCORD_TOKEN = 'REPRO.DISCORD.SECRET-TOKEN-987';

/** A logger writing to memory. No `secrets`: these tests prove the structure alone keeps them out. */
function capture(secrets?: string[], pretty = false): { logger: Logger; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    logger: createLogger({ level: 'trace', destination: sink, ...(pretty ? { pretty, colorize: false } : {}), ...(secrets ? { secrets } : {}) }),
    text: () => chunks.join(''),
  };
}

/** A port nobody listens on: every connection is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('error serialisation', () => {
  it('keeps no request config or header at any depth or letter case, following cause and original', () => {
    // An HTTP client's error that carries the request it sent, as axios's did (@slack/web-api 7).
    const withRequest = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
      config: { headers: { Authorization: `Bearer ${SLACK_TOKEN}` }, data: `token=${SLACK_TOKEN}` },
      request: { _header: `POST /api HTTP/1.1\r\nAUTHORIZATION: Bearer ${SLACK_TOKEN}` },
    });
    const outer = Object.assign(new Error('A request error occurred: connect ECONNREFUSED'), {
      code: 'slack_webapi_request_error',
      original: withRequest,
      cause: new Error('inner', { cause: Object.assign(new Error('deepest'), { HEADERS: { 'X-Token': SLACK_TOKEN } }) }),
    });
    const safe = safeError(outer);
    expect(JSON.stringify(safe)).not.toContain(SLACK_TOKEN);
    expect(safe).toMatchObject({
      code: 'slack_webapi_request_error',
      original: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' },
      cause: { message: 'inner', cause: { message: 'deepest' } },
    });

    const { logger, text } = capture();
    logger.error({ err: outer, other: { nested: { Headers: { authorization: SLACK_TOKEN } }, error: withRequest } }, 'failed');
    logger.error(outer, 'as first argument');
    expect(text()).toContain('ECONNREFUSED');
    expect(text()).not.toContain(SLACK_TOKEN);
  });

  it('scrubs every configured secret value from the final line, raw or JSON-escaped', () => {
    const secrets = secretValues({
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_CLIENT_SECRET: 'sec"ret\\value',
      DATABASE_URL: 'postgres://u:pa55word@h/db',
      PORT: '3000',
    });
    expect(secrets).toEqual(expect.arrayContaining([SLACK_TOKEN, 'sec"ret\\value', 'pa55word']));
    expect(secrets).not.toContain('3000');
    const { logger, text } = capture(secrets);
    logger.info({ note: `said ${SLACK_TOKEN}`, q: 'sec"ret\\value' }, `message with pa55word and ${SLACK_TOKEN}`);
    for (const s of secrets) expect(text()).not.toContain(s);
    expect(text()).not.toContain(JSON.stringify('sec"ret\\value').slice(1, -1));
    expect(text()).toContain('[redacted]');
    expect(secretScrubber([])).toBeUndefined();
  });

  it('pretty output (a terminal) is human and scrubbed the same way', async () => {
    const { logger, text } = capture([SLACK_TOKEN], true);
    logger.info({ note: `said ${SLACK_TOKEN}` }, 'ready to answer');
    await expect.poll(text).toMatch(/INFO.*ready to answer/);
    expect(text()).not.toMatch(/^\{/);
    expect(text()).not.toContain(SLACK_TOKEN);
    expect(text()).toContain('[redacted]');
  });
});

const FAILURES: Array<[string, InjectedFailure]> = [
  ['400', { status: 400 }],
  ['401', { status: 401 }],
  ['403', { status: 403 }],
  ['500', { status: 500 }],
  ['503', { status: 503 }],
  ['connection reset', 'reset'],
  ['timeout', 'hang'],
];

describe('the real Slack Web API client on every failure', () => {
  let api: FakeSlackApi;
  beforeAll(async () => {
    api = await FakeSlackApi.start();
  });
  afterAll(async () => api?.close());

  it.each(FAILURES)('%s: the client’s own log and our error log carry no token', async (_name, failure) => {
    const { logger, text } = capture();
    api.failNext('chat.postMessage', failure, 10);
    const client = new WebClient(SLACK_TOKEN, {
      slackApiUrl: api.url,
      timeout: 300,
      retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 },
      logger: boltLogger(logger),
    });
    const err = await client.chat.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    logger.error({ err }, 'post failed');
    expect(text()).toContain('post failed');
    expect(text()).not.toContain(SLACK_TOKEN);
  });

  it('network error (connection refused): no token, and the log names the error class', async () => {
    const { logger, text } = capture();
    const client = new WebClient(SLACK_TOKEN, {
      slackApiUrl: `http://127.0.0.1:${await closedPort()}/api/`,
      retryConfig: { retries: 0 },
      logger: boltLogger(logger),
    });
    const err = await client.auth.test().catch((e: unknown) => e);
    logger.error({ err }, 'auth failed');
    expect(text()).toContain('ECONNREFUSED');
    expect(text()).not.toContain(SLACK_TOKEN);
    // @slack/web-api 8 throws Error subclasses; the serializer's reduced error keeps the name.
    expect(JSON.parse(text().trim().split('\n').at(-1)!).err).toMatchObject({ type: 'WebAPIRequestError', code: 'slack_webapi_request_error' });
  });
});

describe('the real discord.js REST client on every failure', () => {
  let server: Server;
  let url: string;
  let mode: InjectedFailure = { status: 500 };
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (mode === 'reset') return void req.socket.destroy();
      if (mode === 'hang') return;
      res.writeHead(mode.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'failure', code: mode.status === 401 ? 0 : 50001 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it.each(FAILURES)('%s: no token in the log', async (_name, failure) => {
    mode = failure;
    const { logger, text } = capture();
    const rest = new REST({ api: url, timeout: 300, retries: 0 }).setToken(DISCORD_TOKEN);
    rest.on('restDebug', (m) => logger.debug({ source: 'discord.rest' }, m));
    const err = await rest.post('/channels/1/messages', { body: { content: 'hi' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    logger.error({ err }, 'discord call failed');
    expect(text()).toContain('discord call failed');
    expect(text()).not.toContain(DISCORD_TOKEN);
  });

  it('network error (connection refused): no token', async () => {
    const { logger, text } = capture();
    const rest = new REST({ api: `http://127.0.0.1:${await closedPort()}/api`, retries: 0 }).setToken(DISCORD_TOKEN);
    const err = await rest.get('/users/@me').catch((e: unknown) => e);
    logger.error({ err }, 'discord call failed');
    expect(text()).toMatch(/fetch failed|ECONNREFUSED/);
    expect(text()).not.toContain(DISCORD_TOKEN);
  });
});

describe('Slack HTTP mode at run time: a mention whose answer fails', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(createCore());
  });
  afterAll(async () => h?.close());

  it.each(FAILURES.filter(([, f]) => f !== 'hang'))('%s on chat.postMessage: logged, without the bot token or signing secret', async (_name, failure) => {
    h.logs.clear();
    h.api.failNext('chat.postMessage', failure, 20);
    const sent = await h.sender.mention({ text: h.mentionText('AI Engineer'), channel: 'C0SECRETS' });
    expect(sent.status).toBe(200);
    await h.logs.waitFor((l) => l.level === 50, { timeoutMs: 20_000 });
    const text = JSON.stringify(h.logs.filter(() => true));
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(SIGNING_SECRET);
    h.api.reset();
  });
});

describe('Discord at run time: an interaction whose answer fails', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(createCore());
  });
  afterAll(async () => h?.stop());

  it.each([
    ['400', { status: 400 }],
    ['401', { status: 401 }],
    ['500', { status: 500 }],
    ['connection reset', 'reset'],
  ] as const)('%s on the interaction callback: logged (debug logging on), without the bot token or the interaction token', async (_name, failure) => {
    const before = h.logs.lines.length;
    h.fake.failNext('/interactions/', failure, 10);
    const interaction = h.fake.interaction.chatInput('role', { name: 'AI Engineer' });
    h.fake.send(interaction);
    await h.logs.waitFor((l) => Number(l.level) >= 50 && h.logs.lines.indexOf(l) >= before, 20_000);
    const text = JSON.stringify(h.logs.lines);
    expect(text).not.toContain(h.fake.token);
    expect(text).not.toContain(interaction.token);
  });
});

/** What `npm start` runs (the bundle, dist/app/main.js), as a real process; resolves with everything it printed. */
function runService(env: Record<string, string>, until: number | Promise<unknown>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['dist/app/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'debug',
      PORT: '0',
      ROLECALL_DB: join(mkdtempSync(join(tmpdir(), 'rolecall-secrets-')), 'r.db'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  const stop = () => child.kill('SIGTERM');
  const timer = typeof until === 'number' ? setTimeout(stop, until) : undefined;
  if (typeof until !== 'number') void until.finally(stop);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    }),
  );
}

describe('the service process at start-up', () => {
  it('Slack HTTP mode, auth.test unreachable: exits 1 with one plain sentence (no fatal line, no stack), and prints no token or signing secret', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/api/`;
    const { code, out } = await runService({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: 'signing-REPRO-SECRET', SLACK_API_URL: url }, 60_000);
    expect(code).toBe(1);
    expect(out).toContain(`rolecall: Slack could not be reached at ${url}; check SLACK_API_URL or the network\n`);
    expect(out).not.toContain('start-up failed');
    expect(out).not.toMatch(/"level":60|"stack"|\n\s+at /);
    expect(out).not.toContain(SLACK_TOKEN);
    expect(out).not.toContain('signing-REPRO-SECRET');
  }, 70_000);

  it('Slack Socket Mode, apps.connections.open failing: logs the failure, prints no token', async () => {
    const api = await FakeSlackApi.start();
    api.failNext('apps.connections.open', { status: 500 }, 1000);
    try {
      const failedTwice = api.waitForCall('apps.connections.open', { count: 2, timeoutMs: 40_000 });
      const { out } = await runService({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.url }, failedTwice);
      await failedTwice;
      expect(out).toMatch(/apps\.connections\.open|socket/i);
      expect(out).not.toContain(SLACK_TOKEN);
      expect(out).not.toContain(APP_TOKEN);
    } finally {
      await api.close();
    }
  }, 60_000);

  it('Discord, API unreachable: exits 1 with one plain sentence (no fatal line, no stack), and prints no token', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/api`;
    const { code, out } = await runService({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_API_URL: url }, 60_000);
    expect(code).toBe(1);
    expect(out).toContain(`rolecall: Discord could not be reached at ${url}; check DISCORD_API_URL or the network\n`);
    expect(out).not.toContain('start-up failed');
    expect(out).not.toMatch(/"level":60|"stack"|\n\s+at /);
    expect(out).not.toContain(DISCORD_TOKEN);
  }, 70_000);
});
