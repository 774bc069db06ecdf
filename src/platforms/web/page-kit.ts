import type { DispatchResult, Dispatcher } from '../../app/dispatch.js';
import type { Core } from '../../core/index.js';
import type { ChartSpec } from '../../views/chart-spec.js';
import type { View } from '../../views/view.js';
import type { SiteInfo } from './document.js';
import { Ids, type RenderContext } from './html.js';
import { invocationPath, refSegment, type SegmentOf } from './links.js';

/** What the page builders share: the core, the one Dispatcher, the site, and the chart drawer. */
export interface PageSite {
  core: Core;
  dispatcher: Dispatcher;
  info: SiteInfo;
  /** A chart as SVG fit to inline, or undefined when it could not be drawn (the page goes without it). */
  chart(chart: ChartSpec): Promise<string | undefined>;
}

/** A rendered page; `complete` is false when a chart could not be drawn, so it is not kept. */
export interface BuiltPage {
  html: string;
  complete: boolean;
}

/** The web front end's command context: the commands it runs need nothing beyond the core. */
const WEB = { platform: 'web' } as const;

/**
 * A command's View, run through the Dispatcher like every front end's. Pages ask only with role
 * references ("#8") the resolver answers exactly, so anything but an answer is a bug: it throws.
 */
export async function answerWithData(site: PageSite, command: string, args: Record<string, string>): Promise<DispatchResult> {
  const result = await site.dispatcher.run(command, args, WEB);
  if (result.outcome !== 'ok') throw new Error(`web page: /${command} answered ${result.outcome}`, { cause: result.error });
  return result;
}

export async function answer(site: PageSite, command: string, args: Record<string, string>): Promise<View> {
  return (await answerWithData(site, command, args)).view;
}

/** Links resolve to root-relative paths under the site's base path. */
export function renderContext(site: PageSite, segmentOf: SegmentOf = refSegment(site.core.kb)): RenderContext {
  return {
    ids: new Ids(),
    href: (inv) => {
      const path = invocationPath(site.core.kb, inv, segmentOf);
      return path === undefined ? undefined : `${site.info.basePath}${path}`;
    },
  };
}

/** Draws the View's chart, if it has one; `missing` counts what could not be drawn. */
export async function chartOf(site: PageSite, view: View, missing: { count: number }): Promise<string | undefined> {
  if (!view.chart) return undefined;
  const svg = await site.chart(view.chart);
  if (svg === undefined) missing.count++;
  return svg;
}
