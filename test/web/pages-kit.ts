import { expect } from 'vitest';
import { createWebPages, type PageResponse, type WebPages, type WebPagesOptions } from '../../src/platforms/web/site.js';
import { testCore } from '../helpers/core.js';

/** Test kit for the web pages: a site over the bundled data, requests, and readers for what comes back. */
export const BASE = 'https://rolecall.example.org';

export function pages(opts: Partial<WebPagesOptions> = {}): WebPages {
  return createWebPages({ core: testCore(), publicUrl: BASE, ...opts });
}

export interface Answer extends PageResponse {
  text: string;
}

export async function get(web: WebPages, url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const res = await web.handle({ method, url, headers });
  return { ...res, text: res.body?.toString('utf8') ?? '' };
}

/** A `<meta>` tag's content by its name or property, unescaped. */
export function metaOf(html: string, key: string): string | undefined {
  const m = new RegExp(`<meta (?:name|property)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)">`).exec(html);
  return m?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function jsonLdOf(html: string): Record<string, unknown> | undefined {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return m ? (JSON.parse(m[1]!) as Record<string, unknown>) : undefined;
}

export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** The tags and attributes the pages write; anything else in a page came from somewhere else. */
const TAGS = new Set(
  'html head body meta title link style script header nav main footer section div p ul li a span h1 h2 h3 h4 h5 h6 dl dt dd table caption thead tbody tr th td figure figcaption time br'.split(
    ' ',
  ),
);
const ATTRIBUTES = new Set('lang charset name content property rel href class id role tabindex scope aria-labelledby aria-label datetime type'.split(' '));

/**
 * Checks that a page is only RoleCall's own markup: every tag and attribute is one the pages
 * write, every attribute value is quoted and whole, no text holds a raw "<" or ">", and no link
 * is a script. A visitor's text that broke out of its place would fail one of these.
 */
export function expectOnlyOurMarkup(html: string): void {
  // The stylesheet is ours (its hash is in the CSP); the JSON-LD block is checked by its own tests.
  const body = html.replace(/<style>[^<]*<\/style>/, '<style></style>').replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '');
  expect(body.startsWith('<!doctype html>\n')).toBe(true);
  const rest = body.slice('<!doctype html>\n'.length);
  const tag = /<\/?([a-z0-9]+)((?:\s[a-z-]+="[^"<>]*")*)\s*>/y;
  let i = 0;
  while (i < rest.length) {
    const lt = rest.indexOf('<', i);
    const textEnd = lt < 0 ? rest.length : lt;
    expect(rest.slice(i, textEnd)).not.toMatch(/[<>]/);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(rest);
    expect(m, `unexpected markup at: ${rest.slice(lt, lt + 80)}`).not.toBeNull();
    expect(TAGS.has(m![1]!), `unexpected tag <${m![1]}>`).toBe(true);
    for (const [, name, value] of m![2]!.matchAll(/\s([a-z-]+)="([^"]*)"/g)) {
      expect(ATTRIBUTES.has(name!), `unexpected attribute ${name}`).toBe(true);
      if (name === 'href') expect(value!.replace(/\s/g, '')).not.toMatch(/^(?:javascript|data:text|vbscript):/i);
    }
    i = tag.lastIndex;
  }
}
