import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordSpotlightPoster } from '../../src/platforms/discord/spotlight-poster.js';
import { SlackSpotlightPoster, spotlightSlackClient } from '../../src/platforms/slack/spotlight-poster.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { FakeSlackApi } from '../fakes/slack/index.js';
import { testCore } from './helpers.js';
import { bundleFixture } from '../helpers/bundle-fixture.js';

/**
 * kill -9 at random moments in a spotlight fan-out, then an immediate recovering run: every
 * channel must end with exactly one spotlight. Both fakes answer 20–150 ms after the call took
 * effect (Slack was seen answering 150 ms after accepting), which is the window in which a
 * killed run leaves a post made but not marked. The fake Discord forgets nonces at once, so on
 * Discord too only the recovering run's lookup can prevent a duplicate.
 */

const core = testCore();
const VICTIM = fileURLToPath(new URL('./fixtures/chaos-victim.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLACK_TOKEN = 'xoxb-chaos';
// The suite runs 50; ROLECALL_CHAOS_TRIALS sets another count (a longer soak, a quick local check).
const TRIALS = Number(process.env.ROLECALL_CHAOS_TRIALS ?? 50);
/** Trials at once: each victim is a fresh Node process, and starting one is most of a trial's cost. */
const PARALLEL = 4;
/** Channels per trial, all on the trial's platform (even trials Discord, odd ones Slack). */
const CHANNELS = 5;
/**
 * Most kills land at a random moment in this window after the victim's first post reached the
 * fake (mid fan-out, whatever the machine's load); every fifth trial is killed at a random
 * moment after the victim started its run, often before it posted anything.
 */
const KILL_WINDOW_MS = 400;

let discord: FakeDiscord;
let slack: FakeSlackApi;
let rest: REST;
/** The victim, bundled: plain node starts it in a fraction of tsx's time. */
let victimScript: string;
beforeAll(async () => {
  victimScript = await bundleFixture(VICTIM);
  discord = new FakeDiscord({ nonceWindowMs: 0 });
  await discord.start();
  discord.rest.setLatency({ min: 20, max: 150 });
  slack = await FakeSlackApi.start({ token: SLACK_TOKEN, latencyMs: { min: 20, max: 150 } });
  rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
});
afterAll(async () => {
  rest?.clearHashSweeper();
  rest?.clearHandlerSweeper();
  await discord?.stop();
  await slack?.close();
});

interface TrialResult {
  killed: boolean;
  /** Claims the victim left in flight (its posts made or not): what recovery had to settle. */
  leftInFlight: number;
  recovered: number;
  duplicates: string[];
  missing: string[];
  unsent: number;
}

/** Starts the victim; resolves once it is running, with a way to await its end. */
function startVictim(db: string, platform: 'discord' | 'slack'): Promise<{ pid: number; exited: Promise<NodeJS.Signals | null> }> {
  const args =
    platform === 'discord' ? { db, platform, apiUrl: discord.apiUrl, token: discord.token } : { db, platform, apiUrl: slack.url, token: SLACK_TOKEN };
  const proc = spawn(process.execPath, [victimScript, JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve, reject) =>
    proc.on('close', (code, signal) => (signal || code === 0 ? resolve(signal) : reject(new Error(`victim exited ${code}: ${err}`)))),
  );
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('running')) resolve({ pid: proc.pid!, exited });
    });
    exited.then(() => reject(new Error(`victim ended before running: ${err}`)), reject);
  });
}

