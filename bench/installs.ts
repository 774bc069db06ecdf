import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import { Dispatcher } from '../src/app/dispatch.js';
import { parseEnv } from '../src/config/env.js';
import { createCore } from '../src/core/index.js';
import { silentLogger } from '../src/observability/logger.js';
import { Metrics } from '../src/observability/metrics.js';
import { startSlack } from '../src/platforms/slack/app.js';
import { SlackInstallations } from '../src/platforms/slack/installations.js';
import { startHttpServer } from '../src/service/http-server.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { TokenCipher } from '../src/store/token-cipher.js';
import { FakeSlackApi, ResponseUrlReceiver, SlackSender } from '../test/fakes/slack/index.js';
import { heading, row, summarize } from './stats.js';

const WORKSPACES = 1_000;
const LOOKUPS = 20_000;
const REQUESTS = 1_000;
const SECRET = 'bench-signing-secret';
const team = (i: number) => `T${String(i).padStart(6, '0')}`;

function installation(teamId: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Community ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token: `xoxb-${teamId}-${randomBytes(12).toString('hex')}`, userId: `U${teamId}`, id: `B${teamId}`, scopes: ['commands', 'chat:write'] },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0ROLECALL',
    authVersion: 'v2',
  };
}

async function lookups(installations: SlackInstallations): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const teamId = team(Math.floor(Math.random() * WORKSPACES));
    const t = performance.now();
    await installations.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    samples.push((performance.now() - t) * 1000);
  }
  return samples;
}

/** Signed /role requests, one after another, spread over `teams`; the ack latency of each. */
async function acks(baseUrl: string, teams: readonly string[], responses: ResponseUrlReceiver): Promise<number[]> {
  const senders = teams.map((teamId) => new SlackSender({ baseUrl, signingSecret: SECRET, workspace: { teamId, botUserId: `U${teamId}` }, responses }));
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS + 100; i++) {
    const sent = await senders[i % senders.length]!.command('/role', 'AI Engineer');
    if (sent.status !== 200) throw new Error(`request ${i} got HTTP ${sent.status}`);
    if (i >= 100) samples.push(sent.ms);
  }
  await responses.responses.waitFor(() => true, { count: REQUESTS + 100, timeoutMs: 120_000 });
  responses.responses.clear();
  return samples;
}

async function ackRun(
  oauth: boolean,
  store: SqliteStore,
  installations: SlackInstallations,
  api: FakeSlackApi,
  responses: ResponseUrlReceiver,
): Promise<number[]> {
  const key = randomBytes(32).toString('base64');
  const env = parseEnv(
    oauth
      ? {
          PORT: '0',
          SLACK_CLIENT_ID: '1.2',
          SLACK_CLIENT_SECRET: 'bench',
          SLACK_STATE_SECRET: 'bench-state-secret-0123',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: api.url,
          ROLECALL_ENCRYPTION_KEY: key,
        }
      : { PORT: '0', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url },
  );
  const metrics = new Metrics();
  const runtime = await startSlack({
    env,
    dispatcher: new Dispatcher(createCore()),
    store,
    logger: silentLogger(),
    metrics,
    ...(oauth ? { installations } : {}),
  });
  const http = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    ...(runtime.requestListener ? { routes: [{ path: '/slack/', listener: runtime.requestListener }] } : {}),
    health: async () => ({}),
    metrics,
  });
  try {
    const teams = oauth ? Array.from({ length: WORKSPACES }, (_, i) => team(i)) : [api.teamId];
    return await acks(`http://127.0.0.1:${http.port}`, teams, responses);
  } finally {
    await runtime.stop();
    await http.close();
  }
}

/**
 * "Add to Slack" with 1,000 installed workspaces: the installation lookup each request makes
 * (a Store read, an AES-256-GCM open, zod) with and without the lookup cache, and the ack
 * latency of signed commands spread over the 1,000 workspaces beside single-workspace mode.
 */
export async function benchInstalls(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-installs-'));
  const store = SqliteStore.open(join(dir, 'bench.db'));
  const api = await FakeSlackApi.start();
  const responses = await ResponseUrlReceiver.start();
  const cipher = new TokenCipher(randomBytes(32));
  try {
    const writer = new SlackInstallations({ records: store.slackInstallations, cipher });
    for (let i = 0; i < WORKSPACES; i++) await writer.storeInstallation(installation(team(i)));

    heading(
      `Slack installs: installation lookup per request, ${WORKSPACES.toLocaleString('en-US')} workspaces, ${LOOKUPS.toLocaleString('en-US')} random lookups`,
    );
    const uncached = summarize(await lookups(new SlackInstallations({ records: store.slackInstallations, cipher, cacheTtlMs: 0 })));
    const cachedStore = new SlackInstallations({ records: store.slackInstallations, cipher });
    await lookups(cachedStore); // warm: every workspace seen once
    const cached = summarize(await lookups(cachedStore));
    row('no cache (SQLite + AES-GCM + zod) p50 / p99', `${uncached.p50.toFixed(1)} / ${uncached.p99.toFixed(1)} µs`);
    row('30 s cache p50 / p99', `${cached.p50.toFixed(1)} / ${cached.p99.toFixed(1)} µs`);

    const oauthInstalls = new SlackInstallations({ records: store.slackInstallations, cipher });
    heading(`Slack installs: ack latency, ${REQUESTS.toLocaleString('en-US')} signed /role requests (sender in this process)`);
    const single = summarize(await ackRun(false, store, oauthInstalls, api, responses));
    const many = summarize(await ackRun(true, store, oauthInstalls, api, responses));
    row('single workspace (SLACK_BOT_TOKEN) p50 / p99', `${single.p50.toFixed(2)} / ${single.p99.toFixed(2)} ms (baseline)`);
    row(`"Add to Slack", ${WORKSPACES} workspaces p50 / p99`, `${many.p50.toFixed(2)} / ${many.p99.toFixed(2)} ms`);
  } finally {
    await store.close();
    await api.close();
    await responses.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
