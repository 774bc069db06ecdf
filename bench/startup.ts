// Start-up: the CLI's wall time against a bare `node -e 0`, the service from spawn to /healthz 200
// with Discord and Slack configured against the fakes, its RSS when ready and after 1,000
// interactions, and batch mode for 10,000 titles. It measures the built package (dist/), as
// `npm start` and `npx rolecall` run it, so it builds first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { forkFakeDiscord } from '../test/fakes/discord/remote.js';
import { FakeSlackApi } from '../test/fakes/slack/index.js';
import { heading, row, summarize } from './stats.js';
import { PRODUCTION_NODE_FLAGS } from './flags.js';

const RUNS = 15;

function wallMs(args: string[], input?: string): number {
  const started = performance.now();
  const res = spawnSync(process.execPath, args, { input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'] });
  if (res.status !== 0 && res.status !== 1) throw new Error(`${args.join(' ')} exited ${res.status ?? res.signal}`);
  return performance.now() - started;
}

function timeRuns(args: string[], input?: string, runs = RUNS): { p50: number; min: number } {
  wallMs(args, input); // warm the file cache
  const samples = Array.from({ length: runs }, () => wallMs(args, input));
  return { p50: summarize(samples).p50, min: Math.min(...samples) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 102.4) / 10;
}

async function serviceReady(env: NodeJS.ProcessEnv, port: number): Promise<{ ms: number; pid: number; stop: () => Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, 'dist/app/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await sleep(5);
  }
  const ms = performance.now() - started;
  return {
    ms,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function benchStartup(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('npm run build failed');

  heading(`Start-up (built package, median of ${RUNS} runs; each beside its baseline from this run)`);
  const bare = timeRuns(['-e', '0']);
  const cli = timeRuns(['dist/app/cli.js', 'role', 'AI Engineer']);
  row('bare node -e 0 (baseline)', `${bare.p50.toFixed(0)} ms (min ${bare.min.toFixed(0)})`);
  row('rolecall role "AI Engineer"', `${cli.p50.toFixed(0)} ms (min ${cli.min.toFixed(0)}) = ${(cli.p50 / bare.p50).toFixed(2)}× bare node (target < 2.5×)`);

  const titles = ['AI Engineer', 'ml eng', 'Prompt Engineer', 'rag engineer', 'Sr. Data Scientist', 'Staff Software Engineer, ML Platform', 'banana'];
  const input = `${Array.from({ length: 10_000 }, (_, i) => titles[i % titles.length]).join('\n')}\n`;
  const batch = timeRuns(['dist/app/cli.js', 'role', '--exit-zero'], input, 7);
  row(
    'batch: 10,000 titles, process included',
    `${batch.p50.toFixed(0)} ms (min ${batch.min.toFixed(0)}); bare node ${bare.p50.toFixed(0)} ms (target < 500 ms)`,
  );

  const discord = await forkFakeDiscord();
  const slack = await FakeSlackApi.start();
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-startup-'));
  try {
    const samples: number[] = [];
    let last: Awaited<ReturnType<typeof serviceReady>> | undefined;
    for (let i = 0; i < 7; i++) {
      await last?.stop();
      const port = await freePort();
      const env = {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        ROLECALL_DB: join(dir, `bench-${i}.db`),
        SPOTLIGHT_ENABLED: 'true',
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_URL: discord.apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-bench-startup',
        SLACK_SIGNING_SECRET: 'bench-signing-secret',
        SLACK_API_URL: slack.url,
      };
      last = await serviceReady(env, port);
      samples.push(last.ms);
    }
    const ready = summarize(samples.slice(1));
    row('service: spawn → /healthz 200 (both platforms)', `p50 ${ready.p50.toFixed(0)} ms (bare node ${bare.p50.toFixed(0)} ms; target < 600 ms)`);
    await sleep(500);
    const readyRss = rssOf(last!.pid);
    await discord.roundTrips('role', ['AI Engineer', 'ml eng', 'rag', 'prompt engineer', 'mlops'], 1000, 0);
    await sleep(500);
    row('service RSS', `${readyRss} MB ready (target < 90), ${rssOf(last!.pid)} MB after 1,000 interactions (target < 100)`);
    await last!.stop();
  } finally {
    await discord.stop();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
