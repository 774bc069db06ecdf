import { COMPARE_SLOTS } from '../../../commands/compare.js';
import type { Role } from '../../core/schema/role.js';
import { unresolvedView } from '../../views/cards/resolution-views.js';
import { roleRef } from '../../views/format.js';
import { pagePath } from '../../views/page-url.js';
import type { Invocation } from '../../views/view.js';
import { escapeHtml as esc } from '../../web/pages.js';
import { documentHtml } from './document.js';
import { heading, viewHtml } from './html.js';
import { refSegment } from './links.js';
import type { Lookup } from './lookup.js';
import { type PageSite, renderContext } from './page-kit.js';
import { ogPath } from './routes.js';

/**
 * The pages for what is not a page: a name the resolver is unsure of (404, offering what it
 * offered, linked), an address that cannot be one (400), a method the pages do not take (405),
 * and our own failure (500). Only the resolver's View quotes what was typed, and it is escaped
 * like every other string; the rest say nothing of the request at all.
 */

function errorDocument(site: PageSite, title: string, body: string): string {
  const browse = `<p><a href="${esc(`${site.info.basePath}${pagePath({ kind: 'roles' })}`)}">Browse all ${site.core.kb.roles.length} roles</a></p>`;
  return documentHtml(
    site.info,
    { title, description: title, path: pagePath({ kind: 'roles' }), image: { path: ogPath({ kind: 'roles' }), alt: 'RoleCall' }, noindex: true },
    `${body}\n${browse}`,
  );
}

/**
 * 404 for a role the resolver was unsure of: its answer (the builder /role, /compare and /path
 * use), with the candidates or suggestions as links that keep the rest of the address.
 */
export function unresolvedPage(
  site: PageSite,
  page: 'role' | 'compare' | 'path',
  segments: readonly string[],
  look: Extract<Lookup, { status: 'unresolved' }>,
): string {
  // Settled slots travel as "#n"; a slot the visitor typed that did not resolve stays as typed.
  const slots = (r: Role) => segments.map((s, i) => (i === look.index ? roleRef(r) : look.roles[i] ? roleRef(look.roles[i]!) : s));
  const retry = (r: Role): Invocation =>
    page === 'role'
      ? { command: 'role', args: { name: roleRef(r) } }
      : page === 'path'
        ? { command: 'path', args: { from: slots(r)[0]!, to: slots(r)[1]! } }
        : { command: 'compare', args: Object.fromEntries(slots(r).map((s, i) => [COMPARE_SLOTS[i]!, s])) };
  const view = unresolvedView(site.core, look.resolution, retry);
  const refs = refSegment(site.core.kb);
  const ctx = renderContext(site, (arg) => refs(arg) ?? encodeURIComponent(arg));
  return errorDocument(site, view.title, viewHtml(view, ctx, { level: 1, actions: 'Did you mean', footer: false }));
}

export function notFoundPage(site: PageSite): string {
  return errorDocument(site, 'No such page', `${heading(1, 'No such page')}\n<p>RoleCall has no page at this address.</p>`);
}

/** 400: `problem` is always RoleCall's own sentence, never the request's text. */
export function badRequestPage(site: PageSite, problem: string): string {
  return errorDocument(site, 'That address is not valid', `${heading(1, 'That address is not valid')}\n<p>${esc(problem)}</p>`);
}

export function methodNotAllowedPage(site: PageSite): string {
  return errorDocument(site, 'Pages are only read', `${heading(1, 'Pages are only read')}\n<p>These pages answer GET and HEAD requests only.</p>`);
}

export function failurePage(site: PageSite, errorId: string): string {
  return errorDocument(
    site,
    'Something went wrong',
    `${heading(1, 'Something went wrong')}\n<p>RoleCall could not show this page. Error id ${esc(errorId)}.</p>`,
  );
}
