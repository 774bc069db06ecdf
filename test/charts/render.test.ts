import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderChart, renderChartSvg } from '../../src/charts/index.js';
import { FONT_FILE, PNG_SCALE } from '../../src/charts/render.js';
import { FIXTURES } from './fixtures.js';

function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg[^>]* width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  if (!m) throw new Error('no size on the svg');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** The PNG's own header, read independently of the library that wrote it. */
function ihdr(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('chart renderer', () => {
  for (const [name, chart] of Object.entries(FIXTURES)) {
    it(`${name}: the SVG matches its golden file`, async () => {
      const svg = await renderChartSvg(chart);
      await expect(svg).toMatchFileSnapshot(`./golden/${name}.svg`);
    });

    it(`${name}: the PNG decodes at 1.5× the SVG's size and is not blank`, async () => {
      const { png, svg, fileName } = await renderChart(chart);
      expect(fileName).toMatch(/^[a-z]+-[a-z0-9-]+\.png$/);
      const size = svgSize(svg);
      const header = ihdr(png);
      expect(header).toEqual({ width: Math.round(size.width * PNG_SCALE), height: Math.round(size.height * PNG_SCALE) });
      const image = PNG.sync.read(png);
      expect([image.width, image.height]).toEqual([header.width, header.height]);
      const colours = new Set<number>();
      for (let i = 0; i < image.data.length; i += 4 * 7) colours.add(image.data.readUInt32BE(i));
      expect(colours.size).toBeGreaterThan(20);
      expect(png.length).toBeLessThan(100_000);
    });

    it(`${name}: nothing is drawn outside the picture`, async () => {
      const svg = await renderChartSvg(chart);
      const { width, height } = svgSize(svg);
      const resvg = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: 'DejaVu Sans' } });
      const box = resvg.getBBox();
      expect(box).toBeDefined();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    });
  }

  it('long role names are cut with an ellipsis, and every figure is drawn', async () => {
    const svg = await renderChartSvg(FIXTURES['compare-four-long-names']!);
    expect(svg).toContain('…');
    expect(svg).toContain('$190K–$360K');
    expect(svg).toContain('Short: no figure');
    const path = await renderChartSvg(FIXTURES['path-three-moves']!);
    expect(path).toContain('Depth track');
    expect(path).toMatch(/A very long[^<]*…/);
  });

  it('edge cases: a single figure, an open top, a missing level and ₹ beside $', async () => {
    const svg = await renderChartSvg(FIXTURES['salary-edge-cases']!);
    for (const text of ['$115K', '$200K–$350K+', 'no figure', '₹40+ LPA', '₹18–32 LPA', 'US, $K per year', 'India, ₹ lakh per annum']) {
      expect(svg).toContain(text);
    }
  });

  it('uses only the shipped font', async () => {
    const svg = await renderChartSvg(FIXTURES['salary-edge-cases']!);
    const families = new Set([...svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
    expect([...families]).toEqual(['DejaVu Sans']);
  });
});
