import { COMPARE_SLOTS } from '../../../commands/compare.js';
import type { Role } from '../../core/schema/role.js';
import { roleRef } from '../../views/format.js';
import { pagePath } from '../../views/page-url.js';
import { viewShareCard } from '../../views/share-card.js';
import type { View } from '../../views/view.js';
import { escapeHtml as esc } from '../../web/pages.js';
import { documentHtml } from './document.js';
import { heading, paragraphs, viewHtml } from './html.js';
import { answer, type BuiltPage, chartOf, type PageSite, renderContext } from './page-kit.js';
import { ogPath } from './routes.js';

/** `/compare/<id>/<id>[/<id>[/<id>]]` and `/path/<from>/<to>`: the commands' answers, with their charts. */

/** Each role's key figures as a card of its own, side by side where the screen allows. */
function roleCards(site: PageSite, view: View, roles: readonly Role[]): string {
  const cards = view.fields.map((f, i) => {
    const role = roles[i];
    const title = role ? `<a href="${esc(`${site.info.basePath}${pagePath({ kind: 'role', role: role.id })}`)}">${esc(f.label)}</a>` : esc(f.label);
    return `<div class="card">\n<h2>${title}</h2>\n${paragraphs(f.value)}\n</div>`;
  });
  return `<div class="cards">\n${cards.join('\n')}\n</div>`;
}

export function compareArgs(roles: readonly Role[]): Record<string, string> {
  return Object.fromEntries(roles.map((r, i) => [COMPARE_SLOTS[i]!, roleRef(r)]));
}

export async function comparePage(site: PageSite, roles: readonly Role[]): Promise<BuiltPage> {
  const view = await answer(site, 'compare', compareArgs(roles));
  const missing = { count: 0 };
  const svg = await chartOf(site, view, missing);
  const ctx = renderContext(site);
  const main = [
    heading(1, view.title),
    view.description ? paragraphs(view.description, 'lede') : '',
    roleCards(site, view, roles),
    viewHtml({ ...view, description: undefined, fields: [] }, ctx, {
      level: 2,
      title: false,
      chartSvg: svg,
      tableCaption: 'Key figures side by side',
      actions: 'Role pages',
    }),
  ].join('\n');
  const target = { kind: 'compare' as const, roles: roles.map((r) => r.id) };
  const share = viewShareCard(site.core, view, 'Comparison');
  const html = documentHtml(
    site.info,
    {
      title: view.title,
      description: `${view.description ?? ''} Pay by level in the US and India, skills and differentiators side by side.`,
      path: pagePath(target),
      image: { path: ogPath(target), alt: share.alt },
    },
    main,
  );
  return { html, complete: missing.count === 0 };
}

export async function pathPage(site: PageSite, from: Role, to: Role): Promise<BuiltPage> {
  const view = await answer(site, 'path', { from: roleRef(from), to: roleRef(to) });
  const missing = { count: 0 };
  const svg = await chartOf(site, view, missing);
  const ctx = renderContext(site);
  const main = viewHtml(view, ctx, { level: 1, chartSvg: svg, actions: 'Next' });
  const target = { kind: 'path' as const, from: from.id, to: to.id };
  const share = viewShareCard(site.core, view, 'Career path');
  const html = documentHtml(
    site.info,
    {
      title: `Career path: ${from.name} to ${to.name}`,
      description: view.description ?? view.title,
      path: pagePath(target),
      image: { path: ogPath(target), alt: share.alt },
    },
    main,
  );
  return { html, complete: missing.count === 0 };
}
