import type { Config, TopLevelSpec } from 'vega-lite';
import { bandText } from '../views/chart.js';
import type { ChartSpec, PathChart, RangeChart, RangePanel } from '../views/chart-spec.js';
import { LEVEL_LABEL, MARKET_LABEL } from '../views/format.js';

/**
 * ChartSpec → vega-lite spec. Pure data in, pure data out (no vega import), so it is cheap to
 * test and the heavy renderer only loads when a chart is drawn. Every text mark has a `limit`,
 * so long role names are cut with an ellipsis instead of running past the picture.
 */

export const FONT_FAMILY = 'DejaVu Sans';
const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#b279a2'];
const INK = '#1f2328';
const MUTED = '#6e7781';
const PLOT_WIDTH = 440;
/** Bars use this share of the axis; the rest is room for each bar's label. */
const BAR_SHARE = 0.68;
const LABEL_LIMIT = 130;

const CONFIG: Config = {
  font: FONT_FAMILY,
  background: '#ffffff',
  padding: 12,
  view: { stroke: null },
  title: { fontSize: 15, fontWeight: 'normal', color: INK, anchor: 'start', offset: 10 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    labelColor: INK,
    titleColor: MUTED,
    labelLimit: 160,
    gridColor: '#e6e8eb',
    domainColor: '#c4c9cf',
    tickColor: '#c4c9cf',
  },
  legend: { labelFontSize: 11, labelLimit: 240, titleFontSize: 11, symbolType: 'square', orient: 'bottom', direction: 'horizontal', columns: 2 },
  header: { labelFontSize: 12, labelColor: INK, titleFontSize: 12 },
  text: { fontSize: 10, color: INK },
};

const AXIS_LABEL: Record<RangePanel['market'], string> = {
  us: "'$' + datum.value + 'K'",
  india: "'₹' + datum.value",
};
const AXIS_TITLE: Record<RangePanel['market'], string> = { us: 'US, $K per year', india: 'India, ₹ lakh per annum' };

/** A "nice" axis top above `top` that leaves room for the bar labels. */
function axisMax(top: number): number {
  const raw = Math.max(top, 1) / BAR_SHARE;
  const step = 10 ** Math.floor(Math.log10(raw));
  return Math.ceil(raw / (step / 2)) * (step / 2);
}

interface RangeDatum {
  role: string;
  level: string;
  lo: number;
  hi: number;
  /** Where the bar's label starts: past the open-top marker, when there is one. */
  end: number;
  open: boolean;
  single: boolean;
  missing: boolean;
  text: string;
}

function panelData(panel: RangePanel, max: number, multi: boolean): RangeDatum[] {
  const marker = max * 0.045;
  return panel.rows.map((r) => {
    const lo = r.band?.min ?? 0;
    const hi = r.band ? (r.band.max ?? r.band.min) : 0;
    const open = r.band?.plus ?? false;
    return {
      role: r.role,
      level: LEVEL_LABEL[r.level],
      lo,
      hi,
      end: open ? hi + marker : hi,
      open,
      single: r.band !== null && r.band.max === null,
      missing: r.band === null,
      text: r.band || !multi ? bandText(panel.market, r.band) : `${r.role}: no figure`,
    };
  });
}

function rangePanel(chart: RangeChart, panel: RangePanel) {
  const multi = chart.roles.length > 1;
  const top = Math.max(0, ...panel.rows.map((r) => (r.band ? (r.band.max ?? r.band.min) : 0)));
  const max = axisMax(top);
  const values = panelData(panel, max, multi);
  const barSize = multi ? 13 : 26;
  const height = 3 * (chart.roles.length * (barSize + 3) + 14);
  const y = { field: 'level', type: 'nominal' as const, sort: ['Entry', 'Mid', 'Senior'], title: null, axis: { ticks: false, domain: false, labelPadding: 6 } };
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, max], nice: false },
    axis: { title: AXIS_TITLE[panel.market], labelExpr: AXIS_LABEL[panel.market], tickCount: 5, labelFlush: true },
  };
  const yOffset = multi ? { yOffset: { field: 'role', type: 'nominal' as const, sort: chart.roles } } : {};
  const color = {
    color: {
      field: 'role',
      type: 'nominal' as const,
      sort: chart.roles,
      scale: { domain: chart.roles, range: PALETTE.slice(0, chart.roles.length) },
      legend: multi ? { title: null } : null,
    },
  };
  return {
    width: PLOT_WIDTH,
    height,
    data: { values },
    encoding: { y, ...yOffset },
    layer: [
      {
        transform: [{ filter: '!datum.missing && !datum.single' }],
        mark: { type: 'bar', height: barSize, cornerRadius: 2 },
        encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, ...color },
      },
      {
        // A single figure ("$115K") is a mark at that value, not a range.
        transform: [{ filter: 'datum.single' }],
        mark: { type: 'tick', orient: 'vertical', thickness: 4, size: barSize, opacity: 1 },
        encoding: { x: { field: 'lo', ...x }, ...color },
      },
      {
        // An open top ("$350K+") ends in an arrowhead pointing past the figure.
        transform: [{ filter: 'datum.open' }],
        mark: { type: 'point', shape: 'triangle-right', filled: true, size: multi ? 60 : 110, opacity: 1 },
        encoding: { x: { field: 'end', ...x }, ...color },
      },
      {
        transform: [{ filter: '!datum.missing' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, limit: LABEL_LIMIT },
        encoding: { x: { field: 'end', ...x }, text: { field: 'text' } },
      },
      {
        transform: [{ filter: 'datum.missing' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 2, color: MUTED, fontStyle: 'italic', limit: LABEL_LIMIT },
        encoding: { x: { field: 'lo', ...x }, text: { field: 'text' } },
      },
    ],
  };
}

