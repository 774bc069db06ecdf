import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderChartSvg, renderShareCard } from '../../src/charts/index.js';
import type { ChartSpec } from '../../src/views/chart-spec.js';
import type { ShareCard } from '../../src/views/share-card.js';
import { BASE, get, pages } from './pages-kit.js';

/** The real renderers, counted. */
function counted() {
  const calls = { charts: 0, cards: 0 };
  return {
    calls,
    renderChartSvg: (c: ChartSpec) => {
      calls.charts++;
      return renderChartSvg(c);
    },
    renderShareCard: (c: ShareCard) => {
      calls.cards++;
      return renderShareCard(c);
    },
  };
}

describe('caching', () => {
  it('a page is rendered once per snapshot: later and concurrent requests share the first render', async () => {
    const r = counted();
    const web = pages(r);
    const first = await Promise.all(Array.from({ length: 5 }, () => get(web, '/compare/ai-engineer/ml-engineer')));
    const again = await get(web, '/compare/ai-engineer/ml-engineer');
    expect(r.calls.charts).toBe(1);
    expect(new Set([...first, again].map((a) => a.headers.etag)).size).toBe(1);
    // Another instance over the same data (a replica) renders the same bytes, so the same ETag.
    expect((await get(pages(), '/compare/ai-engineer/ml-engineer')).headers.etag).toBe(again.headers.etag);
  });

  it('warm() renders the index and every role page ahead of the first request', async () => {
    const r = counted();
    const web = pages(r);
    await web.warm();
    expect(r.calls.charts).toBe(31);
    await get(web, '/roles/ai-engineer');
    await get(web, '/roles');
    expect(r.calls.charts).toBe(31);
  });

  it('keeps at most cacheSize comparisons and paths, by least recent use; role pages stay', async () => {
    const r = counted();
    const web = pages({ ...r, cacheSize: 2 });
    for (const url of [
      '/compare/ai-engineer/ml-engineer',
      '/compare/ai-engineer/rag-engineer',
      '/compare/ai-engineer/ml-engineer',
      '/path/ai-engineer/ai-solutions-architect',
    ])
      await get(web, url);
    expect(r.calls.charts).toBe(3);
    await get(web, '/compare/ai-engineer/ml-engineer');
    expect(r.calls.charts).toBe(3);
    await get(web, '/compare/ai-engineer/rag-engineer');
    expect(r.calls.charts).toBe(4);
  });

  it('ETag, Cache-Control, and 304 on If-None-Match (strong, weak, listed or *)', async () => {
    const web = pages();
    const res = await get(web, '/roles/ml-engineer');
    expect(res.headers['cache-control']).toBe('public, max-age=3600, stale-while-revalidate=86400');
    const etag = res.headers.etag!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const again = await get(web, '/roles/ml-engineer', { 'if-none-match': header });
      expect([again.status, again.body, again.headers.etag], header).toEqual([304, undefined, etag]);
    }
    expect((await get(web, '/roles/ml-engineer', { 'if-none-match': '"stale"' })).status).toBe(200);
    expect((await get(web, '/roles/ai-engineer', { 'if-none-match': etag })).status).toBe(200);
  });

  it('HEAD answers with the headers of GET and no body', async () => {
    const web = pages();
    for (const url of ['/roles/ai-engineer', '/roles', '/og/roles.png', '/roles/banana', '/roles/mle', '/sitemap.xml']) {
      const full = await get(web, url);
      const head = await get(web, url, {}, 'HEAD');
      expect(head.body, url).toBeUndefined();
      expect(head.status, url).toBe(full.status);
      expect(head.headers, url).toEqual(full.headers);
    }
  });

  it('brotli or gzip when asked, with Vary; the body as it is otherwise', async () => {
    const web = pages();
    const plain = await get(web, '/roles/ai-engineer');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const br = await get(web, '/roles/ai-engineer', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body!).equals(plain.body!)).toBe(true);
    expect(br.body!.length).toBeLessThan(plain.body!.length / 3);
    expect(Number(br.headers['content-length'])).toBe(br.body!.length);
    const gz = await get(web, '/roles/ai-engineer', { 'accept-encoding': 'br;q=0, gzip;q=0.8' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body!).equals(plain.body!)).toBe(true);
    expect(gz.headers.etag).not.toBe(plain.headers.etag);
    // Any encoding's tag revalidates.
    expect((await get(web, '/roles/ai-engineer', { 'if-none-match': gz.headers.etag!, 'accept-encoding': 'br' })).status).toBe(304);
    expect((await get(web, '/roles/ai-engineer', { 'accept-encoding': 'gzip;q=0, br;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await get(web, '/roles/ai-engineer', { 'accept-encoding': '*' })).headers['content-encoding']).toBe('br');
    // A PNG is not compressed again.
    expect((await get(web, '/og/roles.png', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined();
  });

  it('a strict CSP: no script, no unsafe-inline, the one stylesheet allowed by its hash', async () => {
    const res = await get(pages(), '/roles/ai-engineer');
    const csp = res.headers['content-security-policy']!;
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'$/,
    );
    expect(csp).not.toContain('unsafe');
    const css = /<style>([^<]*)<\/style>/.exec(res.text)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(res.text.match(/<style>/g)).toHaveLength(1);
    expect(res.text).not.toMatch(/\sstyle=|\son[a-z]+=|javascript:/i);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('link-preview pictures', () => {
  it('/og/… is a 1200×630 PNG per page, drawn once and then cached', async () => {
    const r = counted();
    const web = pages(r);
    for (const url of [
      '/og/roles.png',
      '/og/roles/ai-engineer.png',
      '/og/compare/ai-engineer/ml-engineer.png',
      '/og/path/prompt-engineer/ai-solutions-architect.png',
    ]) {
      const res = await get(web, `${url}?v=${web.snapshot}`);
      expect([res.status, res.headers['content-type']], url).toEqual([200, 'image/png']);
      const png = PNG.sync.read(res.body!);
      expect([png.width, png.height], url).toEqual([1200, 630]);
      expect(res.headers['cache-control']).toBe('public, max-age=86400, stale-while-revalidate=604800');
      const again = await get(web, url, { 'if-none-match': res.headers.etag! });
      expect(again.status).toBe(304);
    }
    await get(web, '/og/roles/ai-engineer.png');
    expect(r.calls.cards).toBe(4);
  });

  it('only our own picture URLs answer: names, duplicates and other files are 404', async () => {
    const web = pages();
    for (const url of [
      '/og/roles/mle.png',
      '/og/roles/ai-engineer.jpg',
      '/og/compare/ai-engineer/ai-engineer.png',
      '/og/path/ai-engineer.png',
      '/og/',
      '/og/roles/ai-engineer/.png',
    ])
      expect((await get(web, url)).status, url).toBe(404);
  });

  it('a picture that cannot be drawn is a 503 that is tried again, not kept', async () => {
    let fail = true;
    const web = pages({ renderShareCard: async (card) => (fail ? Promise.reject(new Error('no font')) : renderShareCard(card)), onError: () => {} });
    const res = await get(web, '/og/roles/ai-engineer.png');
    expect([res.status, res.headers['cache-control']]).toEqual([503, 'no-store']);
    fail = false;
    expect((await get(web, '/og/roles/ai-engineer.png')).status).toBe(200);
  });
});

describe('a chart that cannot be drawn', () => {
  it('never costs the page: served without the figure, with its table, told, and drawn again next time', async () => {
    let fail = true;
    const told: string[] = [];
    const web = pages({
      renderChartSvg: (c) => (fail ? Promise.reject(new Error('vega failed')) : renderChartSvg(c)),
      onError: (_err, ctx) => told.push(ctx.what),
    });
    const without = await get(web, '/roles/ai-engineer');
    expect(without.status).toBe(200);
    expect(without.text).not.toContain('<svg');
    expect(without.text).toContain('<caption id="pay-by-level-table">Pay by level</caption>');
    expect(told).toEqual(['chart']);
    fail = false;
    expect((await get(web, '/roles/ai-engineer')).text).toContain('<svg role="img"');
  });

  it('an SVG with anything a strict CSP would have to allow is not inlined', async () => {
    const told: string[] = [];
    const web = pages({ renderChartSvg: async () => '<svg viewBox="0 0 1 1"><script>alert(1)</script></svg>', onError: (_e, c) => told.push(c.what) });
    const res = await get(web, '/compare/ai-engineer/ml-engineer');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('alert(1)');
    expect(told).toEqual(['chart']);
  });
});

describe('as a Node request listener', () => {
  it('serves pages, redirects, HEAD and compression over HTTP', async () => {
    const web = pages();
    const server = createServer(web.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${origin}/roles/ai-engineer`, { headers: { 'accept-encoding': 'gzip' } });
      expect([page.status, page.headers.get('content-encoding')]).toEqual([200, 'gzip']);
      expect(await page.text()).toContain('<h1>8. AI Engineer</h1>');
      const moved = await fetch(`${origin}/roles/mle`, { redirect: 'manual' });
      expect([moved.status, moved.headers.get('location')]).toEqual([301, `${BASE}/roles/ml-engineer`]);
      const head = await fetch(`${origin}/roles`, { method: 'HEAD' });
      expect([head.status, await head.text()]).toEqual([200, '']);
      const post = await fetch(`${origin}/roles`, { method: 'POST', body: 'x' });
      expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
