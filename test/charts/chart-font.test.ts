import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FILE, chartToSvg, FONT_FILE, svgToPng } from '../../src/charts/render.js';
import { FONT_FAMILY } from '../../src/charts/vega-spec.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { testCore } from '../helpers/core.js';

const chars = new Set(readFileSync('assets/fonts/DejaVuSans-charts.chars.txt', 'utf8'));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('the cut chart font', () => {
  it('covers every character of the data, so no chart of it falls back to the whole font', () => {
    const missing = new Set<string>();
    for (const file of filesUnder('data').filter((f) => /\.(ya?ml|json)$/.test(f))) {
      for (const c of readFileSync(file, 'utf8')) if (c >= ' ' && !chars.has(c)) missing.add(c);
    }
    // A new character: regenerate the font as assets/fonts/README.md says.
    expect([...missing]).toEqual([]);
  });

  it('draws exactly the picture the whole font draws', async () => {
    const d = new Dispatcher(testCore());
    const chart = (await d.runText('compare', 'AI Engineer vs ML Engineer vs AI Solutions Architect', { platform: 'cli' })).view.chart!;
    const svg = await chartToSvg(chart);
    const draw = (file: string) =>
      new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [file], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY } }).render().asPng();
    expect(Buffer.compare(draw(CHART_FONT_FILE), draw(FONT_FILE))).toBe(0);
  });

  it('text with a character outside the cut font is drawn with the whole font, not as empty boxes', async () => {
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="28" font-family="${FONT_FAMILY}" font-size="20">${text}</text></svg>`;
    // Ж is in DejaVu Sans but not in the cut: the two drawings differ from an empty one.
    const blank = await svgToPng(svg(''));
    const cyrillic = await svgToPng(svg('Ж'));
    expect(chars.has('Ж')).toBe(false);
    expect(Buffer.compare(cyrillic, blank)).not.toBe(0);
  });
});
