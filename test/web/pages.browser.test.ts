import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebPages } from '../../src/platforms/web/site.js';
import { haveChromium, launchChromium, reportMissingChromium } from '../helpers/chromium.js';
import { testCore } from '../helpers/core.js';

/**
 * The pages in a real browser: headless Chromium, JavaScript off (the pages need none), checked
 * by axe-core (injected over the DevTools protocol, which the pages' CSP does not govern), at a
 * phone's width, in both colour schemes. `ROLECALL_SCREENSHOT=1` also refreshes the README's
 * screenshot of a role page (docs/images/role-page.png); otherwise it is taken to a temp file.
 */
reportMissingChromium();

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = [
  '/roles',
  '/roles/ai-engineer',
  '/compare/ai-engineer/ml-engineer/generative-ai-engineer',
  '/path/prompt-engineer/ai-solutions-architect',
  '/roles/data',
];
const PHONE = { width: 390, height: 844 };

async function axe(page: Page): Promise<AxeResults> {
  await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })`)) as AxeResults;
}

describe.runIf(haveChromium)('the pages in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const web = createWebPages({ core: testCore(), publicUrl: origin });
    server.on('request', web.listener);
    await web.warm();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(path: string, opts: BrowserContextOptions = {}): Promise<{ page: Page; console: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, ...opts });
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    const res = await page.goto(`${origin}${path}`);
    expect(res?.status(), path).toBe(path === '/roles/data' ? 404 : 200);
    return { page, console, close: () => context.close() };
  }

  // axe needs script (its checks run on timers), so these contexts allow it; the pages have none.
  for (const scheme of ['light', 'dark'] as const) {
    for (const path of PAGES) {
      it(`axe finds no serious or critical violation on ${path} (${scheme})`, { timeout: 120_000 }, async () => {
        const { page, close } = await open(path, { colorScheme: scheme, javaScriptEnabled: true });
        try {
          const results = await axe(page);
          const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
          // The rules that matter here did run, and passed.
          const passed = new Set(results.passes.map((p) => p.id));
          const rules = ['color-contrast', 'landmark-one-main', 'page-has-heading-one', 'document-title', 'html-has-lang', 'region'];
          if (path !== '/roles' && path !== '/roles/data') rules.push('svg-img-alt');
          expect(rules.filter((r) => !passed.has(r))).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }

  it('at 390 px nothing scrolls sideways, the stylesheet applies under the CSP, and nothing is refused', async () => {
    for (const path of PAGES) {
      const { page, console, close } = await open(path);
      try {
        expect(Number(await page.evaluate('document.documentElement.scrollWidth')), path).toBeLessThanOrEqual(PHONE.width);
        // The hashed stylesheet ran: the page's main column has its width and colour scheme.
        expect(await page.evaluate(`getComputedStyle(document.querySelector('main')).maxWidth`), path).toBe('832px');
        expect(
          console.filter((m) => /Content Security Policy|Refused/i.test(m)),
          path,
        ).toEqual([]);
        // A wide table scrolls inside its own box, and the box takes the keyboard's focus.
        const boxes = (await page.evaluate(
          `[...document.querySelectorAll('.table-wrap')].map((b) => ({ wide: b.scrollWidth > b.clientWidth, tab: b.tabIndex }))`,
        )) as Array<{ wide: boolean; tab: number }>;
        expect(
          boxes.every((b) => b.tab === 0),
          path,
        ).toBe(true);
      } finally {
        await close();
      }
    }
  });

  it('the chart scales to the screen and its numbers are in the table beside it', async () => {
    const { page, close } = await open('/roles/ai-engineer');
    try {
      const svg = (await page.evaluate(`(() => { const s = document.querySelector('figure svg'); const r = s.getBoundingClientRect();
        return { width: r.width, name: s.getAttribute('aria-label'), role: s.getAttribute('role') }; })()`)) as { width: number; name: string; role: string };
      expect(svg.role).toBe('img');
      expect(svg.width).toBeLessThanOrEqual(PHONE.width);
      expect(svg.name).toContain('$195K–$350K+');
      expect(await page.getByRole('table', { name: 'Pay by level' }).textContent()).toContain('$195K–$350K+');
    } finally {
      await close();
    }
  });

  it('the keyboard reaches a skip link first, and focus is visible', async () => {
    const { page, close } = await open('/roles/ai-engineer');
    try {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(`(() => { const a = document.activeElement; const s = getComputedStyle(a);
        return { text: a.textContent, outline: s.outlineStyle, width: s.outlineWidth }; })()`)) as { text: string; outline: string; width: string };
      expect(focused).toEqual({ text: 'Skip to the content', outline: 'solid', width: '3px' });
      await page.keyboard.press('Enter');
      // Following the link is a navigation Chromium finishes after the key press returns.
      await page.waitForFunction("location.hash === '#main'", undefined, { timeout: 5000 }).catch(() => undefined);
      expect(new URL(page.url()).hash).toBe('#main');
    } finally {
      await close();
    }
  });

  it('prints without the navigation, in black on white', async () => {
    const { page, close } = await open('/roles/ai-engineer', { colorScheme: 'dark' });
    try {
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(`getComputedStyle(document.querySelector('.toc')).display`)).toBe('none');
      expect(await page.evaluate(`getComputedStyle(document.body).backgroundColor`)).toBe('rgb(255, 255, 255)');
    } finally {
      await close();
    }
  });

  it('takes the README’s screenshot of a role page, small', async () => {
    const { page, close } = await open('/roles/ai-engineer', { viewport: { width: 900, height: 1100 } });
    try {
      const file = process.env.ROLECALL_SCREENSHOT === '1' ? join('docs', 'images', 'role-page.png') : join(tmpdir(), `rolecall-role-page-${process.pid}.png`);
      const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 900, height: 1100 }, fullPage: true });
      writeFileSync(file, shot);
      const png = PNG.sync.read(shot);
      expect([png.width, png.height]).toEqual([900, 1100]);
      expect(shot.length).toBeLessThan(400_000);
    } finally {
      await close();
    }
  });
});
