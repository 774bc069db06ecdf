// Spotlight: one week's fan-out to 1,000 Discord channels, through discord.js's REST client and
// the real SpotlightService on SQLite, against the fake Discord in a child process that enforces
// Discord's documented global limit (50 requests/s, 429 beyond it). It reports what the fake saw:
// posts per second, 429s, duplicates and missing posts. Once as production runs (paced at 45/s
// on our side), once with the pacing off (the REST queue alone), for comparison.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { createCore, type Core } from '../src/core/index.js';
import { DISCORD_SPOTLIGHT_PER_SECOND, DiscordSpotlightPoster } from '../src/platforms/discord/spotlight-poster.js';
import { systemClock } from '../src/spotlight/clock.js';
import { SpotlightService } from '../src/spotlight/service.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { forkFakeDiscord, type RemoteFakeDiscord } from '../test/fakes/discord/remote.js';
import { heading, row } from './stats.js';

const CHANNELS = 1000;
const GLOBAL_LIMIT = 50;
const MONDAY = new Date('2026-04-06T15:00:00Z');

interface Figures {
  posted: number;
  failed: number;
  seconds: number;
  postsPerSecond: number;
  requests: number;
  rateLimited: number;
  duplicates: number;
  missing: number;
  secondRunPosted: number;
}

async function fanOut(fake: RemoteFakeDiscord, core: Core, maxPerSecond: number | null): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-spotlight-'));
  const store = SqliteStore.open(join(dir, 'bench.db'));
  const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  // The week of MONDAY, running at real speed from its slot: a run acts only on its current week.
  const started = Date.now();
  const clock = { now: () => new Date(MONDAY.getTime() + (Date.now() - started)), sleep: systemClock.sleep };
  const service = new SpotlightService({ store, core, clock, posters: [new DiscordSpotlightPoster(rest, { maxPerSecond })], concurrency: 8 });
  try {
    const ids = await fake.channels(CHANNELS, GLOBAL_LIMIT);
    for (const [i, channelId] of ids.entries()) {
      await store.spotlight.subscriptions.upsert(
        {
          platform: 'discord',
          workspaceId: fake.guildId,
          channelId,
          dayOfWeek: 1,
          localTime: '15:00',
          timezone: 'UTC',
          filter: {},
          createdBy: 'bench',
          rotationSeed: i + 1,
        },
        MONDAY,
      );
    }
    const summary = await service.runOnce();
    const again = await service.runOnce();
    const d = await fake.deliveries();
    const counts = Object.values(d.perChannel);
    // Timed where Discord would time it: first to last message the fake created.
    const seconds = d.firstAt !== null && d.lastAt !== null ? (d.lastAt - d.firstAt) / 1000 : NaN;
    return {
      posted: summary.posted,
      failed: summary.failed,
      seconds,
      postsPerSecond: (counts.reduce((a, b) => a + b, 0) - 1) / seconds,
      requests: d.requests,
      rateLimited: d.rateLimited,
      duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      missing: counts.filter((n) => n === 0).length,
      secondRunPosted: again.posted,
    };
  } finally {
    await service.stop();
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(label: string, f: Figures): boolean {
  const pct = (100 * f.rateLimited) / f.requests;
  row(`${label}: posts/s`, `${f.postsPerSecond.toFixed(1)} (${f.posted} posted in ${f.seconds.toFixed(1)} s, ${f.failed} failed)`);
  row(`${label}: 429s received`, `${f.rateLimited} of ${f.requests} requests (${pct.toFixed(2)}%)`);
  row(`${label}: duplicates / missing`, `${f.duplicates} / ${f.missing}`);
  row(`${label}: 2nd run, same week`, `${f.secondRunPosted} posted`);
  return f.postsPerSecond >= 40 && pct <= 1 && f.duplicates === 0 && f.missing === 0 && f.failed === 0 && f.secondRunPosted === 0;
}

export async function benchSpotlight(): Promise<void> {
  const fake = await forkFakeDiscord();
  const core = createCore();
  try {
    heading(`Spotlight: one week's fan-out to ${CHANNELS} Discord channels (fake Discord, global limit ${GLOBAL_LIMIT}/s, 429 beyond)`);
    const paced = report(`paced ${DISCORD_SPOTLIGHT_PER_SECOND}/s`, await fanOut(fake, core, DISCORD_SPOTLIGHT_PER_SECOND));
    report('REST queue only', await fanOut(fake, core, null));
    row('targets: ≥ 40 posts/s, ≤ 1% 429s, 0 dup, 0 missing', paced ? 'met (paced)' : 'NOT met (paced)');
  } finally {
    await fake.stop();
  }
}

// Run directly: npx tsx bench/spotlight.ts
if (process.argv[1] && /[\\/]bench[\\/]spotlight\.ts$/.test(process.argv[1])) {
  await benchSpotlight();
  process.exit(0);
}
