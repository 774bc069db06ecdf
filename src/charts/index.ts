import { chartFileName } from '../views/chart.js';
import type { ChartSpec } from '../views/chart-spec.js';
import type { ShareCard } from '../views/share-card.js';

/**
 * Draws a View's chart. The renderer (vega, vega-lite, resvg and the font) is imported on the
 * first chart only, so start-up time and memory stay as they were for answers without one.
 */
export interface RenderedChart {
  /** "salary-ai-engineer.png": safe for Discord's attachment:// and Slack's filename. */
  fileName: string;
  png: Buffer;
  svg: string;
  /** The chart's numbers in words, for alt text. */
  alt: string;
}

/** Draws a chart: `renderChart` in the app, a stand-in in tests that exercise failures. */
export type ChartRenderer = (chart: ChartSpec) => Promise<RenderedChart>;

type Renderer = typeof import('./render.js');
let renderer: Promise<Renderer> | undefined;

function load(): Promise<Renderer> {
  renderer ??= import('./render.js').catch((err: unknown) => {
    renderer = undefined; // a failed load is retried on the next chart rather than cached
    throw err;
  });
  return renderer;
}

/** True once the renderer has been loaded (for the bench and tests of the lazy load). */
export function rendererLoaded(): boolean {
  return renderer !== undefined;
}

export async function renderChartSvg(chart: ChartSpec): Promise<string> {
  return (await load()).chartToSvg(chart);
}

export async function renderChart(chart: ChartSpec): Promise<RenderedChart> {
  const r = await load();
  const svg = await r.chartToSvg(chart);
  return { fileName: chartFileName(chart, 'png'), png: await r.svgToPng(svg), svg, alt: chart.alt };
}

/** A link preview's picture: a 1200×630 PNG of the card, drawn at its own size. */
export async function renderShareCard(card: ShareCard): Promise<Buffer> {
  const r = await load();
  return r.svgToPng(await r.shareCardToSvg(card), 1);
}
