// Discord front end: end-to-end interaction latency on loopback, from the fake Discord writing
// INTERACTION_CREATE to it receiving the bot's callback, through the real discord.js client.
// The fake runs in a child process, so this process holds only the bot and its RSS is the bot's.
import { Dispatcher } from '../src/app/dispatch.js';
import { parseEnv } from '../src/config/env.js';
import { createCore } from '../src/core/index.js';
import { silentLogger } from '../src/observability/logger.js';
import { Metrics } from '../src/observability/metrics.js';
import { startDiscord } from '../src/platforms/discord/client.js';
import { forkFakeDiscord, type RoundTripKind } from '../test/fakes/discord/remote.js';
import { heading, row, rssMb, summarize } from './stats.js';

const RUNS = 1000;
const WARMUP = 100;
const TYPED = ['ai enginer', 'rag', 'ml eng', 'prompt', 'inference', 'data sci', 'llm', 'computer vision', 'mlops', 'agentic'];

export async function benchDiscord(): Promise<void> {
  const fake = await forkFakeDiscord();
  const env = parseEnv({ NODE_ENV: 'production', DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
  const core = createCore();
  const runtime = await startDiscord({ env, dispatcher: new Dispatcher(core), logger: silentLogger(), metrics: new Metrics() });
  const readyRss = rssMb();

  // One interaction at a time, so each figure is a whole round trip, not queueing behind others.
  const measure = async (label: string, kind: RoundTripKind, values: string[]) => {
    const s = summarize(await fake.roundTrips(kind, values, RUNS, WARMUP));
    row(label, `p50 ${s.p50.toFixed(2)} ms   p99 ${s.p99.toFixed(2)} ms   (n=${s.n})`);
    return s;
  };

  try {
    heading(`Discord: INTERACTION_CREATE sent → callback received (loopback, ${RUNS} each)`);
    const role = await measure(
      '/role <name> (role card)',
      'role',
      core.kb.roles.map((r) => r.name),
    );
    const auto = await measure('autocomplete on /role name', 'autocomplete', TYPED);
    const rss = rssMb();
    row('bot process RSS after them', `${rss} MB (${readyRss} MB when ready, before them)`);
    row('targets: p99 < 20 ms, RSS < 150 MB', role.p99 < 20 && auto.p99 < 20 && rss < 150 ? 'met' : 'NOT met');
  } finally {
    await runtime.stop();
    await fake.stop();
  }
}
