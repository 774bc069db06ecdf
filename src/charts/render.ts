import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { parse, View as VegaView } from 'vega';
import { compile } from 'vega-lite';
import { packageRoot } from '../core/paths.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from '../views/chart-spec.js';
import type { ShareCard } from '../views/share-card.js';
import { FONT_FAMILY, toVegaLite } from './vega-spec.js';
import { shareCardSpec } from './share-card-spec.js';

/**
 * The heavy half of the charts: vega-lite → vega → SVG, then resvg → PNG. Only `./index.ts`
 * imports this, lazily, so answers without a chart never load vega or resvg.
 */

/** The font shipped in the package; system fonts are off so every host draws the same picture. */
export const FONT_FILE = join(packageRoot(), 'assets', 'fonts', 'DejaVuSans.ttf');
/**
 * The same font cut to the characters the data and the views use (31 KB against 740 KB, made
 * with fonttools' pyftsubset; see assets/fonts/README.md). resvg loads its fonts on every
 * drawing, and the whole face was a third of a chart's time; the pictures are byte for byte the
 * same. A drawing with any other character uses the whole font.
 */
export const CHART_FONT_FILE = join(packageRoot(), 'assets', 'fonts', 'DejaVuSans-charts.ttf');
let chartFontChars: ReadonlySet<string> | undefined;
const coveredByChartFont = (svg: string): boolean => {
  chartFontChars ??= new Set(readFileSync(join(packageRoot(), 'assets', 'fonts', 'DejaVuSans-charts.chars.txt'), 'utf8'));
  for (const c of svg) if (!chartFontChars.has(c) && c !== '\n' && c !== '\t' && c !== '\r') return false;
  return true;
};
/** PNGs are drawn at 1.5 times the SVG's size, for sharp text on high-density screens. */
export const PNG_SCALE = 1.5;

export function chartToSvg(chart: ChartSpec): Promise<string> {
  return specToSvg(toVegaLite(chart));
}

/** A link preview's picture (og:image), exactly 1200×630: see share-card-spec.ts. */
export function shareCardToSvg(card: ShareCard): Promise<string> {
  return specToSvg(shareCardSpec(card));
}

async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const vega = compile(spec).spec;
  // renderer 'none': nothing draws to a canvas; toSVG builds the markup from the scenegraph.
  const view = new VegaView(parse(vega), { renderer: 'none', logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Rasterises on libuv's thread pool (resvg's renderAsync): font loading, drawing and PNG
 * encoding are most of a chart's cost, and off the event loop they never hold up other answers.
 */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [coveredByChartFont(svg) ? CHART_FONT_FILE : FONT_FILE],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return image.asPng();
}
