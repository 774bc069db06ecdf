import type { Role } from '../core/schema/role.js';
import type { Market } from '../core/schema/common.js';
import type { ChartSpec, PathChart, RangeChart, RangePanel, RangeRow } from './chart-spec.js';
import { formatBand, LEVEL_LABEL, LEVELS, MARKET_LABEL } from './format.js';

/** Builds the ChartSpecs commands attach to their Views, and draws them as text for terminals. */

/** A short file name for the chart: "salary-ai-engineer.png". */
export function chartFileName(chart: ChartSpec, ext: 'png' | 'svg'): string {
  const prefix = chart.kind === 'path-map' ? 'path' : chart.kind === 'salary-range' ? 'salary' : 'compare';
  const slug = chart.roles
    .map((r) =>
      r
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean)
    .join('-vs-')
    .slice(0, 60)
    .replace(/-$/, '');
  return `${prefix}-${slug || 'chart'}.${ext}`;
}

/** The band as the text answer writes it, or "no figure". */
export function bandText(market: Market, band: RangeRow['band']): string {
  return band ? formatBand(market, band) : 'no figure';
}

function rangeRows(roles: readonly Role[], market: Market): RangeRow[] {
  return roles.flatMap((role) =>
    LEVELS.map((level) => {
      const b = role.salary[market][level];
      return { role: role.name, level, band: b ? { min: b.min, max: b.max, plus: b.plus } : null };
    }),
  );
}

const UNIT: Record<Market, string> = { us: '$K per year', india: '₹ lakh per annum' };

function rangeAlt(title: string, panels: RangePanel[], multiRole: boolean): string {
  const parts = panels.map((p) => {
    const rows = p.rows.map((r) => `${multiRole ? `${r.role} ` : ''}${LEVEL_LABEL[r.level].toLowerCase()} ${bandText(p.market, r.band)}`);
    return `${MARKET_LABEL[p.market]} (${UNIT[p.market]}): ${rows.join('; ')}.`;
  });
  return `${title}. Range bars by level; a + marks an open top. ${parts.join(' ')}`;
}

/** /salary: one role's ranges by level, one panel per market. */
export function salaryChart(role: Role, markets: readonly Market[]): RangeChart {
  const title = `${role.name}: pay by level`;
  const panels = markets.map((market) => ({ market, rows: rangeRows([role], market) }));
  return { kind: 'salary-range', title, roles: [role.name], panels, alt: rangeAlt(title, panels, false) };
}

/** Characters of a compare chart's title that fit its width at the title's size. */
const COMPARE_TITLE_LIMIT = 56;

/** /compare: 2–4 roles' ranges side by side by level, one panel per market. */
export function compareChart(roles: readonly Role[], markets: readonly Market[]): RangeChart {
  // The title names the roles while it fits the chart's width whole; past that the legend names them.
  const named = `Pay by level: ${roles.map((r) => r.name).join(' vs ')}`;
  const title = named.length <= COMPARE_TITLE_LIMIT ? named : `Pay by level: ${roles.length} roles`;
  const panels = markets.map((market) => ({ market, rows: rangeRows(roles, market) }));
  const alt = rangeAlt(`${roles.map((r) => r.name).join(' vs ')}, pay by level`, panels, true);
  return { kind: 'compare-range', title, roles: roles.map((r) => r.name), panels, alt };
}

/** /path: the route's roles left to right, each move labelled with what backs it. */
export function pathChart(steps: ReadonlyArray<{ from: Role; to: Role; via: string }>): PathChart {
  const first = steps[0];
  const roles = first ? [first.from.name, ...steps.map((s) => s.to.name)] : [];
  const moves = steps.map((s, i) => ({ from: i, via: s.via }));
  const title = `Career path: ${steps.length} move${steps.length === 1 ? '' : 's'}`;
  const route = steps.map((s) => `${s.from.name} to ${s.to.name} (${s.via})`).join('; ');
  return {
    kind: 'path-map',
    title,
    roles,
    moves,
    alt: `Career path map, ${steps.length} move${steps.length === 1 ? '' : 's'}, left to right: ${route}.`,
  };
}

/**
 * A compact text bar chart for terminals: one line per bar on a shared scale per panel,
 * "█" for the range, "▸" after an open top, "·" for a single figure. A path is one role a line.
 */
export function chartBars(chart: ChartSpec, width = 30): string[] {
  if (chart.kind === 'path-map') {
    // A chain, not branches: each move hangs from the role before it, one step further in.
    return chart.roles.map((r, i) => (i === 0 ? `[${r}]` : `${'    '.repeat(i - 1)}  └─(${chart.moves[i - 1]?.via ?? ''})→ [${r}]`));
  }
  const lines: string[] = [];
  const multi = chart.roles.length > 1;
  const labelWidth = Math.max(...chart.panels.flatMap((p) => p.rows.map((r) => label(r, multi).length)));
  for (const panel of chart.panels) {
    const top = Math.max(1, ...panel.rows.map((r) => (r.band ? (r.band.max ?? r.band.min) : 0)));
    const at = (v: number) => Math.round((v / top) * (width - 1));
    lines.push(`${MARKET_LABEL[panel.market]} (${UNIT[panel.market]})`);
    for (const row of panel.rows) {
      let bar = '';
      if (row.band) {
        const start = at(row.band.min);
        const end = row.band.max === null ? start : at(row.band.max);
        bar = ' '.repeat(start) + (end > start ? '█'.repeat(end - start + 1) : '·') + (row.band.plus ? '▸' : '');
      }
      const padded = bar.padEnd(width + 1);
      lines.push(`  ${label(row, multi).padEnd(labelWidth)} ${padded} ${bandText(panel.market, row.band)}`.trimEnd());
    }
  }
  return lines;
}

function label(row: RangeRow, multi: boolean): string {
  const level = LEVEL_LABEL[row.level];
  return multi ? `${row.role.length > 24 ? `${row.role.slice(0, 23)}…` : row.role} ${level.toLowerCase()}` : level;
}
