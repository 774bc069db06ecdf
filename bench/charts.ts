// Charts: render time (the first chart in a process, then p50/p95 after warm-up), PNG size,
// start-up time and RSS with and without a chart drawn (fresh processes), and the end-to-end
// /compare latency on Discord with its chart attached, beside /role (no chart) from the same run.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { Dispatcher } from '../src/app/dispatch.js';
import { renderAsync } from '@resvg/resvg-js';
import { renderChart } from '../src/charts/index.js';
import { CHART_FONT_FILE, chartToSvg, FONT_FILE, PNG_SCALE } from '../src/charts/render.js';
import { FONT_FAMILY } from '../src/charts/vega-spec.js';
import { parseEnv } from '../src/config/env.js';
import { createCore } from '../src/core/index.js';
import { silentLogger } from '../src/observability/logger.js';
import { Metrics } from '../src/observability/metrics.js';
import { startDiscord } from '../src/platforms/discord/client.js';
import type { ChartSpec } from '../src/views/chart-spec.js';
import { forkFakeDiscord } from '../test/fakes/discord/remote.js';
import { heading, percentile, row, summarize } from './stats.js';

const WARMUP = 20;
const RUNS = 100;
const STARTS = 5;
const E2E_RUNS = 100;
const PAIRS = [
  'AI Engineer|ML Engineer',
  'RAG Engineer|LLM Engineer',
  'AI Product Manager|AI Solutions Architect',
  'MLOps Engineer|AI Infrastructure Engineer',
];

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;

interface Start {
  startupMs: number;
  startupRss: number;
  loadedAtStart: boolean;
  chartMs?: number;
  rss: number;
}

function freshStart(mode: 'none' | 'chart'): Start {
  const res = spawnSync(process.execPath, [...process.execArgv, 'bench/charts-startup.ts', mode], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`start-up child failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as Start;
}

async function charts(): Promise<Record<string, ChartSpec>> {
  const d = new Dispatcher(createCore());
  const chart = async (name: string, text: string) => (await d.runText(name, text, { platform: 'cli' })).view.chart!;
  return {
    '/salary (both markets)': await chart('salary', 'AI Engineer'),
    '/compare (4 roles, both markets)': await chart('compare', 'AI Engineer vs ML Engineer vs Generative AI Engineer vs AI Solutions Architect'),
    '/path (2 moves)': await chart('path', 'Prompt Engineer to AI Solutions Architect'),
  };
}

export async function benchCharts(): Promise<void> {
  // Wall times below stretch with the machine's load; print it so the figures can be read.
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${os.cpus().length} CPU(s)`,
  );
  heading(`Charts: start-up in a fresh process (median of ${STARTS})`);
  const none = Array.from({ length: STARTS }, () => freshStart('none'));
  const drawn = Array.from({ length: STARTS }, () => freshStart('chart'));
  const med = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  row(
    'start-up, answers without a chart',
    `${ms(med(none.map((s) => s.startupMs)))}   RSS ${mb(med(none.map((s) => s.rss)))}   renderer loaded: ${none.some((s) => s.loadedAtStart) ? 'yes' : 'no'}`,
  );
  row('start-up, then one chart drawn', `${ms(med(drawn.map((s) => s.startupMs)))}   RSS ${mb(med(drawn.map((s) => s.rss)))} after the chart`);
  row('first chart in a process (loads vega + resvg)', ms(med(drawn.map((s) => s.chartMs ?? NaN))));

  const specs = await charts();
  heading(`Charts: render after warm-up (${WARMUP} warm-up, ${RUNS} timed each; SVG + PNG)`);
  for (const [label, spec] of Object.entries(specs)) {
    for (let i = 0; i < WARMUP; i++) await renderChart(spec);
    const samples: number[] = [];
    let size = 0;
    const cpu = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      size = (await renderChart(spec)).png.length;
      samples.push(performance.now() - t);
    }
    // CPU time (all threads) per chart: on a shared, busy machine it says more than wall time.
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / RUNS;
    const sorted = [...samples].sort((a, b) => a - b);
    row(label, `p50 ${ms(percentile(sorted, 50))}   p95 ${ms(percentile(sorted, 95))}   CPU ${ms(cpuMs)}/chart   PNG ${(size / 1024).toFixed(1)} KB`);
  }
  row('targets: p95 < 100 ms, PNG < 100 KB', 'see above');

  // The PNG step alone, with the cut chart font (what svgToPng uses) beside the whole font, interleaved.
  heading(`Charts: SVG → PNG of the 4-role /compare, the cut font beside the whole one (${RUNS} each, interleaved)`);
  const svg = await chartToSvg(specs['/compare (4 roles, both markets)']!);
  const font = (file: string) => ({ loadSystemFonts: false, fontFiles: [file], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY });
  const draw = async (file: string) => (await renderAsync(svg, { font: font(file), fitTo: { mode: 'zoom', value: PNG_SCALE }, background: '#ffffff' })).asPng();
  const times: Record<'cut' | 'whole', number[]> = { cut: [], whole: [] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [kind, file] of [
      ['cut', CHART_FONT_FILE],
      ['whole', FONT_FILE],
    ] as const) {
      const t = performance.now();
      await draw(file);
      if (i >= WARMUP) times[kind].push(performance.now() - t);
    }
  }
  for (const kind of ['whole', 'cut'] as const) {
    const sorted = [...times[kind]].sort((a, b) => a - b);
    row(
      kind === 'cut' ? 'cut font (31 KB), what charts use' : 'whole font (740 KB), baseline',
      `p50 ${ms(percentile(sorted, 50))}   p95 ${ms(percentile(sorted, 95))}`,
    );
  }

  heading(`Charts: Discord end to end, INTERACTION_CREATE → answer with its chart (${E2E_RUNS} each)`);
  const fake = await forkFakeDiscord();
  const env = parseEnv({ NODE_ENV: 'production', DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
  const core = createCore();
  const runtime = await startDiscord({ env, dispatcher: new Dispatcher(core), logger: silentLogger(), metrics: new Metrics() });
  try {
    const role = summarize(
      await fake.roundTrips(
        'role',
        core.kb.roles.map((r) => r.name),
        E2E_RUNS,
        20,
      ),
    );
    const compare = [...(await fake.roundTrips('compare', PAIRS, E2E_RUNS, 10))].sort((a, b) => a - b);
    row('/role (no chart), baseline', `p50 ${ms(role.p50)}   p99 ${ms(role.p99)}`);
    row('/compare with its PNG attached', `p50 ${ms(percentile(compare, 50))}   p95 ${ms(percentile(compare, 95))}   p99 ${ms(percentile(compare, 99))}`);
  } finally {
    await runtime.stop();
    await fake.stop();
  }
}