function rangeSpec(chart: RangeChart): TopLevelSpec {
  const panels = chart.panels.map((p) => ({ title: { text: MARKET_LABEL[p.market], fontSize: 12, color: MUTED }, ...rangePanel(chart, p) }));
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: chart.title, limit: PLOT_WIDTH },
    config: CONFIG,
    description: chart.alt,
  };
  if (panels.length === 1) {
    const only = chart.panels[0]!;
    return { ...base, ...rangePanel(chart, only), title: { ...base.title, subtitle: MARKET_LABEL[only.market], subtitleColor: MUTED } } as TopLevelSpec;
  }
  // One x scale per market: $ and ₹ never share an axis.
  return { ...base, vconcat: panels, spacing: 22, resolve: { scale: { x: 'independent' } } } as TopLevelSpec;
}

/** "Generative AI Engineer" → ["Generative AI", "Engineer"]: at most two lines, each clipped by the mark's limit. */
export function twoLines(name: string, perLine = 18): string[] {
  if (name.length <= perLine) return [name];
  const words = name.split(' ');
  let best: [string, string] = [name, ''];
  let bestScore = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ');
    const b = words.slice(i).join(' ');
    const score = Math.max(a.length, b.length);
    if (score < bestScore) [best, bestScore] = [[a, b], score];
  }
  return best[1] ? best : [name];
}

/**
 * A path box's lines: words wrapped at `perLine` characters (what fits the box at 11 px, see NODE),
 * up to three lines, so "Prompt Engineer / AI Interaction Specialist" shows whole.
 */
export function boxLines(name: string, perLine = 17, max = 3): string[] {
  const lines: string[] = [];
  for (const word of name.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && (`${last} ${word}`.length <= perLine || lines.length === max)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

// Wide enough for 17 characters a line by Vega's own text measure (0.8 em a character without a canvas).
const NODE = 168;
const GAP = 96;

function pathSpec(chart: PathChart): TopLevelSpec {
  const n = Math.max(chart.roles.length, 1);
  const width = n * NODE + (n - 1) * GAP;
  const half = NODE / 2;
  const nodes = chart.roles.map((role, i) => {
    const cx = half + i * (NODE + GAP);
    return { i, cx, x: cx - half, x2: cx + half, lines: boxLines(role), first: i === 0, last: i === n - 1 };
  });
  const moves = chart.moves.map((m) => {
    const x = nodes[m.from]!.x2 + 4;
    const x2 = (nodes[m.from + 1]?.x ?? x) - 6;
    return { x, x2, mid: (x + x2) / 2, via: m.via };
  });
  const px = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: [0, width], nice: false, zero: false }, axis: null });
  const py = (value: number) => ({ value });
  const height = 96;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: chart.title, limit: width },
    description: chart.alt,
    config: CONFIG,
    width,
    height,
    layer: [
      {
        data: { values: nodes },
        mark: { type: 'rect', cornerRadius: 6, stroke: '#4c78a8', strokeWidth: 1.5 },
        encoding: {
          x: px('x'),
          x2: { field: 'x2' },
          // Tall enough for three lines of a name; the text sits a little above the middle, as Vega centres a block's first lines.
          y: py(10),
          y2: py(88),
          color: { condition: { test: 'datum.first || datum.last', value: '#dbe7f3' }, value: '#f4f6f8' },
        },
      },
      {
        data: { values: nodes },
        mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 11, limit: NODE - 12, lineHeight: 14 },
        encoding: { x: px('cx'), y: py(42), text: { field: 'lines' } },
      },
      {
        data: { values: moves },
        mark: { type: 'rule', strokeWidth: 2, color: MUTED },
        encoding: { x: px('x'), x2: { field: 'x2' }, y: py(48) },
      },
      {
        data: { values: moves },
        mark: { type: 'point', shape: 'triangle-right', filled: true, size: 70, color: MUTED, opacity: 1 },
        encoding: { x: px('x2'), y: py(48) },
      },
      {
        data: { values: moves },
        mark: { type: 'text', align: 'center', baseline: 'bottom', fontSize: 9, color: MUTED, limit: GAP - 4 },
        encoding: { x: px('mid'), y: py(42), text: { field: 'via' } },
      },
    ],
  } as TopLevelSpec;
}

export function toVegaLite(chart: ChartSpec): TopLevelSpec {
  return chart.kind === 'path-map' ? pathSpec(chart) : rangeSpec(chart);
}
