import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from '../src/config/env.js';
import { createCore } from '../src/core/index.js';
import { silentLogger } from '../src/observability/logger.js';
import { startService } from '../src/service/service.js';
import { Database } from '../src/store/sqlite/driver.js';
import { FakeSlackApi, ResponseUrlReceiver, SlackSender } from '../test/fakes/slack/index.js';
import { heading, row, rssMb, summarize } from './stats.js';

const SECRET = 'bench-hardening-secret';
const TOKEN = 'xoxb-bench-hardening';
const SAMPLES = 200;

const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Sends `total` bytes without a signature to /slack/events, stopping when the server answers. */
function flood(port: number, total: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    let done = false;
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/slack/events',
      headers: { 'content-type': 'application/json', 'content-length': String(total) },
    });
    req.on('response', (res) => {
      done = true;
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err) => !done && reject(err));
    const pump = () => {
      while (!done && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

/**
 * What the hardening changes protect: /healthz and Slack acknowledgements while another
 * connection holds the database's write lock (baseline: the same with the database free), and
 * the memory a 256 MB unsigned POST costs (baseline: RSS before it).
 */
export async function benchHardening(): Promise<void> {
  heading('Hardening: a locked database, a huge body');
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-hardening-'));
  const api = await FakeSlackApi.start({ token: TOKEN });
  const responses = await ResponseUrlReceiver.start();
  const env = parseEnv({
    PORT: '0',
    ROLECALL_DB: join(dir, 'r.db'),
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: api.url,
    SPOTLIGHT_ENABLED: 'false',
  });
  const service = await startService({ env, logger: silentLogger(), core: createCore(), storeCheckIntervalMs: 500 });
  const base = `http://127.0.0.1:${service.http.port}`;
  const sender = new SlackSender({ baseUrl: base, signingSecret: SECRET, workspace: { teamId: api.teamId, botUserId: api.botUserId }, responses });
  const measure = async () => {
    const health: number[] = [];
    const acks: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      await (await fetch(`${base}/healthz`)).arrayBuffer();
      health.push(performance.now() - t);
      acks.push(
        (await sender.mention({ text: `<@${api.botUserId}> AI Engineer`, channel: 'C0BENCH', threadTs: `1700000000.${String(i).padStart(6, '0')}` })).ms,
      );
    }
    return { health: summarize(health), acks: summarize(acks) };
  };
  try {
    await measure(); // warm-up
    const free = await measure();
    const other = new Database(join(dir, 'r.db'));
    other.exec('BEGIN IMMEDIATE');
    const locked = await measure();
    other.exec('ROLLBACK');
    other.close();
    row('/healthz p50 / p99, database free (baseline)', `${ms(free.health.p50)} / ${ms(free.health.p99)}`);
    row('/healthz p50 / p99, write lock held elsewhere', `${ms(locked.health.p50)} / ${ms(locked.health.p99)}`);
    row('mention ack p50 / p99, database free (baseline)', `${ms(free.acks.p50)} / ${ms(free.acks.p99)}`);
    row('mention ack p50 / p99, write lock held elsewhere', `${ms(locked.acks.p50)} / ${ms(locked.acks.p99)}`);
    globalThis.gc?.();
    const before = rssMb();
    const status = await flood(service.http.port, 256 * 1024 * 1024);
    globalThis.gc?.();
    row('RSS before a 256 MB unsigned POST (baseline)', `${before} MB`);
    row(`RSS after it (answered ${status})`, `${rssMb()} MB`);
  } finally {
    await service.stop('bench over');
    await api.close();
    await responses.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
