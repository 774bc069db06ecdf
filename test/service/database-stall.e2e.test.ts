import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/observability/logger.js';
import { startService, type RunningService } from '../../src/service/service.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { testCore } from '../helpers/core.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { Relay } from './relay.js';

/**
 * The service on Postgres through a TCP relay that stalls both ways without closing a socket (a
 * silent network stall, where the server's statement_timeout never fires): /healthz turns 503
 * within 2 s, answers keep their deadline, and everything recovers when the relay resumes.
 */
const HEALTH_TOKEN = 'test-health-token-0123456789';
let db: TestDatabase;
let relay: Relay;
let discord: FakeDiscord;
let service: RunningService;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase('rolecall_stall');
  const target = new URL(db.url);
  relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
  await relay.open();
  const viaRelay = new URL(db.url);
  viaRelay.port = String(relay.port);
  discord = new FakeDiscord();
  await discord.start();
  const env = parseEnv({
    PORT: '0',
    ROLECALL_DB: viaRelay.toString(),
    ROLECALL_DB_STATEMENT_TIMEOUT_MS: '2000',
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
    SPOTLIGHT_ENABLED: 'false',
    ROLECALL_HEALTH_TOKEN: HEALTH_TOKEN,
  });
  // The production probe schedule (no storeCheckIntervalMs override): the 2 s bound is the real one.
  service = await startService({ env, logger: silentLogger(), core: testCore() });
  base = `http://127.0.0.1:${service.http.port}`;
});

afterAll(async () => {
  relay?.resume();
  await service?.stop('test over');
  await relay?.cut();
  await discord?.stop();
  await db?.drop();
});

const status = async () => (await fetch(`${base}/healthz`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } })).status;
const send = (name: string, options: Record<string, string>) => discord.sendHttp(`${base}/discord/interactions`, discord.interaction.chatInput(name, options));

/**
 * The answer's text and when it arrived: in the HTTP response, or, when the bot deferred (each
 * bounded store read waits up to its budget, so a stalled store can pass the 1 s defer point),
 * in the edit of @original that followed.
 */
async function answered(name: string, options: Record<string, string>): Promise<{ status: number; text: string; ms: number }> {
  const interaction = discord.interaction.chatInput(name, options);
  const started = performance.now();
  const res = await discord.sendHttp(`${base}/discord/interactions`, interaction);
  if ((res.body as { type?: number }).type !== 5) return { status: res.status, text: JSON.stringify(res.body), ms: performance.now() - started };
  const edit = await discord.waitForRequest(
    (r) => r.method === 'PATCH' && r.path.endsWith(`/${interaction.token}/messages/@original`) && r.status === 200,
    5_000,
  );
  return { status: res.status, text: JSON.stringify(edit.body), ms: performance.now() - started };
}

describe('the database stalling silently while running', () => {
  it('turns /healthz 503 within 2 s, keeps answering within 3 s, and recovers when the network resumes', async () => {
    expect(await status()).toBe(200);
    // Warm-up: first-request costs are not what this measures.
    expect((await send('role', { name: 'ML Engineer' })).status).toBe(200);
    expect((await send('ask', { question: 'what does an ML Engineer do' })).status).toBe(200);

    relay.pause();
    const paused = performance.now();
    await expect.poll(status, { timeout: 5_000, interval: 50 }).toBe(503);
    const toUnhealthy = performance.now() - paused;
    const card = await answered('role', { name: 'AI Engineer' });
    const ask = await answered('ask', { question: 'what does an AI Engineer do' });
    console.info(`stall: /healthz 503 after ${Math.round(toUnhealthy)} ms; /role ${Math.round(card.ms)} ms; /ask ${Math.round(ask.ms)} ms`);
    expect(toUnhealthy).toBeLessThan(2_000);
    expect(card.status).toBe(200);
    expect(card.text).toContain('AI Engineer');
    expect(card.ms).toBeLessThan(3_000);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('AI Engineer');
    expect(ask.ms).toBeLessThan(3_000);
    // Still stalled a few seconds on: still 503, still answering.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await status()).toBe(503);

    relay.resume();
    await expect.poll(status, { timeout: 15_000, interval: 100 }).toBe(200);
    const after = await send('ask', { question: 'what does an ML Engineer do' });
    expect(after.status).toBe(200);
  }, 60_000);
});
