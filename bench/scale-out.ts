// Scale-out: what three replicas on one Postgres buy over one, on this machine.
//  1. Interactions/s and latency over Discord HTTP interactions: one replica vs three behind a
//     loopback balancer (real `npm start` processes, signed requests from the fake Discord).
//  2. Store operations p50/p99: Postgres (the local server) vs SQLite (a file), same calls.
//  3. A spotlight week to 1,000 channels across three replicas against the fake Discord, which
//     enforces the 50 requests/s global limit: each replica straight to Discord, then all three
//     through one @discordjs/proxy (the DISCORD_API_URL setting docs/scaling.md recommends).
// Two cores limit the absolute numbers; the ratios are the point.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { proxyRequests } from '@discordjs/proxy';
import { PgStore } from '../src/store/postgres/pg-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { FakeDiscord, InteractionSigner } from '../test/fakes/discord/index.js';
import { forkFakeDiscord } from '../test/fakes/discord/remote.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import setupPostgres from '../test/setup/postgres-server.js';
import { LoadBalancer } from '../test/service/load-balancer.js';
import { startReplica, type Replica } from '../test/service/replica.js';
import { heading, row, summarize } from './stats.js';
// The bundle (dist/app) is what these start; the tests' global set-up builds it the same way.
import buildBundle from '../test/setup/build.js';

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function stop(replicas: Replica[]): Promise<void> {
  for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGTERM');
  await Promise.all(replicas.map((r) => r.exited));
}

async function interactions(dbUrl: string, fake: FakeDiscord, replicas: number, count: number, concurrency: number) {
  const env = {
    PORT: '0',
    LOG_LEVEL: 'warn',
    ROLECALL_DB: dbUrl,
    ROLECALL_DB_POOL_SIZE: '4',
    SPOTLIGHT_ENABLED: 'false',
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_PUBLIC_KEY: fake.signer.publicKeyHex,
  };
  // LOG_LEVEL=warn hides the "listening" line the helper waits for, so replicas log at info and we filter nothing.
  const started = Array.from({ length: replicas }, () => startReplica({ ...env, LOG_LEVEL: 'info' }));
  try {
    const ports = await Promise.all(started.map((r) => r.port));
    const lb = new LoadBalancer(ports);
    const url = `${await lb.start()}/discord/interactions`;
    const roles = ['AI Engineer', 'ML Engineer', 'RAG Engineer', 'MLOps Engineer', 'Prompt Engineer', 'AI Product Manager'];
    const make = (i: number) =>
      i % 2
        ? fake.interaction.autocomplete('role', { name: 'name', value: roles[i % roles.length]!.slice(0, 6) })
        : fake.interaction.chatInput('role', { name: roles[i % roles.length]! });
    for (let i = 0; i < 60; i++) await fake.sendHttp(url, make(i)); // warm-up: JIT and pools
    const latencies: number[] = [];
    let failed = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const res = await fake.sendHttp(url, make(next++));
          if (res.status === 200) latencies.push(res.latencyMs);
          else failed++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    await lb.stop();
    return { perSecond: count / seconds, failed, ...summarize(latencies) };
  } finally {
    await stop(started);
  }
}

async function storeOps(name: string, store: Store, n: number) {
  const at = new Date('2026-04-06T15:00:00Z');
  const timings: Record<string, number[]> = {
    'subscriptions.upsert': [],
    'claims.acquire': [],
    'claims.markSent': [],
    'events.firstSeen': [],
    'threads.put+get': [],
  };
  const time = async (op: string, fn: () => Promise<unknown>) => {
    const s = performance.now();
    await fn();
    timings[op]!.push(performance.now() - s);
  };
  for (let i = 0; i < n; i++) {
    let subId = 0;
    await time('subscriptions.upsert', async () => {
      subId = (
        await store.spotlight.subscriptions.upsert(
          {
            platform: 'discord',
            workspaceId: 'g',
            channelId: `c${i}`,
            dayOfWeek: 1,
            localTime: '15:00',
            timezone: 'UTC',
            filter: {},
            createdBy: 'bench',
            rotationSeed: i + 1,
          },
          at,
        )
      ).subscription.id;
    });
    const id = `b${i}-${name}`.slice(0, 25);
    await time('claims.acquire', () =>
      store.spotlight.claims.acquire({
        id,
        subscriptionId: subId,
        weekKey: '2026-W15',
        roleId: 'ai-engineer',
        cycle: 0,
        owner: 'bench',
        at,
        leaseUntil: new Date(at.getTime() + 120_000),
      }),
    );
    await time('claims.markSent', () => store.spotlight.claims.markSent(id, { messageId: `m${i}`, attempts: 1, at }));
    await time('events.firstSeen', () => store.events.firstSeen('slack', `Ev${i}`));
    const key = { platform: 'slack' as const, workspaceId: 'T', channelId: 'C', threadTs: `${i}.0` };
    await time('threads.put+get', async () => {
      await store.threads.put(key, { roles: ['ai-engineer', 'ml-engineer'], market: 'both' });
      await store.threads.get(key);
    });
  }
  return Object.fromEntries(Object.entries(timings).map(([op, samples]) => [op, summarize(samples.slice(Math.floor(n / 10)))]));
}

