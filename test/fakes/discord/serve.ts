// Child-process entry of forkFakeDiscord() (remote.ts): runs a FakeDiscord and answers IPC requests.
import { FakeDiscord } from './index.js';
import type { RecordedRequest } from './rest.js';
import type { Deliveries, ServeReply, ServeRequest } from './remote.js';

const send = (reply: ServeReply) => process.send?.(reply);
const fake = new FakeDiscord({ maxRecords: 200 });
const { apiUrl } = await fake.start();

// Counted from the request events, since the recorded list is capped for long runs.
let counts = { requests: 0, rateLimited: 0 };
fake.rest.on('request', (r: RecordedRequest) => {
  counts.requests++;
  if (r.status === 429) counts.rateLimited++;
});
let watched: string[] = [];
const created = new Map<string, number[]>();

function deliveries(): Deliveries {
  const perChannel: Record<string, number> = {};
  let firstAt: number | null = null;
  let lastAt: number | null = null;
  for (const id of watched) {
    const messages = fake.rest.messages.get(id) ?? [];
    perChannel[id] = messages.length;
    for (const at of created.get(id) ?? []) {
      firstAt = firstAt === null ? at : Math.min(firstAt, at);
      lastAt = lastAt === null ? at : Math.max(lastAt, at);
    }
  }
  return { perChannel, ...counts, firstAt, lastAt };
}

process.on('message', (request: ServeRequest) => {
  if (request.type === 'stop') {
    void fake.stop().finally(() => process.exit(0));
    return;
  }
  if (request.type === 'channels') {
    watched = Array.from({ length: request.count }, (_, i) => fake.addChannel(`spotlight-${i}`));
    fake.setGlobalRateLimit(request.globalRateLimit);
    counts = { requests: 0, rateLimited: 0 };
    created.clear();
    const watching = new Set(watched);
    fake.rest.on('request', (r: RecordedRequest) => {
      const channel = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(r.path)?.[1];
      if (r.method === 'POST' && r.status === 200 && channel && watching.has(channel))
        created.set(channel, [...(created.get(channel) ?? []), performance.now()]);
    });
    send({ type: 'channels', id: request.id, ids: watched });
    return;
  }
  if (request.type === 'deliveries') {
    send({ type: 'deliveries', id: request.id, deliveries: deliveries() });
    return;
  }
  const { id, kind, values, runs, warmup } = request;
  const make = (i: number) => {
    const value = values[i % values.length] ?? '';
    if (kind === 'compare') {
      const [a, b] = value.split('|');
      return fake.interaction.chatInput('compare', { role_a: a ?? '', role_b: b ?? '' });
    }
    return kind === 'role' ? fake.interaction.chatInput('role', { name: value }) : fake.interaction.autocomplete('role', { name: 'name', value });
  };
  /** Milliseconds to the answer itself: past a deferral, to the edit that carries it. */
  const answered = async (i: number) => {
    const interaction = make(i);
    const cb = await fake.roundTrip(interaction);
    if (cb.type !== 5) return cb.latencyMs;
    const edit = await fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path.includes(`/${interaction.token}/messages/@original`) && r.status === 200,
      30_000,
    );
    return edit.at - (cb.request.at - cb.latencyMs);
  };
  void (async () => {
    for (let i = 0; i < warmup; i++) await answered(i);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await answered(i));
    send({ type: 'latencies', id, samples });
  })().catch((error: unknown) => send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) }));
});

// The parent going away must not leave this process behind.
process.on('disconnect', () => void fake.stop().finally(() => process.exit(0)));
send({ type: 'started', apiUrl, token: fake.token, applicationId: fake.applicationId, guildId: fake.guildId, publicKeyHex: fake.signer.publicKeyHex });
