/**
 * The spotlight's own overhead, without any platform: how long the minute tick takes to find
 * due subscriptions among 1,000, and how fast claim → send → mark runs against SQLite with an
 * instant in-process poster. Run: npx tsx bench/spotlight-rotation.ts
 * (The fan-out bench against the fake Discord server belongs to phase two.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/index.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { SpotlightService } from '../src/spotlight/service.js';
import type { SpotlightPoster } from '../src/spotlight/poster.js';

const CHANNELS = 1000;
const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
const MONDAY = new Date('2026-04-06T23:00:00Z'); // after every zone's Monday 15:00

const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-'));
const store = SqliteStore.open(join(dir, 'bench.db'));
const core = createCore();
let posted = 0;
const instant = (platform: 'discord' | 'slack'): SpotlightPoster => ({
  platform,
  post: async () => ({ ok: true, messageId: String(++posted) }),
});
const service = new SpotlightService({ store, core, posters: [instant('discord'), instant('slack')], concurrency: 8 });

for (let i = 0; i < CHANNELS; i++) {
  const platform = i % 2 ? 'slack' : 'discord';
  await store.spotlight.subscriptions.upsert(
    {
      platform,
      workspaceId: 'w',
      channelId: `c${i}`,
      dayOfWeek: 1,
      localTime: '15:00',
      timezone: ZONES[i % ZONES.length]!,
      filter: {},
      createdBy: 'bench',
      rotationSeed: i,
    },
    MONDAY,
  );
}

async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

await time('tick, nothing due (first, cold)', () => service.runOnce(new Date('2026-04-05T00:30:00Z')));
await time('tick, nothing due (warm)', () => service.runOnce(new Date('2026-04-05T00:31:00Z')));
const fanOut = performance.now();
const summary = await time(`fan-out, ${CHANNELS} channels`, () => service.runOnce(MONDAY));
const seconds = (performance.now() - fanOut) / 1000;
console.log(`  posted ${summary.posted}, ${(summary.posted / seconds).toFixed(0)} claim→send→mark per second`);
await time('tick, all already sent', () => service.runOnce(MONDAY));
await time('preview (rotation + view) x1000', async () => {
  for (let i = 0; i < CHANNELS; i++) await service.preview({ platform: i % 2 ? 'slack' : 'discord', workspaceId: 'w', channelId: `c${i}` });
});

await store.close();
rmSync(dir, { recursive: true, force: true });
