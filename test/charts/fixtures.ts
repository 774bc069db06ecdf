import type { ChartSpec, RangeRow } from '../../src/views/chart-spec.js';

/** Fixed chart inputs for the golden SVGs: independent of the data in data/, so only drawing changes move them. */
const row = (role: string, level: RangeRow['level'], band: RangeRow['band']): RangeRow => ({ role, level, band });

export const FIXTURES: Record<string, ChartSpec> = {
  /** One role, both markets: $ beside ₹, an open top, a single figure and a missing level. */
  'salary-edge-cases': {
    kind: 'salary-range',
    title: 'Example Engineer: pay by level',
    roles: ['Example Engineer'],
    panels: [
      {
        market: 'us',
        rows: [
          row('Example Engineer', 'entry', { min: 115, max: null, plus: false }),
          row('Example Engineer', 'mid', { min: 150, max: 210, plus: false }),
          row('Example Engineer', 'senior', { min: 200, max: 350, plus: true }),
        ],
      },
      {
        market: 'india',
        rows: [
          row('Example Engineer', 'entry', null),
          row('Example Engineer', 'mid', { min: 18, max: 32, plus: false }),
          row('Example Engineer', 'senior', { min: 40, max: null, plus: true }),
        ],
      },
    ],
    alt: 'fixture',
  },
  /** Four roles with long names, one market. */
  'compare-four-long-names': {
    kind: 'compare-range',
    title: 'Pay by level: 4 roles',
    roles: [
      'Principal Machine Learning Infrastructure Engineer',
      'Conversational AI Experience Designer and Researcher',
      'Responsible AI Governance and Policy Lead',
      'Short',
    ],
    panels: [
      {
        market: 'us',
        rows: [
          'Principal Machine Learning Infrastructure Engineer',
          'Conversational AI Experience Designer and Researcher',
          'Responsible AI Governance and Policy Lead',
          'Short',
        ].flatMap((role, i) => [
          row(role, 'entry', i === 3 ? null : { min: 90 + i * 10, max: 130 + i * 10, plus: false }),
          row(role, 'mid', { min: 140 + i * 5, max: 200 + i * 5, plus: false }),
          row(role, 'senior', { min: 190, max: 300 + i * 20, plus: i % 2 === 0 }),
        ]),
      },
    ],
    alt: 'fixture',
  },
  'path-three-moves': {
    kind: 'path-map',
    title: 'Career path: 3 moves',
    roles: ['Prompt Engineer / AI Interaction Specialist', 'AI Engineer', 'Generative AI Engineer', 'AI Solutions Architect'],
    moves: [
      { from: 0, via: 'progression' },
      { from: 1, via: 'Depth track' },
      { from: 2, via: 'A very long pathway track name that cannot fit' },
    ],
    alt: 'fixture',
  },
};
