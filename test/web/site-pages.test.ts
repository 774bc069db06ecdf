import { describe, expect, it } from 'vitest';
import { pagePath, pageUrl } from '../../src/views/page-url.js';
import { jsonForHtml } from '../../src/web/pages.js';
import { testCore } from '../helpers/core.js';
import { CALIBRATION } from '../fixtures/resolve-calibration.js';
import { BASE, get, hrefsOf, jsonLdOf, metaOf, pages } from './pages-kit.js';

const core = testCore();
const web = pages();

describe('the pages', () => {
  it('/roles lists all 31 roles by layer, with difficulty and US and India pay, each linked', async () => {
    const res = await get(web, '/roles');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const role of core.kb.roles) expect(res.text).toContain(`<a href="/roles/${role.id}">${role.number}. `);
    expect(res.text.match(/<section aria-labelledby=/g)).toHaveLength(new Set(core.kb.roles.map((r) => r.layer)).size);
    expect(res.text).toContain('<h2 id="l5-orchestration">L5 Orchestration</h2>');
    expect(res.text).toMatch(/AI Engineer<\/a><\/th><td>Moderate<\/td><td>\$100K–\$350K\+<\/td><td>₹5–12 LPA<\/td><td>₹18–32 LPA<\/td><td>₹35–60\+ LPA<\/td>/);
  });

  it('/roles/ai-engineer has the whole card, the pay chart inline, and everything the commands say about the role', async () => {
    const res = await get(web, '/roles/ai-engineer');
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain('<h1>8. AI Engineer</h1>');
    for (const heading of [
      'Pay',
      'Must-have skills',
      'Nice to have',
      'Key responsibilities',
      'Getting in',
      'Career progression',
      'Related roles',
      'Interview prep',
      'Certifications',
      'Portfolio projects',
      'Hiring',
      'Where sources disagree',
      'AI Engineer deep-dive',
      'Sources',
    ])
      expect(html, heading).toMatch(new RegExp(`<h2 id="[a-z0-9-]+">${heading}</h2>`));
    // The chart is an image named by its numbers; the same figures are in a table.
    expect(html).toMatch(/<svg role="img" aria-label="AI Engineer: pay by level\. [^"]*entry \$100K–\$140K/);
    expect(html).toContain('<caption id="pay-by-level-table">Pay by level</caption>');
    expect(html).toContain('<td>$195K–$350K+</td>');
    // Related roles link to their pages, and to the comparison.
    expect(hrefsOf(html)).toEqual(
      expect.arrayContaining(['/roles/generative-ai-engineer', '/compare/ai-engineer/ml-engineer', '/path/ai-engineer/generative-ai-engineer']),
    );
    // Every deep-dive part, each with its anchor.
    for (const part of ['overview', 'tiers', 'compare', 'pay', 'sources']) expect(html).toContain(`id="deep-dive-${part}"`);
    expect(html).toContain('Data as of <time datetime="2026-03">2026-03</time>');
    // Every in-page link has its target.
    for (const href of hrefsOf(html).filter((h) => h.startsWith('#'))) expect(html, href).toContain(`id="${href.slice(1)}"`);
  });

  it('every role has its page, with its own card and pay chart; only AI Engineer has the deep-dive', async () => {
    for (const role of core.kb.roles) {
      const res = await get(web, `/roles/${role.id}`);
      expect(res.status, role.id).toBe(200);
      expect(res.text).toContain(`<h1>${role.number}. ${role.name.replace(/&/g, '&amp;')}</h1>`);
      expect(res.text).toContain('<svg role="img"');
      expect(res.text.includes('id="deep-dive"')).toBe(role.id === 'ai-engineer');
    }
  });

  it('/compare and /path carry the commands’ answers and their charts', async () => {
    const cmp = await get(web, '/compare/ai-engineer/ml-engineer');
    expect(cmp.status).toBe(200);
    expect(cmp.text).toContain('<h1>AI Engineer vs ML Engineer</h1>');
    expect(cmp.text).toContain('3 of 11 must-have skills shared, 1 partly.');
    expect(cmp.text).toMatch(/<svg role="img" aria-label="AI Engineer vs ML Engineer, pay by level/);
    expect(cmp.text).toContain('<caption id="key-figures-side-by-side-table">Key figures side by side</caption>');
    expect(hrefsOf(cmp.text)).toEqual(expect.arrayContaining(['/roles/ai-engineer', '/roles/ml-engineer']));
    const four = await get(web, '/compare/ai-engineer/ml-engineer/generative-ai-engineer/ai-solutions-architect');
    expect(four.status).toBe(200);
    expect(four.text).toContain('<h1>AI Engineer vs ML Engineer vs Generative AI Engineer vs AI Solutions Architect</h1>');

    const path = await get(web, '/path/prompt-engineer/ai-solutions-architect');
    expect(path.status).toBe(200);
    expect(path.text).toMatch(/<h1 id="[a-z0-9-]+">Prompt Engineer \/ AI Interaction Specialist → AI Solutions Architect<\/h1>/);
    expect(path.text).toMatch(/<svg role="img" aria-label="Career path map, 2 moves/);
    expect(hrefsOf(path.text)).toEqual(expect.arrayContaining(['/compare/prompt-engineer/ai-solutions-architect', '/roles/ai-solutions-architect']));
  });

  it('a name the resolver is sure of redirects (301) to the canonical URL, in any segment', async () => {
    const cases: Array<[string, string]> = [
      ['/roles/ai-enginer', '/roles/ai-engineer'],
      ['/roles/mle', '/roles/ml-engineer'],
      ['/roles/AI%20Engineer', '/roles/ai-engineer'],
      ['/roles/ai-engineer/', '/roles/ai-engineer'],
      ['/roles/', '/roles'],
      ['/compare/mle/ai-enginer', '/compare/ml-engineer/ai-engineer'],
      ['/compare/ai-engineer/ml-engineer/genai-engineer', '/compare/ai-engineer/ml-engineer/generative-ai-engineer'],
      ['/path/prompt-enginer/ai-engineer', '/path/prompt-engineer/ai-engineer'],
    ];
    for (const [from, to] of cases) {
      const res = await get(web, from);
      expect([res.status, res.headers.location], from).toEqual([301, `${BASE}${to}`]);
      expect(res.body).toBeUndefined();
    }
  });

  it('nothing the resolver is unsure of redirects: every query of the calibration set follows the resolver', async () => {
    for (const [query] of CALIBRATION) {
      const res = await get(web, `/roles/${encodeURIComponent(query)}`);
      const resolved = [query, query.replace(/[-_+]+/g, ' ').trim()].map((q) => core.resolve(q)).find((r) => r.status === 'found');
      if (resolved?.status === 'found') {
        if (resolved.role.id === query) expect(res.status, query).toBe(200);
        else expect([res.status, res.headers.location], query).toEqual([301, `${BASE}/roles/${resolved.role.id}`]);
      } else expect([400, 404], query).toContain(res.status);
    }
  });

  it('an ambiguous or unknown name is a 404 with the suggestions linked, keeping the rest of the address', async () => {
    const ambiguous = await get(web, '/roles/data');
    expect(ambiguous.status).toBe(404);
    expect(ambiguous.text).toContain('<h1 id="which-role-did-you-mean">Which role did you mean?</h1>');
    expect(hrefsOf(ambiguous.text)).toEqual(expect.arrayContaining(['/roles/ai-data-engineer', '/roles/data-scientist-genai', '/roles']));
    expect(metaOf(ambiguous.text, 'robots')).toBe('noindex');

    const unknown = await get(web, '/roles/banana-bread');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('No role matches &quot;banana bread&quot;');
    expect(hrefsOf(unknown.text)).toContain('/roles');

    const general = await get(web, '/roles/Data%20Engineer');
    expect(general.status).toBe(404);
    expect(hrefsOf(general.text)).toContain('/roles/ai-data-engineer');

    const inCompare = await get(web, '/compare/ai-engineer/data');
    expect(inCompare.status).toBe(404);
    expect(hrefsOf(inCompare.text)).toEqual(expect.arrayContaining(['/compare/ai-engineer/ai-data-engineer', '/compare/ai-engineer/data-scientist-genai']));
    const twoUnsure = await get(web, '/compare/data/banana');
    expect(hrefsOf(twoUnsure.text)).toContain('/compare/ai-data-engineer/banana');
    const inPath = await get(web, '/path/mle/data');
    expect(hrefsOf(inPath.text)).toContain('/path/ml-engineer/ai-data-engineer');
  });
});

