import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SpotlightService } from '../../src/spotlight/service.js';
import { countBy, FakeClock, tempStore, testCore } from './helpers.js';
import { bundleFixture } from '../helpers/bundle-fixture.js';

const core = testCore();
const CHILD = fileURLToPath(new URL('./fixtures/spotlight-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MONDAY = '2026-04-06T15:00:00.000Z';
/** The child, bundled: plain node starts it in a fraction of tsx's time. */
let childScript: string;
beforeAll(async () => {
  childScript = await bundleFixture(CHILD);
});

interface Child {
  ready: Promise<void>;
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
    summary?: { due: number; posted: number; skipped: number; failed: number; recovered: number };
  }>;
}

/** Runs the child fixture as a real, separate Node process. */
function child(args: Record<string, string>): Child {
  const proc = spawn(process.execPath, [childScript, JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready\n')) markReady();
  });
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<Awaited<Child['done']>>((resolve) =>
    proc.on('close', (code, signal) => {
      markReady();
      const last = out.trim().split('\n').at(-1);
      resolve({ code, signal, stderr: err, ...(last?.startsWith('{') ? { summary: JSON.parse(last) } : {}) });
    }),
  );
  return { ready, done };
}

function logLines(path: string): Array<{ platform: string; channelId: string; claimId: string; messageId: string; pid: number }> {
  return existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
}

describe('several processes sharing one database file', () => {
  let t: ReturnType<typeof tempStore>;
  let log: string;
  beforeEach(() => {
    t = tempStore();
    log = join(t.dir, 'posts.log');
  });
  afterEach(() => t.cleanup());

  async function subscribe(n: number) {
    // Subscribed the week before, so MONDAY's slot counts.
    const service = new SpotlightService({ store: t.store, core, clock: new FakeClock('2026-04-01T00:00:00Z', false) });
    for (let i = 0; i < n; i++) {
      const platform = i % 2 ? 'slack' : 'discord';
      const res = await service.subscribe({ channel: { platform, workspaceId: 'w', channelId: `ch${i}` }, createdBy: 'u' });
      expect(res.ok).toBe(true);
    }
  }

  // Four Node processes start here; on a loaded machine that alone can pass the default 30 s.
  it('three racing runOnce processes post exactly one spotlight per channel-week', { timeout: 90_000 }, async () => {
    await subscribe(60);
    const go = join(t.dir, 'go');
    const racers = [1, 2, 3].map(() => child({ db: t.path, log, at: MONDAY, now: MONDAY, mode: 'race', go }));
    await Promise.all(racers.map((r) => r.ready));
    writeFileSync(go, '');
    const results = await Promise.all(racers.map((r) => r.done));
    const lines = logLines(log);
    expect(lines).toHaveLength(60);
    expect([...countBy(lines, (l) => l.channelId).values()].every((n) => n === 1)).toBe(true);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const summaries = results.map((r) => r.summary!);
    expect(summaries.reduce((n, s) => n + s.posted, 0)).toBe(60);
    expect(summaries.every((s) => s.due === 60 && s.failed === 0 && s.posted + s.skipped === 60)).toBe(true);
    const claims = t.store.db.prepare("SELECT count(*) AS n FROM spotlight_claims WHERE state = 'sent'").get() as { n: number };
    expect(claims.n).toBe(60);
    // A fourth run for the same week posts nothing.
    const again = await child({ db: t.path, log, at: MONDAY, now: MONDAY, mode: 'race' }).done;
    expect(again.summary).toMatchObject({ posted: 0, skipped: 60 });
    expect(logLines(log)).toHaveLength(60);
  });

  it('Discord: killed right after the platform accepted; the restart retries with the same nonce, no duplicate', async () => {
    await subscribe(1); // ch0 on discord
    const crashed = await child({ db: t.path, log, at: MONDAY, now: MONDAY, mode: 'crash-after-accept' }).done;
    expect(crashed.signal).toBe('SIGKILL');
    expect(logLines(log)).toHaveLength(1);
    const later = '2026-04-06T15:05:00.000Z'; // after the 2-minute lease
    const restart = await child({ db: t.path, log, at: later, now: later, mode: 'race' }).done;
    expect(restart.summary).toMatchObject({ posted: 1, recovered: 1 });
    const lines = logLines(log);
    expect(lines).toHaveLength(1);
    const claim = await t.store.spotlight.claims.get(1, '2026-W15');
    expect(claim).toMatchObject({ state: 'sent', recoveries: 1, id: lines[0]!.claimId, messageId: lines[0]!.messageId });
  });

  it('killed before the platform accepted: the restart posts it once; a third start does nothing', async () => {
    await subscribe(2); // ch0 discord, ch1 slack
    const crashed = await child({ db: t.path, log, at: MONDAY, now: MONDAY, mode: 'crash-before-accept' }).done;
    expect(crashed.signal).toBe('SIGKILL');
    expect(logLines(log)).toHaveLength(0);
    const later = '2026-04-06T15:05:00.000Z';
    const restart = await child({ db: t.path, log, at: later, now: later, mode: 'race' }).done;
    expect(restart.summary?.posted).toBe(2);
    const third = await child({ db: t.path, log, at: later, now: later, mode: 'race' }).done;
    expect(third.summary).toMatchObject({ posted: 0, skipped: 2 });
    expect(
      logLines(log)
        .map((l) => l.channelId)
        .sort(),
    ).toEqual(['ch0', 'ch1']);
  });
});
