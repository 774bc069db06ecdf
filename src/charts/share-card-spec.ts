import type { TopLevelSpec } from 'vega-lite';
import { bandText } from '../views/chart.js';
import type { PathChart, RangeChart } from '../views/chart-spec.js';
import { LEVEL_LABEL, MARKET_LABEL } from '../views/format.js';
import type { ShareCard } from '../views/share-card.js';
import { clip } from '../views/text/clip.js';
import { FONT_FAMILY, twoLines } from './vega-spec.js';

/**
 * ShareCard → a vega-lite spec of exactly 1200×630 (the size link previews use). Every mark is
 * placed in pixels (`scale: null`, no autosize), so the picture's layout never depends on its
 * text. Text is wrapped and clipped here by an estimate of DejaVu Sans' widths (about 0.6 em a
 * character), since a text mark's `limit` uses vega's far wider guess and would cut too early.
 */

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

const LEFT = 72;
const RIGHT = SHARE_CARD_WIDTH - 72;
const INK = '#1f2328';
const MUTED = '#57606a';
const ACCENT = '#1d3557';
const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#b279a2'];
const EM = 0.6;

interface TextDatum {
  x: number;
  y: number;
  text: string | string[];
  size: number;
  color: string;
  align: 'left' | 'center';
}

interface RectDatum {
  x: number;
  x2: number;
  y: number;
  y2: number;
  color: string;
}

/** Greedy word wrap into at most `lines` lines of `perLine` characters; the last line ends in "…" when cut. */
export function wrapLines(text: string, perLine: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) {
      line = next;
      continue;
    }
    if (out.length === lines - 1) {
      out.push(clip(`${line} ${words.slice(i).join(' ')}`, perLine, { atWord: true }));
      return out;
    }
    out.push(clip(line, perLine));
    line = word;
  }
  if (line) out.push(clip(line, perLine, { atWord: true }));
  return out;
}

const perLine = (width: number, size: number) => Math.floor(width / (size * EM));

