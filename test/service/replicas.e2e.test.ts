import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { FakeDiscord } from '../fakes/discord/index.js';
import { FakeSlackApi, ResponseUrlReceiver, SlackSender } from '../fakes/slack/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import { LoadBalancer } from './load-balancer.js';
import { startReplica, type Replica } from './replica.js';

/**
 * Scale-out, end to end: real `npm start` processes on one Postgres database, behind a loopback
 * load balancer, answering the fake Discord over signed HTTP interactions and the fake Slack.
 */
const SIGNING_SECRET = 'replicas-test-signing-secret';
const BOT_TOKEN = 'xoxb-replicas-test';
const CHANNELS = 1_000;

let db: TestDatabase;
let discord: FakeDiscord;
let slackApi: FakeSlackApi;
let responses: ResponseUrlReceiver;
const running: Replica[] = [];

function replicaEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    LOG_LEVEL: 'info',
    ROLECALL_DB: db.url,
    ROLECALL_DB_POOL_SIZE: '4',
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_PUBLIC_KEY: discord.signer.publicKeyHex,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.url,
    ...extra,
  };
}

async function startReplicas(n: number, extra: Record<string, string> = {}): Promise<{ replicas: Replica[]; ports: number[] }> {
  const replicas = Array.from({ length: n }, () => startReplica(replicaEnv(extra)));
  running.push(...replicas);
  const ports = await Promise.all(replicas.map((r) => r.port));
  // A balancer sends a replica traffic once its readiness check passes, not when it starts listening.
  for (const port of ports) {
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status, { timeout: 20_000, interval: 50 })
      .toBe(200);
  }
  return { replicas, ports };
}

async function stopAll(replicas: Replica[]): Promise<void> {
  for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
  await Promise.all(replicas.map((r) => r.exited));
}

beforeAll(async () => {
  db = await createTestDatabase('rolecall_replicas');
  discord = new FakeDiscord({ maxRecords: 20_000 });
  await discord.start();
  slackApi = await FakeSlackApi.start({ token: BOT_TOKEN });
  responses = await ResponseUrlReceiver.start();
});

afterAll(async () => {
  await stopAll(running);
  await discord?.stop();
  await slackApi?.close();
  await responses?.close();
  await db?.drop();
});

