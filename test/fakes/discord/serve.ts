// Child-process entry of forkFakeDiscord() (remote.ts): runs a FakeDiscord and answers IPC requests.
import { FakeDiscord } from './index.js';
import type { ServeReply, ServeRequest } from './remote.js';

const send = (reply: ServeReply) => process.send?.(reply);
const fake = new FakeDiscord({ maxRecords: 200 });
const { apiUrl } = await fake.start();

process.on('message', (request: ServeRequest) => {
  if (request.type === 'stop') {
    void fake.stop().finally(() => process.exit(0));
    return;
  }
  const { id, kind, values, runs, warmup } = request;
  const make = (i: number) => {
    const value = values[i % values.length] ?? '';
    return kind === 'role' ? fake.interaction.chatInput('role', { name: value }) : fake.interaction.autocomplete('role', { name: 'name', value });
  };
  void (async () => {
    for (let i = 0; i < warmup; i++) await fake.roundTrip(make(i));
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push((await fake.roundTrip(make(i))).latencyMs);
    send({ type: 'latencies', id, samples });
  })().catch((error: unknown) => send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) }));
});

// The parent going away must not leave this process behind.
process.on('disconnect', () => void fake.stop().finally(() => process.exit(0)));
send({ type: 'started', apiUrl, token: fake.token, applicationId: fake.applicationId });
