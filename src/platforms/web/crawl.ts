import type { KnowledgeBase } from '../../core/knowledge-base.js';
import { pagePath, type PageTarget } from '../../views/page-url.js';
import { escapeHtml as esc } from '../../web/pages.js';

/**
 * For search engines: the sitemap lists the index and every role's page (comparisons and
 * paths are reached by their links; there are too many to list), and robots.txt points to it
 * and keeps crawlers off the chat platforms' endpoints.
 */
export function sitemapXml(kb: KnowledgeBase, base: string): string {
  const targets: PageTarget[] = [{ kind: 'roles' }, ...kb.roles.map((r) => ({ kind: 'role' as const, role: r.id }))];
  // The data's month is when the pages last changed in substance (W3C datetime allows YYYY-MM).
  const urls = targets.map((t) => `<url><loc>${esc(`${base}${pagePath(t)}`)}</loc><lastmod>${esc(kb.asOf)}</lastmod></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

export function robotsTxt(base: string, basePath: string): string {
  return `User-agent: *
Disallow: ${basePath}/slack/
Disallow: ${basePath}/discord/
Disallow: ${basePath}/healthz
Disallow: ${basePath}/metrics
Allow: ${basePath}/

Sitemap: ${base}/sitemap.xml
`;
}