/** vega-lite has no font-size or alignment channel: one text layer per style. */
function textLayers(texts: TextDatum[]) {
  const px = (field: string) => ({ field, type: 'quantitative' as const, scale: null });
  const groups = new Map<string, TextDatum[]>();
  for (const t of texts) {
    const key = `${t.size}|${t.color}|${t.align}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((values) => {
    const { size, color, align } = values[0]!;
    return {
      data: { values: values.map(({ x, y, text }) => ({ x, y, text })) },
      mark: { type: 'text' as const, baseline: 'alphabetic' as const, fontSize: size, color, align, lineHeight: Math.round(size * 1.2) },
      encoding: { x: px('x'), y: px('y'), text: { field: 'text' } },
    };
  });
}

function rectLayer(values: RectDatum[], cornerRadius = 0, stroke?: string) {
  const px = (field: string) => ({ field, type: 'quantitative' as const, scale: null });
  return {
    data: { values },
    mark: { type: 'rect' as const, cornerRadius, ...(stroke ? { stroke, strokeWidth: 2 } : {}) },
    encoding: { x: px('x'), x2: { field: 'x2' }, y: px('y'), y2: { field: 'y2' }, color: { field: 'color', type: 'nominal' as const, scale: null } },
  };
}

/** The chart's band of the card: y from `top` to `bottom`. */
interface Area {
  top: number;
  bottom: number;
}

/** One market's bars by level; more than six bars (three or four roles) keep the mid level only, one bar a role. */
function rangeLayers(chart: RangeChart, area: Area) {
  const panel = chart.panels[0];
  if (!panel) return [];
  const multi = chart.roles.length > 1;
  const rows = panel.rows.length > 6 ? panel.rows.filter((r) => r.level === 'mid') : panel.rows;
  const labelWidth = multi ? 360 : 120;
  const size = rows.length > 4 ? 20 : 24;
  const label = (r: (typeof rows)[number]) =>
    clip(
      multi && rows.length === panel.rows.length ? `${r.role} ${LEVEL_LABEL[r.level].toLowerCase()}` : multi ? r.role : LEVEL_LABEL[r.level],
      perLine(labelWidth - 16, size),
    );
  const caption = `${MARKET_LABEL[panel.market]} ${rows.length < panel.rows.length ? 'mid-level pay' : 'pay by level'}`;
  const texts: TextDatum[] = [{ x: LEFT, y: area.top + 14, text: caption, size: 20, color: MUTED, align: 'left' }];
  const rowsTop = area.top + 30;
  const pitch = Math.min(56, (area.bottom - rowsTop) / rows.length);
  const barStart = LEFT + labelWidth;
  // Room after the longest bar for its figure ("$195K–$350K+").
  const barEnd = RIGHT - 250;
  const top = Math.max(1, ...rows.map((r) => (r.band ? (r.band.max ?? r.band.min) : 0)));
  const at = (v: number) => barStart + (v / top) * (barEnd - barStart);
  const bars: RectDatum[] = [];
  rows.forEach((r, i) => {
    const mid = rowsTop + pitch * i + pitch / 2;
    const color = PALETTE[chart.roles.indexOf(r.role)] ?? PALETTE[0]!;
    texts.push({ x: LEFT, y: mid + size * 0.35, text: label(r), size, color: INK, align: 'left' });
    if (!r.band) {
      texts.push({ x: barStart, y: mid + size * 0.35, text: 'no figure', size, color: MUTED, align: 'left' });
      return;
    }
    const x = at(r.band.min);
    const x2 = Math.max(at(r.band.max ?? r.band.min), x + 6);
    bars.push({ x, x2, y: mid - pitch * 0.3, y2: mid + pitch * 0.3, color });
    texts.push({ x: x2 + 14, y: mid + size * 0.35, text: bandText(panel.market, r.band), size, color: INK, align: 'left' });
  });
  return [rectLayer(bars, 4), ...textLayers(texts)];
}

/** The route left to right: a box per role, an arrow per move. */
function pathLayers(chart: PathChart, area: Area) {
  const n = Math.max(1, chart.roles.length);
  const gap = 56;
  const width = Math.min(260, (RIGHT - LEFT - (n - 1) * gap) / n);
  const boxes: RectDatum[] = [];
  const arrows: RectDatum[] = [];
  const texts: TextDatum[] = [];
  const size = width > 200 ? 24 : 20;
  const mid = (area.top + area.bottom) / 2;
  chart.roles.forEach((role, i) => {
    const x = LEFT + i * (width + gap);
    const ends = i === 0 || i === n - 1;
    boxes.push({ x, x2: x + width, y: mid - 60, y2: mid + 60, color: ends ? '#dbe7f3' : '#f4f6f8' });
    const lines = twoLines(role, perLine(width - 24, size)).map((l) => clip(l, perLine(width - 24, size)));
    texts.push({ x: x + width / 2, y: mid + size * 0.35 - (lines.length - 1) * size * 0.6, text: lines, size, color: INK, align: 'center' });
    if (i < n - 1) arrows.push({ x: x + width + 8, x2: x + width + gap - 8, y: mid - 2, y2: mid + 2, color: MUTED });
  });
  const heads = arrows.map((a) => ({ x: a.x2, y: mid }));
  const px = (field: string) => ({ field, type: 'quantitative' as const, scale: null });
  return [
    rectLayer(boxes, 10, '#4c78a8'),
    rectLayer(arrows),
    {
      data: { values: heads },
      mark: { type: 'point' as const, shape: 'triangle-right', filled: true, size: 260, color: MUTED, opacity: 1 },
      encoding: { x: px('x'), y: px('y') },
    },
    ...textLayers(texts),
  ];
}

export function shareCardSpec(card: ShareCard): TopLevelSpec {
  const titleSize = card.title.length <= 26 ? 68 : card.title.length <= 44 ? 54 : 44;
  const title = wrapLines(card.title, perLine(RIGHT - LEFT, titleSize), 2);
  const titleTop = 96 + titleSize;
  const titleBottom = titleTop + (title.length - 1) * titleSize * 1.2;
  const subtitle = wrapLines(card.subtitle, perLine(RIGHT - LEFT, 28), card.chart ? 2 : 4);
  const subtitleTop = titleBottom + 54;
  let y = subtitleTop + (subtitle.length - 1) * 28 * 1.2;
  const texts: TextDatum[] = [
    { x: LEFT, y: 86, text: clip(card.eyebrow.toUpperCase(), 60), size: 24, color: ACCENT, align: 'left' },
    { x: LEFT, y: titleTop, text: title, size: titleSize, color: INK, align: 'left' },
    { x: LEFT, y: subtitleTop, text: subtitle, size: 28, color: MUTED, align: 'left' },
    { x: LEFT, y: 596, text: clip(card.footer, perLine(RIGHT - LEFT, 20)), size: 20, color: MUTED, align: 'left' },
  ];
  if (card.facts.length) {
    y += 64;
    const facts = card.facts.slice(0, 3);
    const slot = (RIGHT - LEFT) / facts.length;
    facts.forEach((fact, i) => texts.push({ x: LEFT + i * slot, y, text: clip(fact, perLine(slot - 24, 36)), size: 36, color: ACCENT, align: 'left' }));
  }
  const area = { top: y + 28, bottom: 556 };
  const chart = card.chart && area.bottom - area.top >= 80 ? card.chart : undefined;
  const chartLayers = !chart ? [] : chart.kind === 'path-map' ? pathLayers(chart, area) : rangeLayers(chart, area);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: card.alt,
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    autosize: { type: 'none' },
    padding: 0,
    config: { font: FONT_FAMILY, background: '#ffffff', view: { stroke: null } },
    layer: [rectLayer([{ x: 0, x2: 16, y: 0, y2: SHARE_CARD_HEIGHT, color: ACCENT }]), ...chartLayers, ...textLayers(texts)],
  } as TopLevelSpec;
}
