// Pages: the web pages' answer time in-process (handle()), warm (cached) and cold (first render
// of each page), with and without brotli, and the link-preview picture's first and cached draw;
// then over loopback HTTP beside the landing page `/` from the same server. Baselines from the
// same run: the landing page as the service builds it, and /robots.txt (the router's floor).
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createCore } from '../src/core/index.js';
import { createWebPages, type WebPages } from '../src/platforms/web/site.js';
import { landingPage, PAGE_HEADERS } from '../src/web/pages.js';
import { heading, row, summarize } from './stats.js';

const WARMUP = 200;
const RUNS = 2_000;
const HTTP_RUNS = 1_000;
const BASE = 'https://rolecall.example.org';

const ms = (v: number) => `${v.toFixed(3)} ms`;
const line = (label: string, samples: number[], extra = '') => {
  const s = summarize(samples);
  row(label, `p50 ${ms(s.p50)}   p99 ${ms(s.p99)}   (n=${s.n})${extra}`);
};

async function timed(web: WebPages, url: string, headers: Record<string, string> = {}): Promise<number> {
  const t = performance.now();
  const res = await web.handle({ method: 'GET', url, headers });
  const took = performance.now() - t;
  if (res.status >= 500) throw new Error(`${url}: ${res.status}`);
  return took;
}

/** Each URL once, in turn: the cold figures. */
async function once(web: WebPages, urls: readonly string[], headers: Record<string, string> = {}): Promise<number[]> {
  const samples: number[] = [];
  for (const url of urls) samples.push(await timed(web, url, headers));
  return samples;
}

async function warm(web: WebPages, urls: readonly string[], headers: Record<string, string> = {}): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await timed(web, urls[i % urls.length]!, headers);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timed(web, urls[i % urls.length]!, headers));
  return samples;
}

/** `n` distinct combinations of `size` distinct roles, the same every run. */
function combos(ids: readonly string[], n: number, size: number): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (let i = 0; out.length < n && i < 100_000; i++) {
    const pick = Array.from({ length: size }, (_, k) => ids[(i * (2 * k + 1) + Math.floor(i / ids.length) * (k + 5)) % ids.length]!);
    const key = pick.join('/');
    if (new Set(pick).size === size && !seen.has(key)) {
      seen.add(key);
      out.push(pick);
    }
  }
  return out;
}

/** Sequential GETs over one keep-alive connection; the time to the last byte of each. */
async function overHttp(origin: string, path: string, runs: number, headers: Record<string, string> = {}): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      const req = request(`${origin}${path}`, { agent, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(performance.now() - t));
      });
      req.on('error', reject);
      req.end();
    });
  for (let i = 0; i < 100; i++) await one();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await one());
  agent.destroy();
  return samples;
}

