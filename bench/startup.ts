// Start-up: the CLI's wall time against a bare `node -e 0`, the service from spawn to /healthz 200
// against the fakes, with Discord over the gateway and over HTTP interactions (as replicas run
// it), each with Slack and alone (an HTTP-only replica loads no discord.js), its RSS when ready and after 1,000 interactions, and batch
// mode for 10,000 titles. It measures the built bundle (dist/app), as `npm start` and
// `npx rolecall` run it, so it builds first. With a Node 24 binary (ROLECALL_BENCH_NODE24, or the
// one .ci/run unpacks into .ci-cache/node24) the CLI and the service are also timed on Node 24,
// the Docker runtime, where Node's compile cache is on.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS, EXTERNAL } from '../scripts/bundle-options.js';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { forkFakeDiscord } from '../test/fakes/discord/remote.js';
import { FakeSlackApi } from '../test/fakes/slack/index.js';
import { heading, row, summarize } from './stats.js';
// The bundle (dist/app) is what these start; the tests' global set-up builds it the same way.
import buildBundle from '../test/setup/build.js';
import { PRODUCTION_NODE_FLAGS } from './flags.js';

const RUNS = 15;

function wallMs(node: string, args: string[], input?: string): number {
  const started = performance.now();
  const res = spawnSync(node, args, { input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'] });
  if (res.status !== 0 && res.status !== 1) throw new Error(`${args.join(' ')} exited ${res.status ?? res.signal}`);
  return performance.now() - started;
}

function timeRuns(node: string, args: string[], input?: string, runs = RUNS): { p50: number; min: number } {
  wallMs(node, args, input); // warm the file cache (and Node 24's compile cache)
  const samples = Array.from({ length: runs }, () => wallMs(node, args, input));
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

async function serviceReady(node: string, env: NodeJS.ProcessEnv, port: number): Promise<{ ms: number; pid: number; stop: () => Promise<void> }> {
  const started = performance.now();
  const child = spawn(node, [...PRODUCTION_NODE_FLAGS, 'dist/app/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
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

/** A Node 24 binary to time beside this one, if there is one. */
function node24(): string | undefined {
  const path = process.env.ROLECALL_BENCH_NODE24 || '.ci-cache/node24/bin/node';
  return existsSync(path) ? path : undefined;
}

const version = (node: string) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

type Fakes = { discord: Awaited<ReturnType<typeof forkFakeDiscord>>; slack: FakeSlackApi; dir: string };

/** What a timed start configures: Discord over the gateway or over HTTP interactions, with or without Slack. */
interface Mode {
  discordOverHttp: boolean;
  slack: boolean;
}

const MODES: readonly Mode[] = [
  { discordOverHttp: false, slack: true },
  { discordOverHttp: true, slack: true },
  { discordOverHttp: false, slack: false },
  { discordOverHttp: true, slack: false },
];

const modeName = (m: Mode) => `Discord ${m.discordOverHttp ? 'HTTP' : 'gateway'}${m.slack ? ' + Slack' : ' only'}`;

function serviceEnv(fakes: Fakes, port: number, db: string, { discordOverHttp, slack }: Mode): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    ROLECALL_DB: join(fakes.dir, db),
    SPOTLIGHT_ENABLED: 'true',
    DISCORD_TOKEN: fakes.discord.token,
    DISCORD_APPLICATION_ID: fakes.discord.applicationId,
    DISCORD_API_URL: fakes.discord.apiUrl,
    ...(discordOverHttp ? { DISCORD_PUBLIC_KEY: fakes.discord.publicKeyHex } : {}),
    ...(slack ? { SLACK_BOT_TOKEN: 'xoxb-bench-startup', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: fakes.slack.url } : {}),
  };
}

/** Median spawn → /healthz 200 over 7 starts (the first, which warms caches, not counted); the last one is left running. */
async function readyTimes(node: string, fakes: Fakes, mode: Mode) {
  const samples: number[] = [];
  let last: Awaited<ReturnType<typeof serviceReady>> | undefined;
  for (let i = 0; i < 8; i++) {
    await last?.stop();
    const port = await freePort();
    const db = `bench-${mode.discordOverHttp ? 'http' : 'gw'}-${mode.slack ? 'slack' : 'alone'}-${i}.db`;
    last = await serviceReady(node, serviceEnv(fakes, port, db, mode), port);
    if (i > 0) samples.push(last.ms);
  }
  return { p50: summarize(samples).p50, min: Math.min(...samples), running: last! };
}

/**
 * A floor under the service's start: node loading these packages and nothing else, bundled as
 * dist/app is. discord.js and Bolt (with the Web API client) are what both platforms need; an
 * HTTP-only Discord replica needs only @discordjs/rest and discord-api-types.
 */
async function sdkFloor(dir: string, name: string, imports: readonly string[]): Promise<string> {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    ...BUNDLE_OPTIONS,
    stdin: { contents: imports.map((i) => `import '${i}';`).join(' '), resolveDir: process.cwd(), loader: 'js' },
    outfile,
    external: EXTERNAL,
  });
  return outfile;
}

async function timeService(node: string, label: string, fakes: Fakes, bareMs: number): Promise<void> {
  for (const mode of MODES) {
    const ready = await readyTimes(node, fakes, mode);
    await ready.running.stop();
    row(
      `${label}: spawn → /healthz 200, ${modeName(mode)}`,
      `p50 ${ready.p50.toFixed(0)} ms (min ${ready.min.toFixed(0)}) = ${(ready.p50 / bareMs).toFixed(1)}× bare node ${bareMs.toFixed(0)} ms (target < 600 ms)`,
    );
  }
}

export async function benchStartup(): Promise<void> {
  buildBundle();
  const node = process.execPath;
  const other = node24();

  heading(`Start-up (the built bundle, median of ${RUNS} runs; each beside its baseline from this run)`);
  const bare = timeRuns(node, ['-e', '0']);
  const cli = timeRuns(node, ['dist/app/cli.js', 'role', 'AI Engineer']);
  row(`bare node -e 0 (baseline, ${process.version})`, `${bare.p50.toFixed(0)} ms (min ${bare.min.toFixed(0)})`);
  row('rolecall role "AI Engineer"', `${cli.p50.toFixed(0)} ms (min ${cli.min.toFixed(0)}) = ${(cli.p50 / bare.p50).toFixed(2)}× bare node (target < 2.5×)`);

  const titles = ['AI Engineer', 'ml eng', 'Prompt Engineer', 'rag engineer', 'Sr. Data Scientist', 'Staff Software Engineer, ML Platform', 'banana'];
  const input = `${Array.from({ length: 10_000 }, (_, i) => titles[i % titles.length]).join('\n')}\n`;
  const batch = timeRuns(node, ['dist/app/cli.js', 'role', '--exit-zero'], input, 7);
  row(
    'batch: 10,000 titles, process included',
    `${batch.p50.toFixed(0)} ms (min ${batch.min.toFixed(0)}); bare node ${bare.p50.toFixed(0)} ms (target < 500 ms)`,
  );

  const fakes: Fakes = { discord: await forkFakeDiscord(), slack: await FakeSlackApi.start(), dir: mkdtempSync(join(tmpdir(), 'rolecall-bench-startup-')) };
  try {
    const floors = {
      both: await sdkFloor(fakes.dir, 'sdks', ['discord.js', '@slack/bolt', '@slack/web-api']),
      rest: await sdkFloor(fakes.dir, 'rest', ['@discordjs/rest', 'discord-api-types/v10']),
    };
    const floor = timeRuns(node, [floors.both]);
    row('baseline: node importing discord.js + Bolt', `${floor.p50.toFixed(0)} ms (min ${floor.min.toFixed(0)}), bundled as dist/app is; no RoleCall code`);
    const restFloor = timeRuns(node, [floors.rest]);
    row(
      'baseline: node importing @discordjs/rest + discord-api-types',
      `${restFloor.p50.toFixed(0)} ms (min ${restFloor.min.toFixed(0)}), what an HTTP-only replica's Discord needs`,
    );
    await timeService(node, 'service', fakes, bare.p50);

    // Memory: Discord over the gateway (the fake drives interactions through it) and Slack.
    const { running } = await readyTimes(node, fakes, MODES[0]!);
    await sleep(500);
    const readyRss = rssOf(running.pid);
    await fakes.discord.roundTrips('role', ['AI Engineer', 'ml eng', 'rag', 'prompt engineer', 'mlops'], 1000, 0);
    await sleep(500);
    row('service RSS', `${readyRss} MB ready (target < 90), ${rssOf(running.pid)} MB after 1,000 interactions (target < 100)`);
    await running.stop();

    if (other) {
      const bare24 = timeRuns(other, ['-e', '0']);
      const cli24 = timeRuns(other, ['dist/app/cli.js', 'role', 'AI Engineer']);
      row(`bare node -e 0 (baseline, ${version(other)})`, `${bare24.p50.toFixed(0)} ms (min ${bare24.min.toFixed(0)})`);
      row(
        'Node 24: rolecall role "AI Engineer"',
        `${cli24.p50.toFixed(0)} ms (min ${cli24.min.toFixed(0)}) = ${(cli24.p50 / bare24.p50).toFixed(2)}× bare node`,
      );
      const floor24 = timeRuns(other, [floors.both]);
      row('Node 24 baseline: discord.js + Bolt', `${floor24.p50.toFixed(0)} ms (min ${floor24.min.toFixed(0)})`);
      await timeService(other, 'Node 24 service', fakes, bare24.p50);
    } else row('Node 24', 'not measured: set ROLECALL_BENCH_NODE24 to a Node 24 binary, or run .ci/run once');
  } finally {
    await fakes.discord.stop();
    await fakes.slack.close();
    rmSync(fakes.dir, { recursive: true, force: true });
  }
}