async function spotlightFanOut(dbUrl: string, viaProxy: boolean) {
  const CHANNELS = 1000;
  const fake = await forkFakeDiscord();
  const publicKey = new InteractionSigner().publicKeyHex;
  let proxy: ReturnType<typeof createServer> | undefined;
  let apiUrl = fake.apiUrl;
  const started: Replica[] = [];
  try {
    const ids = await fake.channels(CHANNELS, 50);
    if (viaProxy) {
      const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
      proxy = createServer(proxyRequests(rest));
      await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
      apiUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/api`;
    }
    const store = await PgStore.open({ url: dbUrl, max: 8 });
    const today = ((new Date().getUTCDay() + 6) % 7) + 1;
    for (let i = 0; i < CHANNELS; i += 10) {
      await Promise.all(
        ids.slice(i, i + 10).map((channelId, j) =>
          store.spotlight.subscriptions.upsert(
            {
              platform: 'discord',
              workspaceId: fake.guildId,
              channelId,
              dayOfWeek: today,
              localTime: '00:00',
              timezone: 'UTC',
              filter: {},
              createdBy: 'bench',
              rotationSeed: i + j + 1,
            },
            // Before today's 00:00 slot, so this week's post is due (a subscription counts only later slots).
            new Date(new Date().setUTCHours(0, 0, 0, 0) - 60_000),
          ),
        ),
      );
    }
    const env = {
      PORT: '0',
      LOG_LEVEL: 'info',
      ROLECALL_DB: dbUrl,
      ROLECALL_DB_POOL_SIZE: '4',
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: apiUrl,
      DISCORD_PUBLIC_KEY: publicKey,
    };
    started.push(...Array.from({ length: 3 }, () => startReplica(env)));
    await Promise.all(started.map((r) => r.port));
    const deadline = Date.now() + 120_000;
    let inFlight = 0;
    while (Date.now() < deadline) {
      inFlight = (await store.spotlight.claims.stale(new Date(8.64e15))).length; // every claim not yet sent or failed
      const d = await fake.deliveries();
      const done = Object.values(d.perChannel).filter((n) => n > 0).length;
      if (done === CHANNELS && inFlight === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await store.close();
    const d = await fake.deliveries();
    const counts = Object.values(d.perChannel);
    const seconds = d.firstAt !== null && d.lastAt !== null ? (d.lastAt - d.firstAt) / 1000 : NaN;
    return {
      postsPerSecond: (counts.reduce((a, b) => a + b, 0) - 1) / seconds,
      requests: d.requests,
      rateLimited: d.rateLimited,
      duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      missing: counts.filter((n) => n === 0).length,
    };
  } finally {
    await stop(started);
    proxy?.close();
    await fake.stop();
  }
}

export async function benchScaleOut(): Promise<void> {
  buildBundle();
  const teardown = await setupPostgres();
  const fake = new FakeDiscord({ maxRecords: 500 });
  await fake.start();
  const dbs = [];
  try {
    heading('Scale-out: Discord HTTP interactions through a loopback balancer (1,000 each, 16 at a time)');
    for (const n of [1, 3]) {
      const db = await createTestDatabase('rolecall_bench');
      dbs.push(db);
      const r = await interactions(db.url, fake, n, 1000, 16);
      row(`${n} replica(s)`, `${r.perSecond.toFixed(0)} interactions/s, p50 ${fmt(r.p50)}, p99 ${fmt(r.p99)}, ${r.failed} failed`);
    }

    heading('Store operations, Postgres vs SQLite (1,000 each, after 100 warm-up)');
    const pgDb = await createTestDatabase('rolecall_bench');
    dbs.push(pgDb);
    const pg = await PgStore.open({ url: pgDb.url });
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-store-'));
    const sqlite = SqliteStore.open(join(dir, 'bench.db'));
    const pgFigures = await storeOps('pg', pg, 1000);
    const sqliteFigures = await storeOps('sqlite', sqlite, 1000);
    for (const op of Object.keys(pgFigures)) {
      const p = pgFigures[op]!;
      const s = sqliteFigures[op]!;
      row(op, `postgres p50 ${p.p50.toFixed(2)} / p99 ${p.p99.toFixed(2)} ms; sqlite p50 ${s.p50.toFixed(3)} / p99 ${s.p99.toFixed(3)} ms`);
    }
    await pg.close();
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });

    heading('Spotlight fan-out, 1,000 channels across three replicas (fake Discord enforces 50 requests/s)');
    for (const viaProxy of [false, true]) {
      const db = await createTestDatabase('rolecall_bench');
      dbs.push(db);
      const f = await spotlightFanOut(db.url, viaProxy);
      row(
        viaProxy ? 'through one @discordjs/proxy' : 'each replica straight to Discord',
        `${f.postsPerSecond.toFixed(1)} posts/s, ${f.rateLimited} of ${f.requests} requests 429, ${f.duplicates} duplicates, ${f.missing} missing`,
      );
    }
  } finally {
    await fake.stop();
    for (const db of dbs) await db.drop().catch(() => undefined);
    teardown?.();
  }
}