export async function benchPages(): Promise<void> {
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${os.cpus().length} CPU(s)`,
  );
  const core = createCore();
  const ids = core.kb.roles.map((r) => r.id);

  heading('Pages: cold, the first request for each page (renders it, draws its chart)');
  const web = createWebPages({ core, publicUrl: BASE });
  const first = await timed(web, '/roles/ai-engineer');
  row('first page in the process (loads vega)', ms(first));
  line(
    'role page, first request (each of 30 more roles)',
    await once(
      web,
      ids.filter((i) => i !== 'ai-engineer').map((id) => `/roles/${id}`),
    ),
  );
  line('index /roles, first request', await once(web, ['/roles']));
  const compares2 = combos(ids, 60, 2).map((p) => `/compare/${p.join('/')}`);
  const compares4 = combos(ids, 30, 4).map((p) => `/compare/${p.join('/')}`);
  const paths = combos(ids, 60, 2).map((p) => `/path/${p.join('/')}`);
  line('compare, 2 roles, first request', await once(web, compares2));
  line('compare, 4 roles, first request', await once(web, compares4));
  line('path, first request', await once(web, paths));
  line(
    'a role page’s first brotli (then kept)',
    await once(
      web,
      ids.map((id) => `/roles/${id}`),
      { 'accept-encoding': 'br' },
    ),
  );

  heading(`Pages: warm, in-process handle() (${WARMUP} warm-up, ${RUNS} timed each; target p99 < 5 ms)`);
  const landingSamples: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const t = performance.now();
    Buffer.from(landingPage([]));
    if (i >= WARMUP) landingSamples.push(performance.now() - t);
  }
  line('baseline: landing page, built per request', landingSamples);
  line('baseline: /robots.txt (the router’s floor)', await warm(web, ['/robots.txt']));
  line('/roles', await warm(web, ['/roles']));
  line(
    '/roles/<id>, all 31 in turn',
    await warm(
      web,
      ids.map((id) => `/roles/${id}`),
    ),
  );
  line(
    '/roles/<id>, brotli',
    await warm(
      web,
      ids.map((id) => `/roles/${id}`),
      { 'accept-encoding': 'gzip, deflate, br' },
    ),
  );
  line(
    '/roles/<id>, 304 on If-None-Match',
    await warm(web, ['/roles/ai-engineer'], { 'if-none-match': (await web.handle({ method: 'GET', url: '/roles/ai-engineer', headers: {} })).headers.etag! }),
  );
  line('/compare, 2 roles', await warm(web, compares2));
  line('/compare, 4 roles', await warm(web, compares4));
  line('/path', await warm(web, paths));
  line('301 /roles/mle (resolver, then redirect)', await warm(web, ['/roles/mle', '/roles/ai-enginer', '/compare/mle/ai-enginer']));
  line('404 /roles/banana-bread (resolver, page)', await warm(web, ['/roles/banana-bread', '/roles/data']));
  line('400 /roles/..%2f..%2fetc%2fpasswd and friends', await warm(web, ['/roles/..%2f..%2fetc%2fpasswd', `/roles/${'a'.repeat(2000)}`, '/compare/a/b/c/d/e']));

  heading('Link-preview pictures (1200×630 PNG): first draw, then cached');
  const pics = createWebPages({ core, publicUrl: BASE });
  row('index picture, first draw (vega already loaded)', ms(await timed(pics, '/og/roles.png')));
  line(
    'role picture, first draw',
    await once(
      pics,
      ids.slice(0, 15).map((id) => `/og/roles/${id}.png`),
    ),
  );
  line(
    'compare picture, first draw',
    await once(
      pics,
      compares2.slice(0, 10).map((p) => `/og${p}.png`),
    ),
  );
  line(
    'role picture, cached',
    await warm(
      pics,
      ids.slice(0, 15).map((id) => `/og/roles/${id}.png`),
    ),
  );
  const size = (await pics.handle({ method: 'GET', url: '/og/roles/ai-engineer.png', headers: {} })).body!.length;
  row('role picture size', `${(size / 1024).toFixed(1)} KB`);

  heading(`Pages over loopback HTTP, keep-alive, ${HTTP_RUNS} sequential GETs each (to the last byte)`);
  const landingHtml = landingPage([]);
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, PAGE_HEADERS);
      res.end(landingHtml);
      return;
    }
    web.listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    line('baseline: landing page /', await overHttp(origin, '/', HTTP_RUNS));
    line('/roles/ai-engineer', await overHttp(origin, '/roles/ai-engineer', HTTP_RUNS));
    line('/roles/ai-engineer, brotli', await overHttp(origin, '/roles/ai-engineer', HTTP_RUNS, { 'accept-encoding': 'br' }));
    line('/compare/ai-engineer/ml-engineer, brotli', await overHttp(origin, '/compare/ai-engineer/ml-engineer', HTTP_RUNS, { 'accept-encoding': 'br' }));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  const sizes = async (url: string) => {
    const plain = (await web.handle({ method: 'GET', url, headers: {} })).body!.length;
    const br = (await web.handle({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })).body!.length;
    return `${(plain / 1024).toFixed(1)} KB, brotli ${(br / 1024).toFixed(1)} KB`;
  };
  row('role page AI Engineer (the largest)', await sizes('/roles/ai-engineer'));
  row('role page ML Engineer', await sizes('/roles/ml-engineer'));
  row('compare page, 2 roles', await sizes('/compare/ai-engineer/ml-engineer'));
}
