import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Dispatcher, newErrorId } from '../../app/dispatch.js';
import { renderChartSvg, renderShareCard } from '../../charts/index.js';
import type { Core } from '../../core/index.js';
import type { Role } from '../../core/schema/role.js';
import type { ChartSpec } from '../../views/chart-spec.js';
import { pagePath, type PageTarget, publicBase } from '../../views/page-url.js';
import type { ShareCard } from '../../views/share-card.js';
import { comparePage, pathPage } from './answer-pages.js';
import { robotsTxt, sitemapXml } from './crawl.js';
import { badRequestPage, failurePage, methodNotAllowedPage, notFoundPage, unresolvedPage } from './error-pages.js';
import { indexPage } from './index-page.js';
import { lookUp, pageTarget } from './lookup.js';
import { Memo } from './memo.js';
import type { BuiltPage, PageSite } from './page-kit.js';
import { type PageRequest, type PageResponse, Representation } from './representation.js';
import { rolePage } from './role-page.js';
import { ogPath, type ParsedUrl, parseUrl } from './routes.js';
import { shareCardOf } from './share-cards.js';
import { HTML_HEADERS } from './style.js';
import { inlineSvg } from './svg.js';

export type { PageRequest, PageResponse } from './representation.js';

/**
 * The public pages: `/roles`, `/roles/<id>`, `/compare/<id>/<id>[/<id>[/<id>]]`, `/path/<from>/<to>`,
 * their link-preview pictures under `/og/`, `/sitemap.xml` and `/robots.txt`, as one request
 * handler to mount. Each page is rendered once per knowledge-base snapshot, on first request (or
 * by `warm()`), and kept with its compressed forms; every answer after that is a lookup.
 */

export interface WebPagesOptions {
  core: Core;
  /** The pages' public base URL (ROLECALL_PUBLIC_URL): canonical links, og:url and og:image, the sitemap, redirects. */
  publicUrl: string;
  /** The one Dispatcher the process's front ends share; by default one of the pages' own. */
  dispatcher?: Dispatcher;
  /** ChartSpec → SVG (src/charts by default). */
  renderChartSvg?: (chart: ChartSpec) => Promise<string>;
  /** ShareCard → 1200×630 PNG (src/charts by default). */
  renderShareCard?: (card: ShareCard) => Promise<Buffer>;
  /** Told of what could not be drawn or rendered; the page goes without the chart, and is drawn again next time. */
  onError?: (err: unknown, context: { what: 'chart' | 'image' | 'page'; errorId?: string }) => void;
  /** How many comparison and path pages (and as many pictures, halved) are kept besides the fixed ones. */
  cacheSize?: number;
}

/** A path the pages answer: exactly, or everything under it when `prefix`. GET and HEAD; other methods get 405. */
export interface WebRoute {
  path: string;
  prefix: boolean;
  methods: readonly ['GET', 'HEAD'];
}

const METHODS = ['GET', 'HEAD'] as const;
export const WEB_ROUTES: readonly WebRoute[] = [
  { path: '/roles', prefix: false, methods: METHODS },
  { path: '/roles/', prefix: true, methods: METHODS },
  { path: '/compare/', prefix: true, methods: METHODS },
  { path: '/path/', prefix: true, methods: METHODS },
  { path: '/og/', prefix: true, methods: METHODS },
  { path: '/sitemap.xml', prefix: false, methods: METHODS },
  { path: '/robots.txt', prefix: false, methods: METHODS },
];

/**
 * Pages may be cached an hour and served stale for a day while revalidated (ETag, so cheaply):
 * a new snapshot shows within the hour. Pictures carry the snapshot in their URL (`?v=`), so a
 * new one is a new URL, and may be kept a day. Error pages are never stored.
 */
export const CACHE_CONTROL = {
  page: 'public, max-age=3600, stale-while-revalidate=86400',
  image: 'public, max-age=86400, stale-while-revalidate=604800',
  redirect: 'public, max-age=86400',
  error: 'no-store',
} as const;

export interface WebPages {
  readonly routes: readonly WebRoute[];
  /** The knowledge-base snapshot the pages are rendered from: the cache's key and the pictures' `?v=`. */
  readonly snapshot: string;
  /** Answers one request; never throws (our own failure is a 500 page with an error id). */
  handle(req: PageRequest): Promise<PageResponse>;
  /** The same as a Node request listener, for `http.createServer` or a route table. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Renders the index and every role's page ahead of the first request. */
  warm(): Promise<void>;
}

interface Kept {
  rep: Representation;
  complete: boolean;
}

/** A fingerprint of the data itself: the same snapshot renders the same bytes on every replica. */
function snapshotOf(core: Core): string {
  const { roles, reference, aiEngineer } = core.kb;
  return createHash('sha256').update(JSON.stringify({ roles, reference, aiEngineer })).digest('hex').slice(0, 12);
}

