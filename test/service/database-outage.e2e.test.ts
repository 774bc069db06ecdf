import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/observability/logger.js';
import { startService, type RunningService } from '../../src/service/service.js';
import { pgMigrations } from '../../src/store/postgres/migrations.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { testCore } from '../helpers/core.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { Relay } from './relay.js';
import { startReplica } from './replica.js';

/**
 * The service on Postgres, with a TCP relay between them that the test can cut, as a network
 * partition or a database restart would: /healthz turns 503, commands that need no database keep
 * answering, the spotlight's tick fails quietly and the next one resumes, and the store
 * reconnects by itself.
 */
const HEALTH_TOKEN = 'test-health-token-0123456789';
let db: TestDatabase;
let relay: Relay;
let discord: FakeDiscord;
let service: RunningService;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase('rolecall_outage');
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
    ROLECALL_DB_STATEMENT_TIMEOUT_MS: '1000',
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
    ROLECALL_HEALTH_TOKEN: HEALTH_TOKEN,
  });
  // Health probes the store every 200 ms here (5 s in production), so the test need not wait long.
  service = await startService({ env, logger: silentLogger(), core: testCore(), storeCheckIntervalMs: 200 });
  base = `http://127.0.0.1:${service.http.port}`;
  await service.spotlight?.catchUp;
});

afterAll(async () => {
  await service?.stop('test over');
  await relay?.cut();
  await discord?.stop();
  await db?.drop();
});

const healthz = async () =>
  fetch(`${base}/healthz`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { components: Record<string, { ok: boolean; detail: string }> },
  }));

describe('the database lost while running', () => {
  it('runs on Postgres and reports healthy', async () => {
    const h = await healthz();
    expect(h.status).toBe(200);
    expect(h.body.components.store?.detail).toMatch(new RegExp(`^postgres schema v${Math.max(...pgMigrations.map((m) => m.version))}\\b`));
  });

  it('turns /healthz to 503 while the database is away, keeps answering commands, and recovers', async () => {
    await relay.cut();
    // /healthz reads the background probe's last result, so it answers at once and turns within a probe or two.
    await expect.poll(async () => (await healthz()).status, { timeout: 10_000, interval: 100 }).toBe(503);
    const down = await healthz();
    expect(down.status).toBe(503);
    expect(down.body.components.store).toMatchObject({ ok: false, detail: expect.stringMatching(/^postgres unreachable/) });
    expect(down.body.components.discord?.ok).toBe(true);

    // Commands that need no database answer as usual, over HTTP interactions.
    const card = await discord.sendHttp(`${base}/discord/interactions`, discord.interaction.chatInput('role', { name: 'ML Engineer' }));
    expect(card.status).toBe(200);
    expect(JSON.stringify(card.body)).toContain('ML Engineer');
    const compare = await discord.sendHttp(
      `${base}/discord/interactions`,
      discord.interaction.chatInput('compare', { role_a: 'AI Engineer', role_b: 'ML Engineer' }),
    );
    expect(compare.status).toBe(200);
    expect(compare.latencyMs).toBeLessThan(3_000);

    // The spotlight's tick fails quietly (the minute task keeps running) …
    const failed = await service.spotlight!.scheduler.tick();
    expect(failed).toMatchObject({ due: 0, posted: 0 });

    // … and once the database is back, the store reconnects by itself and the next tick posts.
    await relay.open(relay.port);
    await expect.poll(async () => (await healthz()).status, { timeout: 10_000, interval: 100 }).toBe(200);
    const today = ((new Date().getUTCDay() + 6) % 7) + 1;
    await service.store.spotlight.subscriptions.upsert(
      {
        platform: 'discord',
        workspaceId: discord.guildId,
        channelId: discord.channelId,
        dayOfWeek: today,
        localTime: '00:00',
        timezone: 'UTC',
        filter: {},
        createdBy: 'test',
        rotationSeed: 7,
      },
      // Made before today's 00:00 slot: a subscription only counts the slots after it was made.
      new Date(new Date().setUTCHours(0, 0, 0, 0) - 60_000),
    );
    const resumed = await service.spotlight!.scheduler.tick();
    expect(resumed).toMatchObject({ posted: 1, failed: 0 });
  });
});

describe('npm start with a database it cannot use', () => {
  const platform = () => ({
    DISCORD_TOKEN: 'token-for-outage-test',
    DISCORD_APPLICATION_ID: '123456789012345678',
    DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
  });

  it('retries a database that is down, then exits 1 with a clear message and no password', async () => {
    const run = startReplica({ ...platform(), ROLECALL_DB: 'postgres://rolecall:pw-SECRET-9@127.0.0.1:1/rolecall', ROLECALL_DB_STARTUP_TIMEOUT_MS: '1500' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/ROLECALL_DB: cannot reach the Postgres server at postgres:\/\/127\.0\.0\.1:1\/rolecall after \d+ attempt/);
    expect(run.output()).toContain('database not reachable yet; retrying');
    expect(run.output()).not.toContain('pw-SECRET-9');
  });

  it('refuses a malformed URL as a configuration error naming ROLECALL_DB (exit 2), without the password', async () => {
    const run = startReplica({ ...platform(), ROLECALL_DB: 'postgresql://rolecall:pw-SECRET-9@db.internal:5432' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/ROLECALL_DB: the postgres URL names no database/);
    expect(run.output()).not.toContain('pw-SECRET-9');
  });
});
