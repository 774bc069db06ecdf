import { escapeHtml } from '../../web/pages.js';

/**
 * A chart's SVG (from src/charts) made fit to sit inside a page:
 * - one image to assistive technology: the root is `role="img"` named by the chart's alt text
 *   (all its numbers), and vega's per-mark roles and labels are dropped;
 * - nothing a strict CSP would have to allow: a chart with a script, an event handler, a link,
 *   a foreign object or a style attribute is refused, and the page goes without it.
 * It scales with the page (CSS: max-width 100%, height from the viewBox).
 */
const UNSAFE = /<script|<foreignObject|<iframe|\son[a-z]+\s*=|\s(?:xlink:)?href\s*=|\sstyle\s*=|<style|javascript:/i;

export function inlineSvg(svg: string, label: string): string {
  const start = svg.indexOf('<svg');
  if (start !== 0 || UNSAFE.test(svg) || !/\sviewBox="/.test(svg)) throw new Error('chart SVG is not fit to inline');
  const body = svg.replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, '');
  return body.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}"`);
}
