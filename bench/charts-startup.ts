// One fresh process's start-up, for the charts bench: load the data and the platform modules
// and answer /compare, then (with "chart") draw its chart. Prints one JSON line.
import { Dispatcher } from '../src/app/dispatch.js';
import { createCore } from '../src/core/index.js';
import { rendererLoaded, renderChart } from '../src/charts/index.js';

await import('../src/platforms/discord/client.js');
await import('../src/platforms/slack/app.js');
const core = createCore();
const { view } = await new Dispatcher(core).runText('compare', 'AI Engineer vs ML Engineer', { platform: 'cli' });
const startupMs = performance.now();
global.gc?.();
const startupRss = process.memoryUsage().rss;
const loadedAtStart = rendererLoaded();
let chartMs: number | undefined;
if (process.argv[2] === 'chart' && view.chart) {
  const t = performance.now();
  await renderChart(view.chart);
  chartMs = performance.now() - t;
}
global.gc?.();
console.log(JSON.stringify({ startupMs, startupRss, loadedAtStart, chartMs, rss: process.memoryUsage().rss }));