export function createWebPages(opts: WebPagesOptions): WebPages {
  const { core } = opts;
  const dispatcher = opts.dispatcher ?? new Dispatcher(core);
  const drawChart = opts.renderChartSvg ?? renderChartSvg;
  const drawCard = opts.renderShareCard ?? renderShareCard;
  const report = opts.onError ?? (() => {});
  const snapshot = snapshotOf(core);
  const base = publicBase(opts.publicUrl);
  const basePath = new URL(base).pathname.replace(/\/$/, '');
  const site: PageSite = {
    core,
    dispatcher,
    info: { base, basePath, snapshot, asOf: core.kb.asOf, source: core.kb.reference.meta.title },
    async chart(spec) {
      try {
        return inlineSvg(await drawChart(spec), spec.alt);
      } catch (err) {
        report(err, { what: 'chart' });
        return undefined;
      }
    },
  };
  const capacity = opts.cacheSize ?? 256;
  const pages = new Memo<Kept>(capacity, (k) => k.complete);
  const images = new Memo<Representation>(Math.max(1, Math.floor(capacity / 2)));

  const html = (status: number, body: string, cacheControl: string = CACHE_CONTROL.error) =>
    new Representation(Buffer.from(body), {
      status,
      contentType: 'text/html; charset=utf-8',
      cacheControl,
      headers: HTML_HEADERS,
      compressible: true,
      etag: status === 200,
    });
  const keep = (built: BuiltPage): Kept => ({ rep: html(200, built.html, CACHE_CONTROL.page), complete: built.complete });
  const text = (contentType: string, body: string) =>
    new Representation(Buffer.from(body), {
      status: 200,
      contentType,
      cacheControl: CACHE_CONTROL.page,
      headers: { 'x-content-type-options': 'nosniff' },
      compressible: true,
    });

  // Location is built from role ids only: nothing the visitor typed reaches a header.
  const redirect = (target: PageTarget): PageResponse => ({
    status: 301,
    headers: { location: `${base}${pagePath(target)}`, 'cache-control': CACHE_CONTROL.redirect, 'content-length': '0' },
  });

  function build(target: PageTarget): Promise<BuiltPage> {
    const role = (id: string) => core.kb.role(id);
    switch (target.kind) {
      case 'roles':
        return indexPage(site);
      case 'role':
        return rolePage(site, role(target.role));
      case 'compare':
        return comparePage(site, target.roles.map(role));
      case 'path':
        return pathPage(site, role(target.from), role(target.to));
    }
  }

  const page = (target: PageTarget) => pages.get(pagePath(target), target.kind === 'roles' || target.kind === 'role', async () => keep(await build(target)));

  async function pageResponse(req: PageRequest, parsed: Extract<ParsedUrl, { kind: 'page' }>): Promise<PageResponse> {
    if (parsed.page === 'roles') {
      if (parsed.trailingSlash) return redirect({ kind: 'roles' });
      return (await page({ kind: 'roles' })).rep.respond(req);
    }
    const look = lookUp(core, parsed.segments);
    if (look.status === 'unresolved') return html(404, unresolvedPage(site, parsed.page, parsed.segments, look)).respond(req);
    const target = pageTarget(parsed.page, look.roles);
    if (typeof target === 'string') return html(400, badRequestPage(site, target)).respond(req);
    if (!look.canonical || parsed.trailingSlash) return redirect(target);
    return (await page(target)).rep.respond(req);
  }

  async function imageResponse(req: PageRequest, parsed: Extract<ParsedUrl, { kind: 'image' }>): Promise<PageResponse> {
    // Pictures are linked from our own pages only, by id: no lookups, no redirects.
    const roles = parsed.segments.map((s) => core.kb.byId.get(s));
    const target = parsed.page === 'roles' ? ({ kind: 'roles' } as const) : roles.every(Boolean) ? pageTarget(parsed.page, roles as Role[]) : undefined;
    if (target === undefined || typeof target === 'string') return html(404, notFoundPage(site)).respond(req);
    const pin = target.kind === 'roles' || target.kind === 'role';
    try {
      const rep = await images.get(ogPath(target), pin, async () => {
        const png = await drawCard(await shareCardOf(site, target));
        return new Representation(png, {
          status: 200,
          contentType: 'image/png',
          cacheControl: CACHE_CONTROL.image,
          headers: { 'x-content-type-options': 'nosniff' },
          compressible: false,
        });
      });
      return await rep.respond(req);
    } catch (err) {
      report(err, { what: 'image' });
      return {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': CACHE_CONTROL.error, 'retry-after': '60' },
        ...(req.method === 'HEAD' ? {} : { body: Buffer.from('The picture could not be drawn; try again in a minute.\n') }),
      };
    }
  }

  const sitemap = () =>
    pages.get('/sitemap.xml', true, async () => ({ rep: text('application/xml; charset=utf-8', sitemapXml(core.kb, base)), complete: true }));
  const robots = () => pages.get('/robots.txt', true, async () => ({ rep: text('text/plain; charset=utf-8', robotsTxt(base, basePath)), complete: true }));

  async function handle(req: PageRequest): Promise<PageResponse> {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return await html(405, methodNotAllowedPage(site)).respond(req, { allow: 'GET, HEAD' });
      const parsed = parseUrl(req.url);
      switch (parsed.kind) {
        case 'bad':
          return await html(400, badRequestPage(site, parsed.problem)).respond(req);
        case 'not-found':
          return await html(404, notFoundPage(site)).respond(req);
        case 'sitemap':
          return await (await sitemap()).rep.respond(req);
        case 'robots':
          return await (await robots()).rep.respond(req);
        case 'image':
          return await imageResponse(req, parsed);
        case 'page':
          return await pageResponse(req, parsed);
      }
    } catch (err) {
      const errorId = newErrorId();
      report(err, { what: 'page', errorId });
      return html(500, failurePage(site, errorId)).respond(req);
    }
  }

  return {
    routes: WEB_ROUTES,
    snapshot,
    handle,
    listener(req, res) {
      const headers = req.headers;
      void handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: { 'if-none-match': headers['if-none-match'], 'accept-encoding': headers['accept-encoding'] },
      }).then(
        (r) => {
          res.writeHead(r.status, r.headers);
          res.end(r.body);
        },
        () => {
          if (!res.headersSent) res.writeHead(500);
          res.end();
        },
      );
    },
    async warm() {
      await Promise.all([page({ kind: 'roles' }), sitemap(), robots(), ...core.kb.roles.map((r) => page({ kind: 'role', role: r.id }))]);
    },
  };
}
