import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { renderShareCard } from '../../src/charts/index.js';
import { FONT_FILE, shareCardToSvg } from '../../src/charts/render.js';
import { SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, wrapLines } from '../../src/charts/share-card-spec.js';
import { indexShareCard, roleShareCard, type ShareCard, viewShareCard } from '../../src/views/share-card.js';
import { testCore } from '../helpers/core.js';

const core = testCore();
const dispatcher = new Dispatcher(core);
const viewOf = async (name: string, text: string) => (await dispatcher.runText(name, text, { platform: 'web' })).view;

async function cards(): Promise<Record<string, ShareCard>> {
  return {
    role: roleShareCard(core, core.kb.role('ai-engineer')),
    'role with a long name': roleShareCard(core, core.kb.role('ai-technical-writer-devrel')),
    'compare, four roles': viewShareCard(
      core,
      await viewOf('compare', 'AI Engineer vs ML Engineer vs Generative AI Engineer vs AI Solutions Architect'),
      'Comparison',
    ),
    path: viewShareCard(core, await viewOf('path', 'Prompt Engineer to AI Solutions Architect'), 'Career path'),
    index: indexShareCard(core),
  };
}

describe('share cards (og:image)', () => {
  it('each is a 1200×630 PNG with everything drawn inside it', async () => {
    for (const [name, card] of Object.entries(await cards())) {
      const png = await renderShareCard(card);
      const image = PNG.sync.read(png);
      expect([image.width, image.height], name).toEqual([1200, 630]);
      const colours = new Set<number>();
      for (let i = 0; i < image.data.length; i += 4 * 11) colours.add(image.data.readUInt32BE(i));
      expect(colours.size, name).toBeGreaterThan(20);
      expect(png.length, name).toBeLessThan(150_000);
      const svg = await shareCardToSvg(card);
      expect(svg, name).toMatch(new RegExp(`^<svg[^>]* width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}"`));
      const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: 'DejaVu Sans' } }).getBBox()!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(SHARE_CARD_WIDTH);
      expect(box.y + box.height, name).toBeLessThanOrEqual(SHARE_CARD_HEIGHT);
    }
  });

  it('a role card shows its name, its headline pay and its bars by level', async () => {
    const card = roleShareCard(core, core.kb.role('ai-engineer'));
    expect(card.facts).toEqual(['US $100K–$350K+', 'India mid ₹18–32 LPA']);
    expect(card.chart?.kind).toBe('salary-range');
    const svg = await shareCardToSvg(card);
    for (const text of ['AI Engineer', 'US $100K–$350K+', '$100K–$140K', '$195K–$350K+', 'US pay by level']) expect(svg).toContain(text);
    expect(card.alt).toContain('L5 Orchestration');
  });

  it('a comparison card draws the US panel only, one bar a role at mid level when four roles would crowd it', async () => {
    const card = viewShareCard(core, await viewOf('compare', 'AI Engineer vs ML Engineer vs Generative AI Engineer vs AI Solutions Architect'), 'Comparison');
    expect(card.chart?.kind === 'compare-range' && card.chart.panels.map((p) => p.market)).toEqual(['us']);
    const svg = await shareCardToSvg(card);
    expect(svg).toContain('US mid-level pay');
    expect(svg).not.toContain('₹');
  });

  it('wraps text into the lines it is given and ends a cut line with an ellipsis', () => {
    expect(wrapLines('one two three four', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapLines('short', 20, 2)).toEqual(['short']);
    expect(wrapLines('a b c', 20, 1)).toEqual(['a b c']);
    const long = wrapLines('Supercalifragilisticexpialidocious words', 10, 3);
    expect(long.every((l) => l.length <= 10)).toBe(true);
  });
});
