import type { Role, SalaryBand } from '../core/schema/role.js';
import type { Market } from '../core/schema/common.js';

/**
 * A chart as part of the neutral View: what to draw, never how. `src/charts/` turns it into SVG
 * and PNG; platforms decide how to deliver it; text front ends draw `chartBars` instead.
 * Every chart carries `alt`, a plain-text account of all its numbers.
 */

/** A level with its own band in the reference: the salary schema's entry, mid and senior. */
type Level = Exclude<keyof Role['salary']['india'], 'notes'>;

/** One role's band at one level; `band` is null where the reference gives no figure. */
export interface RangeRow {
  role: string;
  level: Level;
  band: Pick<SalaryBand, 'min' | 'max' | 'plus'> | null;
}

/** One market's bars: a chart never mixes $ and ₹ on one axis. */
export interface RangePanel {
  market: Market;
  rows: RangeRow[];
}

export interface RangeChart {
  kind: 'salary-range' | 'compare-range';
  title: string;
  /** The roles in the order they were asked for (one for salary, 2–4 for compare). */
  roles: string[];
  panels: RangePanel[];
  alt: string;
}

export interface PathMove {
  /** Index into `roles` of the move's start; the move ends at the next role. */
  from: number;
  via: string;
}

export interface PathChart {
  kind: 'path-map';
  title: string;
  /** The route's roles, left to right. */
  roles: string[];
  moves: PathMove[];
  alt: string;
}

export type ChartSpec = RangeChart | PathChart;
