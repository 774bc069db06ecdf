import type { ChartSpec } from '../../views/chart-spec.js';
import type { Action, Field, Footer, Invocation, Section, Table, View } from '../../views/view.js';
import { escapeHtml as esc } from '../../web/pages.js';

/**
 * View → HTML, as the Discord and Slack renderers turn Views into embeds and blocks. Every
 * string a View carries is plain text and is escaped here; the only markup that is not built
 * from escaped strings is a chart's SVG, which comes from our own renderer (see `inlineSvg`).
 */

/** Unique, readable ids for one page's headings and anchors. */
export class Ids {
  private readonly used = new Set<string>();

  /** `preferred` as given when it is free, else a slug of it with a number. */
  take(preferred: string): string {
    const base =
      preferred
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 48) || 'part';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

export interface RenderContext {
  ids: Ids;
  /** The href a button or select option leads to (base path included), or undefined: then it is left out. */
  href(inv: Invocation): string | undefined;
}

export function heading(level: number, text: string, id?: string): string {
  const h = `h${Math.min(6, Math.max(1, level))}`;
  return `<${h}${id ? ` id="${esc(id)}"` : ''}>${esc(text)}</${h}>`;
}

/** A paragraph per line of text. */
export function paragraphs(text: string, cls?: string): string {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p${cls ? ` class="${cls}"` : ''}>${esc(l)}</p>`)
    .join('\n');
}

function list(items: readonly string[]): string {
  return items.length ? `<ul>\n${items.map((i) => `<li>${esc(i)}</li>`).join('\n')}\n</ul>` : '';
}

/** Fields as a definition list; a multi-line value keeps its lines. */
export function fieldsHtml(fields: readonly Field[]): string {
  if (!fields.length) return '';
  const items = fields.map((f) => `<div><dt>${esc(f.label)}</dt><dd>${f.value.split('\n').map(esc).join('<br>')}</dd></div>`);
  return `<dl class="facts">\n${items.join('\n')}\n</dl>`;
}

/**
 * A table in a box that scrolls sideways on a narrow screen; the box is a named, focusable
 * region so a keyboard can scroll it. A row's first cell heads the row.
 */
export function tableHtml(table: Table, caption: string, ctx: RenderContext): string {
  const id = ctx.ids.take(`${caption} table`);
  const head = table.columns.map((c) => `<th scope="col">${c ? esc(c) : '<span class="visually-hidden">Item</span>'}</th>`).join('');
  const rows = table.rows.map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${esc(cell)}</th>` : `<td>${esc(cell)}</td>`)).join('')}</tr>`);
  return `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
<table>
<caption id="${id}">${esc(caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`;
}

/** A chart as a figure: the SVG is an image whose name is the chart's alt text (every number). */
export function figureHtml(chart: ChartSpec, svg: string | undefined, note: string): string {
  if (!svg) return '';
  return `<figure class="chart">
<div class="chart-box">${svg}</div>
<figcaption>${esc(chart.title)}. ${esc(note)}</figcaption>
</figure>`;
}

/** A section; one of the page's own parts (level 2) is a landmark named by its heading, a part within one is not. */
export function sectionHtml(section: Section, level: number, ctx: RenderContext, id = ctx.ids.take(section.heading)): string {
  return `<section${level <= 2 ? ` aria-labelledby="${esc(id)}"` : ''}>
${heading(level, section.heading, id)}
${section.body ? paragraphs(section.body) : ''}
${list(section.items ?? [])}
</section>`;
}

/** Buttons and select options as links, where a page answers them; `label` names the group. */
export function actionsHtml(actions: readonly Action[], ctx: RenderContext, label: string): string {
  const groups: Array<{ label: string; links: string[] }> = [{ label, links: [] }];
  for (const a of actions) {
    if (a.type === 'button') {
      const href = ctx.href(a.invoke);
      if (href) groups[0]!.links.push(`<li><a href="${esc(href)}">${esc(a.label)}</a></li>`);
      continue;
    }
    // A chat answer's link to its page: on the page it would point at itself.
    if (a.type === 'link') continue;
    const links = a.options.flatMap((o) => {
      const href = ctx.href(o.invoke);
      const desc = o.description ? ` <span class="muted">(${esc(o.description)})</span>` : '';
      return href ? [`<li><a href="${esc(href)}">${esc(o.label)}</a>${desc}</li>`] : [];
    });
    groups.push({ label: a.placeholder.replace(/…$/, ''), links });
  }
  return groups
    .filter((g) => g.links.length)
    .map((g) => {
      const id = ctx.ids.take(`${g.label} links`);
      return `<p class="links-label" id="${id}">${esc(g.label)}</p>\n<ul class="links" aria-labelledby="${id}">\n${g.links.join('\n')}\n</ul>`;
    })
    .join('\n');
}

export function sourceHtml(footer: Footer): string {
  return `<p class="source">Data as of <time datetime="${esc(footer.asOf)}">${esc(footer.asOf)}</time> · ${esc(footer.source)}</p>`;
}

export interface ViewHtmlOptions {
  /** The level of the View's title; its sections sit one below. */
  level: number;
  /** The title's id; false leaves the title out (the page wrote its own), and sections sit at `level`. */
  title?: string | false;
  /** The chart, drawn and made safe to inline (`inlineSvg`); absent, the figure is left out. */
  chartSvg?: string;
  /** The table's caption. */
  tableCaption?: string;
  /** Label of the links the actions become; false leaves them out. */
  actions?: string | false;
  fields?: boolean;
  footer?: boolean;
  /** Sections left out (the page shows them elsewhere). */
  skipSections?: ReadonlySet<string>;
}

/** A View's content in reading order: title, description, fields, chart, table, sections, links, source. */
export function viewHtml(view: View, ctx: RenderContext, opts: ViewHtmlOptions): string {
  const parts: string[] = [];
  const hasTitle = opts.title !== false;
  if (hasTitle) parts.push(heading(opts.level, view.title, opts.title || ctx.ids.take(view.title)));
  const inner = hasTitle ? opts.level + 1 : opts.level;
  if (view.description) parts.push(paragraphs(view.description, 'lede'));
  if (opts.fields !== false) parts.push(fieldsHtml(view.fields));
  if (view.chart) parts.push(figureHtml(view.chart, opts.chartSvg, view.table ? 'The table gives the same figures.' : 'The text gives the same figures.'));
  if (view.table) parts.push(tableHtml(view.table, opts.tableCaption ?? (view.chart ? `${view.chart.title}: the figures` : 'At a glance'), ctx));
  for (const s of view.sections) if (!opts.skipSections?.has(s.heading)) parts.push(sectionHtml(s, inner, ctx));
  if (opts.actions !== false) parts.push(actionsHtml(view.actions, ctx, opts.actions ?? 'See also'));
  if (opts.footer !== false && view.footer) parts.push(sourceHtml(view.footer));
  return parts.filter(Boolean).join('\n');
}
