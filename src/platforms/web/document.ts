import { clip } from '../../views/text/clip.js';
import { escapeHtml as esc, jsonForHtml } from '../../web/pages.js';
import { STYLESHEET } from './style.js';

/** What every page's shell needs to know about the site. */
export interface SiteInfo {
  /** The public base URL without a trailing slash: "https://rolecall.example.org". */
  base: string;
  /** Its path prefix, "" at the root of a host: links inside pages are root-relative with it. */
  basePath: string;
  /** The knowledge-base snapshot the pages come from; og:image URLs carry it, so a new one is fetched anew. */
  snapshot: string;
  asOf: string;
  source: string;
}

export interface PageMeta {
  /** The page's own title; the document's is "<title> · RoleCall". */
  title: string;
  description: string;
  /** The canonical path, without the base path: "/roles/ai-engineer". */
  path: string;
  /** The link preview's picture: its route ("/og/roles/ai-engineer.png") and what it shows. */
  image: { path: string; alt: string };
  jsonLd?: Record<string, unknown>;
  /** Error pages: not to be indexed. */
  noindex?: boolean;
}

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

const meta = (attr: 'name' | 'property', key: string, value: string) => `<meta ${attr}="${key}" content="${esc(value)}">`;

/** A whole page: head with the share tags, the site's header, `main`, and the source in the footer. */
export function documentHtml(site: SiteInfo, page: PageMeta, main: string): string {
  const url = `${site.base}${page.path}`;
  const image = `${site.base}${page.image.path}?v=${site.snapshot}`;
  const title = `${page.title} · RoleCall`;
  const description = clip(page.description.replace(/\s+/g, ' ').trim(), 300, { atWord: true });
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No favicon to fetch: one request fewer, and nothing for the CSP to allow.
    '<link rel="icon" href="data:,">',
    `<title>${esc(title)}</title>`,
    meta('name', 'description', description),
    page.noindex ? meta('name', 'robots', 'noindex') : `<link rel="canonical" href="${esc(url)}">`,
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', 'RoleCall'),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    meta('property', 'og:image', image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(SHARE_IMAGE_SIZE.width)),
    meta('property', 'og:image:height', String(SHARE_IMAGE_SIZE.height)),
    meta('property', 'og:image:alt', clip(page.image.alt, 420, { atWord: true })),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', description),
    meta('name', 'twitter:image', image),
    `<style>${STYLESHEET}</style>`,
    ...(page.jsonLd ? [`<script type="application/ld+json">${jsonForHtml(page.jsonLd)}</script>`] : []),
  ];
  const home = `${site.basePath}/`;
  const roles = `${site.basePath}/roles`;
  return `<!doctype html>
<html lang="en">
<head>
${head.join('\n')}
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="site">
<a class="brand" href="${esc(home)}">RoleCall</a>
<nav aria-label="Site"><ul><li><a href="${esc(roles)}">All roles</a></li></ul></nav>
</header>
<main id="main">
${main}
</main>
<footer class="site">
<p>Facts and figures from ${esc(site.source)}, as of <time datetime="${esc(site.asOf)}">${esc(site.asOf)}</time>. Descriptions in RoleCall's own words.</p>
</footer>
</body>
</html>
`;
}