async function trial(n: number): Promise<TrialResult> {
  const dir = mkdtempSync(join(tmpdir(), `rolecall-chaos-${n}-`));
  const db = join(dir, 'rolecall.db');
  const store = SqliteStore.open(db);
  try {
    const platform = n % 2 === 0 ? 'discord' : 'slack';
    const discordChannels = platform === 'discord' ? Array.from({ length: CHANNELS }, (_, i) => discord.addChannel(`chaos-${n}-${i}`)) : [];
    const slackChannels = platform === 'slack' ? Array.from({ length: CHANNELS }, (_, i) => `C0CHAOS${n}X${i}`) : [];
    // Monday 00:00 UTC, subscribed last week: due now, whatever day the suite runs.
    const since = new Date(Date.now() - 8 * 86_400_000);
    const base = { dayOfWeek: 1, localTime: '00:00', timezone: 'UTC', filter: {}, createdBy: 'chaos' };
    for (const [i, channelId] of discordChannels.entries()) {
      await store.spotlight.subscriptions.upsert({ ...base, platform: 'discord', workspaceId: discord.guildId, channelId, rotationSeed: n * 10 + i }, since);
    }
    for (const [i, channelId] of slackChannels.entries()) {
      await store.spotlight.subscriptions.upsert({ ...base, platform: 'slack', workspaceId: slack.teamId, channelId, rotationSeed: n * 10 + i + 5 }, since);
    }

    const victim = await startVictim(db, platform);
    const posted = () => discordChannels.some((c) => discord.rest.messages.has(c)) || slackChannels.some((c) => slack.messagesIn(c).length > 0);
    if (n % 5 !== 4) while (!posted()) await sleep(2);
    await sleep(Math.random() * KILL_WINDOW_MS);
    // A victim may finish its five posts before the kill lands: that trial is a clean run.
    let killed = false;
    try {
      killed = process.kill(victim.pid, 'SIGKILL');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
    const signal = await victim.exited;
    const leftInFlight = (await store.spotlight.claims.inFlight()).length;

    // The immediate rerun: another process on the same host, long before the 2-minute lease ends.
    const recovering = new SpotlightService({
      store,
      core,
      recoveryGraceMs: 100, // the fakes live in this process: a request on its way lands within this
      posters: [
        new DiscordSpotlightPoster(rest, { maxPerSecond: null }),
        new SlackSpotlightPoster(spotlightSlackClient({ SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_API_URL: slack.url }), { maxPerSecond: null }),
      ],
    });
    const summary = await recovering.runOnce();

    const counts = [
      ...discordChannels.map((c) => [`discord:${c}`, discord.rest.messages.get(c)?.length ?? 0] as const),
      ...slackChannels.map((c) => [`slack:${c}`, slack.messagesIn(c).length] as const),
    ];
    const claims = (await store.spotlight.subscriptions.list()).length;
    const sent = await Promise.all(
      (await store.spotlight.subscriptions.list()).map(async (s) => (await store.spotlight.claims.history(s.id, 1))[0]?.state === 'sent'),
    );
    expect(claims).toBe(CHANNELS);
    return {
      killed: killed && signal === 'SIGKILL',
      leftInFlight,
      recovered: summary.recovered,
      duplicates: counts.filter(([, c]) => c > 1).map(([id]) => id),
      missing: counts.filter(([, c]) => c === 0).map(([id]) => id),
      unsent: sent.filter((s) => !s).length,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('chaos: kill -9 at random moments, then an immediate run --once', () => {
  // Each victim is a fresh Node process that loads the knowledge base (~0.7 s of CPU): about a
  // minute on two idle cores, much longer on a loaded machine, hence the generous timeout.
  it(`${TRIALS} trials across Discord and Slack end with 0 duplicates and 0 missing`, { timeout: 600_000 }, async () => {
    const results: TrialResult[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < TRIALS) results.push(await trial(next++));
      }),
    );
    expect(results).toHaveLength(TRIALS);
    expect(results.flatMap((r) => r.duplicates)).toEqual([]);
    expect(results.flatMap((r) => r.missing)).toEqual([]);
    expect(results.reduce((n, r) => n + r.unsent, 0)).toBe(0);
    // The kills really interrupted fan-outs: most trials left claims in flight for recovery.
    const interrupted = results.filter((r) => r.killed && r.leftInFlight > 0).length;
    expect(interrupted, JSON.stringify(results)).toBeGreaterThanOrEqual(TRIALS / 2);
    expect(results.every((r) => r.recovered >= r.leftInFlight)).toBe(true);
  });
});
