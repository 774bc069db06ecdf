import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { chartBars, chartFileName } from '../../src/views/chart.js';
import { testCore } from '../helpers/core.js';
import { FIXTURES } from './fixtures.js';

const dispatcher = new Dispatcher(testCore());
const view = async (name: string, text: string) => (await dispatcher.runText(name, text, { platform: 'cli' })).view;

describe('charts in the View', () => {
  it('/salary carries range bars for the markets it shows, with the numbers in the alt text', async () => {
    const both = await view('salary', 'AI Engineer');
    expect(both.chart).toMatchObject({ kind: 'salary-range', roles: ['AI Engineer'] });
    expect(both.chart?.kind === 'salary-range' && both.chart.panels.map((p) => p.market)).toEqual(['us', 'india']);
    expect(both.chart?.alt).toContain('senior $195K–$350K+');
    expect(both.chart?.alt).toContain('senior ₹35–60+ LPA');
    // The text answer is unchanged beside the chart.
    expect(both.table?.rows[0]).toEqual(['US', '$100K–$140K', '$140K–$211K', '$195K–$350K+']);
    const india = await view('salary', 'AI Engineer india');
    expect(india.chart?.kind === 'salary-range' && india.chart.panels.map((p) => p.market)).toEqual(['india']);
  });

  it('/compare charts every role by level in both markets; /path maps the route left to right', async () => {
    const cmp = await view('compare', 'AI Engineer vs ML Engineer vs RAG Engineer');
    expect(cmp.chart).toMatchObject({ kind: 'compare-range', roles: ['AI Engineer', 'ML Engineer', 'RAG Engineer'] });
    expect(cmp.chart?.kind === 'compare-range' && cmp.chart.panels.map((p) => [p.market, p.rows.length])).toEqual([
      ['us', 9],
      ['india', 9],
    ]);
    expect(cmp.chart?.alt).toContain('ML Engineer mid $149K–$200K');
    const path = await view('path', 'Prompt Engineer to AI Solutions Architect');
    expect(path.chart).toMatchObject({ kind: 'path-map', moves: [{ from: 0 }, { from: 1 }] });
    expect(path.chart?.roles.at(-1)).toBe('AI Solutions Architect');
    expect(path.chart?.alt).toMatch(/2 moves.*AI Engineer to AI Solutions Architect/);
  });

  it('answers without figures carry no chart', async () => {
    expect((await view('path', 'AI Engineer')).chart).toBeUndefined();
    expect((await view('salary', 'Data Engineer')).chart).toBeUndefined();
    expect((await view('role', 'AI Engineer')).chart).toBeUndefined();
  });

  it('file names are short and safe for attachment:// references', () => {
    for (const chart of Object.values(FIXTURES)) expect(chartFileName(chart, 'png')).toMatch(/^[a-z]+-[a-z0-9-]{1,60}\.png$/);
  });

  it('text bars: one line per level, open tops and single figures marked, figures beside', () => {
    const lines = chartBars(FIXTURES['salary-edge-cases']!);
    expect(lines[0]).toBe('US ($K per year)');
    expect(lines.find((l) => l.includes('$115K'))).toMatch(/Entry\s+·/);
    expect(lines.find((l) => l.includes('$200K–$350K+'))).toMatch(/█+▸/);
    expect(lines.find((l) => l.includes('no figure'))).toMatch(/^ {2}Entry\s+no figure$/);
    expect(lines).toContain('India (₹ lakh per annum)');
  });
});