describe('three replicas on one Postgres database', () => {
  it('survive a SIGKILL of one mid-load and mid-fan-out: live ones answer within 3 s, every channel gets its spotlight once', async () => {
    // The week's subscriptions exist before the replicas start, so each one's start-up catch-up
    // fans out at once, while the interaction load runs against the same replicas.
    const channelIds = await subscribeChannels(CHANNELS);
    const { replicas, ports } = await startReplicas(3, { SPOTLIGHT_ENABLED: 'true', SPOTLIGHT_CONCURRENCY: '8' });
    const victim = replicas[0]!;
    const lb = new LoadBalancer(ports);
    const base = await lb.start();
    const sender = new SlackSender({
      baseUrl: base,
      signingSecret: SIGNING_SECRET,
      workspace: { teamId: slackApi.teamId, botUserId: slackApi.botUserId },
      responses,
    });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const slackAcks: Array<{ status: number; responseId: string; sentAt: number; ackMs: number }> = [];
      const roles = ['AI Engineer', 'ML Engineer', 'RAG Engineer', 'MLOps Engineer', 'Prompt Engineer'];
      let n = 0;
      let killedAt: number | undefined;
      const AFTER_KILL = 80;
      // Mixed load: role cards, comparisons and autocomplete over Discord HTTP interactions, /role on Slack.
      const worker = async () => {
        while (killedAt === undefined || n < killedAt + AFTER_KILL) {
          const i = n++;
          if (killedAt === undefined && postsSent() >= 150) {
            killedAt = i;
            victim.child.kill('SIGKILL');
          }
          const role = roles[i % roles.length]!;
          if (i % 4 === 3) {
            const sentAt = Date.now();
            const ack = await sender.command('/role', role).catch(() => ({ status: 0, responseId: '' }));
            slackAcks.push({ status: ack.status, responseId: ack.responseId, sentAt, ackMs: Date.now() - sentAt });
            continue;
          }
          const interaction =
            i % 4 === 2
              ? discord.interaction.autocomplete('compare', { name: 'role_a', value: role.slice(0, 5) })
              : i % 4 === 1
                ? discord.interaction.chatInput('compare', { role_a: role, role_b: 'AI Engineer' })
                : discord.interaction.chatInput('role', { name: role });
          // A request cut off on the killed replica fails here; the balancer's log has its fate.
          await discord.sendHttp(`${base}/discord/interactions`, interaction).catch(() => undefined);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      expect(await victim.exited).toBeNull(); // ended by the signal
      expect(killedAt).toBeDefined();

      // Every request the balancer gave to a live replica: answered 200 within 3 s.
      const live = lb.log.filter((r) => r.backend !== 0);
      expect(live.length).toBeGreaterThan(AFTER_KILL);
      const t0 = lb.log[0]?.arrivedAt ?? 0;
      for (const r of live) {
        const what = `${r.path} to replica ${r.backend}, arrived ${(r.arrivedAt - t0).toFixed(0)} ms into the load`;
        expect(r.status, what).toBe(200);
        expect(r.latencyMs, what).toBeLessThan(3_000);
      }
      // Only requests in flight on the killed replica could fail (at most one per worker), and
      // the balancer then routed around it.
      const lost = lb.log.filter((r) => r.status !== 200);
      expect(lost.every((r) => r.backend === 0)).toBe(true);
      expect(lost.length).toBeLessThanOrEqual(8);
      expect(lb.log.slice(-40).every((r) => r.backend !== 0 && r.status === 200)).toBe(true);
      // Slack: each command sent to a live replica was acknowledged within Slack's 3 s, and its
      // answer reached its response_url (which Slack keeps open for 30 minutes; allowed 10 s here).
      const acked = slackAcks.filter((a) => a.status === 200);
      for (const a of acked) expect(a.ackMs).toBeLessThan(3_000);
      let answered = 0;
      for (const a of acked) {
        const got = await responses.waitFor(a.responseId, { timeoutMs: 10_000 }).catch(() => undefined);
        if (!got) continue;
        answered++;
        expect(got[0]!.at - a.sentAt).toBeLessThan(10_000);
      }
      expect(answered).toBeGreaterThanOrEqual(acked.length - 8);
      for (const port of ports.slice(1)) expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      // The spotlight: the survivors finish everything except the victim's in-flight claims.
      const count = async (where: string, args: unknown[] = []) =>
        (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM spotlight_claims WHERE ${where}`, args)).rows[0]!.n;
      const victimOwner = `%:${victim.child.pid}:%`;
      await expect
        .poll(() => count("state = 'sent' OR (state = 'claimed' AND owner LIKE $1)", [victimOwner]), { timeout: 60_000, interval: 250 })
        .toBe(CHANNELS);
      const orphaned = await count("state = 'claimed'");
      expect(orphaned).toBeLessThanOrEqual(8);
      if (orphaned > 0) {
        // The victim's claims wait out their lease (2 min) before anyone may take them over; the
        // test moves that moment to now instead of waiting, and a replacement replica (what an
        // orchestrator starts after a crash) takes them over at its start-up catch-up.
        await client.query("UPDATE spotlight_claims SET lease_until = now() WHERE state = 'claimed'");
        await startReplicas(1, { SPOTLIGHT_ENABLED: 'true' });
        await expect.poll(() => count("state = 'sent'"), { timeout: 30_000, interval: 250 }).toBe(CHANNELS);
      }
      expect(await count("state <> 'sent'")).toBe(0);
      // The fan-out was shared: several replicas claimed parts of the same week (how the parts
      // split depends on when each replica's scheduler started, so only sharing is asserted).
      const owners = (await client.query<{ owner: string; n: number }>('SELECT owner, count(*)::int AS n FROM spotlight_claims GROUP BY owner')).rows;
      expect(owners.length, JSON.stringify(owners)).toBeGreaterThanOrEqual(2);
      expect(owners.filter((o) => !o.owner.includes(`:${victim.child.pid}:`)).length).toBeGreaterThanOrEqual(1);
      // Exactly one message in every channel: no duplicate, none missing.
      const perChannel = channelIds.map((id) => (discord.rest.messages.get(id) ?? []).length);
      expect(perChannel.filter((k) => k === 0)).toHaveLength(0);
      expect(perChannel.filter((k) => k > 1)).toHaveLength(0);
    } finally {
      await client.end();
      await lb.stop();
    }
  }, 240_000);
});

function postsSent(): number {
  return discord.requests.filter((r) => r.method === 'POST' && r.status === 200 && /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path)).length;
}

/** Subscribes `n` new channels of the fake guild, due since 00:00 UTC today. */
async function subscribeChannels(n: number): Promise<string[]> {
  const store = await PgStore.open({ url: db.url, startupTimeoutMs: 5_000, max: 8 });
  const channelIds = Array.from({ length: n }, (_, i) => discord.addChannel(`spotlight-${i}`));
  const today = ((new Date().getUTCDay() + 6) % 7) + 1; // ISO weekday
  try {
    for (let i = 0; i < n; i += 8) {
      await Promise.all(
        channelIds.slice(i, i + 8).map((channelId, j) =>
          store.spotlight.subscriptions.upsert(
            {
              platform: 'discord',
              workspaceId: discord.guildId,
              channelId,
              dayOfWeek: today,
              localTime: '00:00',
              timezone: 'UTC',
              filter: {},
              createdBy: 'test',
              rotationSeed: i + j + 1,
            },
            // Made before today's 00:00 slot: a subscription counts only the slots after it was made.
            new Date(new Date().setUTCHours(0, 0, 0, 0) - 60_000),
          ),
        ),
      );
    }
  } finally {
    await store.close();
  }
  return channelIds;
}