describe('made for sharing', () => {
  const kinds = ['/roles', '/roles/ai-engineer', '/compare/ai-engineer/ml-engineer', '/path/prompt-engineer/ai-solutions-architect'];

  it('every page has its title, Open Graph and Twitter tags, with absolute URLs and a versioned 1200×630 picture', async () => {
    for (const path of kinds) {
      const { text } = await get(web, path);
      expect(text, path).toMatch(/<title>[^<]+ · RoleCall<\/title>/);
      expect(metaOf(text, 'og:title'), path).toBeTruthy();
      expect(metaOf(text, 'og:description')!.length, path).toBeGreaterThan(20);
      expect(metaOf(text, 'og:url')).toBe(`${BASE}${path}`);
      expect(text).toContain(`<link rel="canonical" href="${BASE}${path}">`);
      expect(metaOf(text, 'og:image')).toBe(`${BASE}/og${path}.png?v=${web.snapshot}`);
      expect([metaOf(text, 'og:image:width'), metaOf(text, 'og:image:height')]).toEqual(['1200', '630']);
      expect(metaOf(text, 'twitter:card')).toBe('summary_large_image');
      expect(text.match(/<script/g) ?? [], path).toHaveLength(path.startsWith('/roles/') ? 1 : 0);
    }
  });

  it('role pages carry schema.org Occupation JSON-LD with pay by market, skills and qualifications', async () => {
    const ld = jsonLdOf((await get(web, '/roles/ai-engineer')).text)!;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Occupation',
      name: 'AI Engineer',
      url: `${BASE}/roles/ai-engineer`,
      educationRequirements: "Bachelor's",
      occupationalCategory: { '@type': 'CategoryCode', codeValue: 'L5', name: 'L5 Orchestration' },
    });
    expect(ld.description).toBe(core.kb.role('ai-engineer').summary);
    expect(ld.skills).toEqual(expect.arrayContaining(['Python']));
    expect(typeof ld.qualifications).toBe('string');
    expect(ld.estimatedSalary).toEqual(
      expect.arrayContaining([
        { '@type': 'MonetaryAmountDistribution', name: 'US, entry level', currency: 'USD', duration: 'P1Y', percentile10: 100_000, percentile90: 140_000 },
        { '@type': 'MonetaryAmountDistribution', name: 'India, mid level', currency: 'INR', duration: 'P1Y', percentile10: 1_800_000, percentile90: 3_200_000 },
      ]),
    );
    for (const role of core.kb.roles) expect(jsonLdOf((await get(web, `/roles/${role.id}`)).text)?.name).toBe(role.name);
  });

  it('JSON-LD cannot be broken out of: </script>, comments and line separators are escaped', () => {
    const json = jsonForHtml({ name: '</script><script>alert(1)</script><!-- \u2028 &' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script><!-- \u2028 &' });
  });

  it('serves /sitemap.xml with the index and every role, and /robots.txt pointing to it', async () => {
    const map = await get(web, '/sitemap.xml');
    expect(map.headers['content-type']).toBe('application/xml; charset=utf-8');
    const locs = [...map.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([`${BASE}/roles`, ...core.kb.roles.map((r) => `${BASE}/roles/${r.id}`)]);
    expect(map.text).toContain('<lastmod>2026-03</lastmod>');
    const robots = await get(web, '/robots.txt');
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(robots.text).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(robots.text).toContain('Disallow: /slack/');
  });

  it('a public URL with a path prefix is kept in every link, redirect and tag', async () => {
    const prefixed = pages({ publicUrl: 'https://example.org/rolecall/' });
    const page = await get(prefixed, '/roles/ai-engineer');
    expect(metaOf(page.text, 'og:url')).toBe('https://example.org/rolecall/roles/ai-engineer');
    expect(hrefsOf(page.text)).toContain('/rolecall/roles/ml-engineer');
    expect((await get(prefixed, '/roles/mle')).headers.location).toBe('https://example.org/rolecall/roles/ml-engineer');
  });
});

describe('page URLs', () => {
  it('gives each page’s canonical URL under the public base URL', () => {
    expect(pageUrl('https://rolecall.example.org', { kind: 'role', role: 'ai-engineer' })).toBe('https://rolecall.example.org/roles/ai-engineer');
    expect(pageUrl('https://rolecall.example.org/', { kind: 'roles' })).toBe('https://rolecall.example.org/roles');
    expect(pageUrl('https://x.org/pages/?a=1#top', { kind: 'compare', roles: ['ai-engineer', 'ml-engineer'] })).toBe(
      'https://x.org/pages/compare/ai-engineer/ml-engineer',
    );
    expect(pageUrl(new URL('http://localhost:3000'), { kind: 'path', from: 'prompt-engineer', to: 'ai-engineer' })).toBe(
      'http://localhost:3000/path/prompt-engineer/ai-engineer',
    );
    expect(pagePath({ kind: 'compare', roles: ['a', 'b', 'c'] })).toBe('/compare/a/b/c');
  });
});
