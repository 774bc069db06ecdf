import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/web/pages.js';
import { HOSTILE_TEXT, MARK } from '../fixtures/hostile-input.js';
import { expectOnlyOurMarkup, get, pages } from './pages-kit.js';

const web = pages();

describe('bad input', () => {
  it('gets a 400 or 404 page, never a 500 or a file', async () => {
    const cases: Array<[url: string, status: number]> = [
      ['/roles/..%2f..%2fetc%2fpasswd', 404],
      ['/roles/..%2F..%2F..%2Fetc%2Fpasswd', 404],
      ['/roles/../../etc/passwd', 404],
      ['/roles/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 404],
      ['/og/roles/..%2f..%2fetc%2fpasswd.png', 404],
      ['/roles/ai%00engineer', 400],
      ['/roles/ai\u0000engineer', 400],
      ['/compare/ai-engineer/ml%00', 400],
      [`/roles/${'a'.repeat(2000)}`, 400],
      [`/compare/ai-engineer/${'x'.repeat(2000)}`, 400],
      [`/roles/${'a'.repeat(5000)}`, 400],
      ['/compare/ai-engineer/ml-engineer/rag-engineer/llm-engineer/nlp-engineer', 400],
      ['/compare/a/b/c/d/e/f/g/h', 400],
      ['/compare/ai-engineer', 400],
      ['/compare/ai-engineer/ai-engineer', 400],
      ['/compare/mle/ml-engineer', 400],
      ['/compare/ai-engineer/ml-engineer/ai-enginer', 400],
      ['/path/ai-engineer/ai-engineer', 400],
      ['/path/ai-engineer/ai-enginer', 400],
      ['/path/ai-engineer', 400],
      ['/path/a/b/c', 400],
      ['/roles/%E0%A4%A', 400],
      ['/roles/%zz', 400],
      ['/roles/ai-engineer?q=<script>alert(1)</script>', 400],
      ['/roles/ai-engineer?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 400],
      ['/roles?"><img src=x onerror=alert(1)>', 400],
      ['/compare/ai-engineer/ml-engineer?x=%22%3E%3Csvg%20onload%3Dalert(1)%3E', 400],
      ['/roles/ai-engineer?%E0%A4%A', 400],
      ['/roles/ai-engineer/extra', 404],
      ['/roles//', 404],
      ['/compare//ml-engineer', 404],
      ['/roles/%20', 404],
      ['//roles', 404],
      ['/etc/passwd', 404],
      ['/og/../../etc/passwd', 404],
    ];
    for (const [url, status] of cases) {
      const res = await get(web, url);
      expect(res.status, url).toBe(status);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.text, url).not.toMatch(/root:|\/bin\/(?:ba)?sh/);
      expectOnlyOurMarkup(res.text);
    }
  });

  it('a query with nothing hostile in it is ignored, so shared links with tracking tags still work', async () => {
    for (const url of ['/roles/ai-engineer?utm_source=slack&utm_medium=share', '/roles?ref=a+b', '/roles/ai-engineer?fbclid=IwAR3x-y_z']) {
      expect((await get(web, url)).status, url).toBe(200);
    }
    // Nothing of the query reaches a redirect.
    expect((await get(web, '/roles/mle?utm_source=x')).headers.location).toBe('https://rolecall.example.org/roles/ml-engineer');
  });

  it('other methods get a 405 naming the ones allowed', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']) {
      const res = await get(web, '/roles/ai-engineer', {}, method);
      expect([res.status, res.headers.allow], method).toEqual([405, 'GET, HEAD']);
    }
  });

  it('nothing a visitor typed is ever reflected unescaped: the hostile corpus in every place a role goes', async () => {
    let quoted = 0;
    for (const text of HOSTILE_TEXT) {
      const seg = encodeURIComponent(text);
      const urls = [
        `/roles/${seg}`,
        `/compare/${seg}/ai-engineer`,
        `/compare/ai-engineer/${seg}`,
        `/compare/${seg}/${seg}/banana`,
        `/path/${seg}/ai-engineer`,
        `/path/ai-engineer/${seg}`,
        `/og/roles/${seg}.png`,
      ];
      for (const url of [`/roles/ai-engineer?q=${seg}`, `/roles/ai-engineer?${text}`]) {
        // A query full of markup is refused; any other is ignored: never part of the page.
        const res = await get(web, url);
        expect(res.status, url).toBe(/[<>"'`\\]/.test(text) ? 400 : 200);
        expect(res.text, url).not.toContain(MARK);
      }
      for (const url of urls) {
        const res = await get(web, url);
        expect([301, 400, 404], url).toContain(res.status);
        if (res.status === 301) expect(res.headers.location, url).toMatch(/^https:\/\/rolecall\.example\.org\/(?:roles|compare|path)(?:\/[a-z0-9-]+)+$/);
        else {
          expectOnlyOurMarkup(res.text);
          // Text with nothing to escape may come back as it is; anything with markup characters may not.
          if (/[<>"'&]/.test(text)) expect(res.text, url).not.toContain(text);
          if (res.text.includes(MARK)) quoted++;
        }
        for (const value of Object.values(res.headers)) expect(value, url).not.toContain(MARK);
      }
    }
    // The 404s do quote what was typed (escaped), so the check above is not vacuous.
    expect(quoted).toBeGreaterThan(HOSTILE_TEXT.length);
    const res = await get(web, `/roles/${encodeURIComponent(`<b>${MARK}</b>`)}`);
    expect(res.text).toContain(escapeHtml(`<b>${MARK}</b>`));
  });
});
