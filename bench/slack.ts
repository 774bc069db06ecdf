import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dispatcher } from '../src/app/dispatch.js';
import { parseEnv } from '../src/config/env.js';
import { createCore } from '../src/core/index.js';
import { silentLogger } from '../src/observability/logger.js';
import { Metrics } from '../src/observability/metrics.js';
import { startSlack } from '../src/platforms/slack/app.js';
import { startHttpServer } from '../src/service/http-server.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { FakeSlackApi, ResponseUrlReceiver, SlackSender } from '../test/fakes/slack/index.js';
import { heading, row, rssMb, summarize } from './stats.js';

const REQUESTS = 1_000;
const WARMUP = 100;
const SECRET = 'bench-signing-secret';
const NAMES = ['AI Engineer', 'ML Engineer', 'rag', 'mlops', 'prompt enginer', 'AI Product Manager', 'DevRel', 'CV Engineer'];

/**
 * Slack acknowledgement latency: signed `/role` requests over loopback HTTP, one after another,
 * from send to the HTTP 200 (Bolt verifies the signature, parses, routes, and our listener
 * acks before answering). The answers still go to a local response_url while later requests
 * arrive, as in production; the run waits for all of them. Client and server share the process.
 */
export async function benchSlack(): Promise<void> {
  const api = await FakeSlackApi.start();
  const responses = await ResponseUrlReceiver.start();
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-slack-'));
  const store = SqliteStore.open(join(dir, 'bench.db'));
  const metrics = new Metrics();
  const env = parseEnv({ PORT: '0', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url });
  const runtime = await startSlack({ env, dispatcher: new Dispatcher(createCore()), store, logger: silentLogger(), metrics });
  const http = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    ...(runtime.requestListener ? { slack: runtime.requestListener } : {}),
    health: async () => ({ slack: await runtime.health() }),
    metrics,
  });
  const sender = new SlackSender({
    baseUrl: `http://127.0.0.1:${http.port}`,
    signingSecret: SECRET,
    workspace: { teamId: api.teamId, botUserId: api.botUserId },
    responses,
  });
  try {
    for (let i = 0; i < WARMUP; i++) await sender.command('/role', NAMES[i % NAMES.length]!);
    await responses.responses.waitFor(() => true, { count: WARMUP, timeoutMs: 60_000 });
    responses.responses.clear();

    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i++) {
      const sent = await sender.command('/role', NAMES[i % NAMES.length]!);
      if (sent.status !== 200) throw new Error(`request ${i} got HTTP ${sent.status}`);
      samples.push(sent.ms);
    }
    await responses.responses.waitFor(() => true, { count: REQUESTS, timeoutMs: 120_000 });
    const seconds = (performance.now() - started) / 1000;
    const s = summarize(samples);

    heading(`Slack: acknowledgement latency, ${REQUESTS.toLocaleString('en-US')} signed /role requests on loopback (HTTP mode)`);
    row('ack p50 / p99', `${s.p50.toFixed(2)} / ${s.p99.toFixed(2)} ms (target p99 < 20 ms)`);
    row('ack mean / max', `${s.mean.toFixed(2)} / ${Math.max(...samples).toFixed(2)} ms`);
    row('all answered via response_url', `${seconds.toFixed(2)} s (${Math.round(REQUESTS / seconds)} commands/s)`);
    row('RSS after the run', `${rssMb()} MB`);
  } finally {
    await runtime.stop();
    await http.close();
    await store.close();
    await Promise.all([api.close(), responses.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
