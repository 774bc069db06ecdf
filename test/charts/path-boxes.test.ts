import { describe, expect, it } from 'vitest';
import { boxLines } from '../../src/charts/vega-spec.js';
import { renderChartSvg } from '../../src/charts/index.js';
import { FIXTURES } from './fixtures.js';

describe('path map boxes', () => {
  it('wrap a long name onto up to three lines', () => {
    expect(boxLines('Prompt Engineer / AI Interaction Specialist')).toEqual(['Prompt Engineer /', 'AI Interaction', 'Specialist']);
    expect(boxLines('AI Engineer')).toEqual(['AI Engineer']);
    expect(boxLines('a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z', 5).length).toBe(3);
  });

  it('show every role name whole in the SVG', async () => {
    const svg = await renderChartSvg(FIXTURES['path-three-moves']!);
    // The box lines (tspans) are never clipped; a long move label may be.
    expect(svg).not.toMatch(/<tspan[^>]*>[^<]*…/);
    expect(svg).toContain('>Prompt Engineer /<');
  });
});
