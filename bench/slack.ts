import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

/** Set in the child process that plays Slack. */
const CLIENT_ENV = 'ROLECALL_BENCH_SLACK_CLIENT';

interface ClientJob {
  baseUrl: string;
  teamId: string;
  botUserId: string;
}

interface ClientResult {
  samples: number[];
  seconds: number;
}

/** Plays Slack from its own process, as the real one is elsewhere: its work stays off the app's CPU time. */
async function runClient(job: ClientJob): Promise<ClientResult> {
  const responses = await ResponseUrlReceiver.start();
  const sender = new SlackSender({ baseUrl: job.baseUrl, signingSecret: SECRET, workspace: { teamId: job.teamId, botUserId: job.botUserId }, responses });
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
    // Every command must also have been answered, not just acknowledged.
    await responses.responses.waitFor(() => true, { count: REQUESTS, timeoutMs: 120_000 });
    return { samples, seconds: (performance.now() - started) / 1000 };
  } finally {
    await responses.close();
  }
}

const clientJob = process.env[CLIENT_ENV];
if (clientJob && process.send) {
  runClient(JSON.parse(clientJob) as ClientJob).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) }, () => process.exit(1)),
  );
}

function inChildProcess(job: ClientJob): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, [CLIENT_ENV]: JSON.stringify(job) } });
    child.once('message', (msg: { ok: true; result: ClientResult } | { ok: false; error: string }) => {
      if (msg.ok) resolve(msg.result);
      else reject(new Error(msg.error));
    });
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`bench client exited with ${code}`)));
  });
}

/**
 * Slack acknowledgement latency: signed `/role` requests over loopback HTTP, one after another,
 * from send to the HTTP 200 (Bolt verifies the signature, parses and routes; our listener acks
 * before answering). Answers still go to a response_url while later requests arrive, as in
 * production, and the run waits for all of them. The app runs in this process; "Slack" (the
 * sender and the response_url) in a child process.
 */
export async function benchSlack(): Promise<void> {
  const api = await FakeSlackApi.start();
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-slack-'));
  const store = SqliteStore.open(join(dir, 'bench.db'));
  const metrics = new Metrics();
  const env = parseEnv({ PORT: '0', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url });
  const runtime = await startSlack({ env, dispatcher: new Dispatcher(createCore()), store, logger: silentLogger(), metrics });
  const http = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    ...(runtime.requestListener ? { routes: [{ path: '/slack/', listener: runtime.requestListener }] } : {}),
    health: async () => ({ slack: await runtime.health() }),
    metrics,
  });
  try {
    const { samples, seconds } = await inChildProcess({ baseUrl: `http://127.0.0.1:${http.port}`, teamId: api.teamId, botUserId: api.botUserId });
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
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
