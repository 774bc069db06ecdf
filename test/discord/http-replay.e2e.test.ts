import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { parseEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { type DiscordHttpRuntime, startDiscordHttp } from '../../src/platforms/discord/http-interactions.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import type { EventLog, Store } from '../../src/store/store.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { testCore } from '../helpers/core.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { LogCapture } from './harness.js';

// Two replicas on one Postgres database, as behind a load balancer: a signed interaction
// replayed to either one is refused, because the ids they have answered are in the shared store.
let fake: FakeDiscord;
let db: TestDatabase;
const replicas: Array<{ store: PgStore; runtime: DiscordHttpRuntime; server: Server; url: string }> = [];
const logs = new LogCapture();

async function replica(store: Store): Promise<(typeof replicas)[number]> {
  const env = parseEnv({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_PUBLIC_KEY: fake.signer.publicKeyHex,
  });
  const dispatcher = new Dispatcher(testCore(), commands);
  const runtime = startDiscordHttp({ env, dispatcher, store, logger: createLogger({ level: 'debug', destination: logs }), metrics: new Metrics() });
  const server = createServer(runtime.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { store: store as PgStore, runtime, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions` };
}

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  db = await createTestDatabase('rolecall_replay');
  for (let i = 0; i < 2; i++) replicas.push(await replica(await PgStore.open({ url: db.url, max: 2 })));
});

afterAll(async () => {
  for (const r of replicas) {
    await r.runtime.stop();
    await new Promise<void>((resolve) => r.server.close(() => resolve()));
    await r.store.close();
  }
  await fake?.stop();
  await db?.drop();
});

describe('a replayed signed interaction', () => {
  it('is answered once: the same body again, to the same replica or the other, gets 409 and nothing reaches Discord', async () => {
    const [a, b] = replicas as [(typeof replicas)[number], (typeof replicas)[number]];
    const interaction = fake.interaction.chatInput('role', { name: 'AI Engineer' });
    const first = await fake.signer.post(a.url, interaction);
    expect(first.status).toBe(200);
    expect((first.body as { type: number }).type).toBe(4);
    const before = fake.requests.length;
    for (const target of [a, b, a, b, a]) {
      const again = await fake.signer.post(target.url, interaction);
      expect(again).toMatchObject({ status: 409, body: { error: 'interaction already received' } });
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests.slice(before)).toEqual([]);
    expect(logs.lines.filter((l) => l.msg === 'discord interaction refused: already received')).toHaveLength(5);
  });

  it('a new interaction is still answered by either replica', async () => {
    for (const r of replicas) {
      const res = await fake.signer.post(r.url, fake.interaction.chatInput('help'));
      expect(res.status).toBe(200);
    }
  });

  it('a store that does not answer never costs the answer: the check gives up within its budget', async () => {
    const stalled: EventLog = { firstSeen: () => new Promise(() => undefined), prune: async () => 0 };
    const store = { ...replicas[0]!.store, events: stalled } as unknown as Store;
    const r = await replica(store);
    try {
      const started = Date.now();
      const res = await fake.signer.post(r.url, fake.interaction.chatInput('role', { name: 'ML Engineer' }));
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_500);
      await logs.waitFor((l) => l.msg === 'interaction replay check skipped: the store did not answer in time');
    } finally {
      await r.runtime.stop();
      await new Promise<void>((resolve) => r.server.close(() => resolve()));
    }
  });

  it.each([
    ['null', null],
    ['type 0', { type: 0, id: '1234567890123456789', token: 't' }],
    ['type -1', { type: -1, id: '1234567890123456790', token: 't' }],
    ['type 6', { type: 6, id: '1234567890123456791', token: 't' }],
    ['type 99', { type: 99, id: '1234567890123456792', token: 't' }],
    ['type "2"', { type: '2', id: '1234567890123456793', token: 't' }],
  ])('an odd signed body (%s) gets 400 at once', async (_name, body) => {
    const started = Date.now();
    const res = await fake.signer.post(replicas[0]!.url, body as never);
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
