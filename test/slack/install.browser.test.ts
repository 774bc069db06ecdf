import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium, reportMissingChromium } from '../helpers/chromium.js';
import { testCore } from '../helpers/core.js';
import { InstallHarness } from './install-harness.js';

/**
 * "Add to Slack" in a real browser: headless Chromium with JavaScript turned off, so the pages
 * prove they need none (see test/helpers/chromium.ts for when it runs).
 */
reportMissingChromium();

describe.runIf(haveChromium)('"Add to Slack" in headless Chromium', () => {
  let h: InstallHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await InstallHarness.start(testCore(), { spotlight: true });
    h.addWorkspace('T0BROWSER', { teamName: 'Browser Club' });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('/ → Add to Slack → consent → success page; the workspace is then answered with its own token', async () => {
    // A phone-sized window, no JavaScript.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    try {
      await page.goto(`${h.base}/`);
      await expect(page.title()).resolves.toContain('RoleCall');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('RoleCall');
      // Readable on a phone: nothing wider than the screen.
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
      const discord = page.getByRole('link', { name: 'Add to server' });
      expect(await discord.getAttribute('href')).toContain('client_id=123456789012345678');
      expect(await page.getByRole('link', { name: 'Add to my apps' }).getAttribute('href')).toContain('integration_type=1');

      await page.getByRole('link', { name: 'Add to Slack' }).click();
      // Bolt's installer redirected to the fake Slack's consent page.
      await page.waitForURL((url) => url.href.startsWith(h.api.authorizeUrl));
      await page.getByLabel('Workspace').selectOption('T0BROWSER');
      await page.getByRole('button', { name: 'Allow' }).click();

      await page.waitForURL((url) => url.pathname === '/slack/oauth_redirect');
      const heading = await page.getByRole('heading', { level: 1 }).textContent();
      expect(heading).toBe('RoleCall is installed to Browser Club');
      expect(await page.textContent('main')).toContain('/role AI Engineer');
    } finally {
      await context.close();
    }

    const token = h.api.oauth.tokenOf('T0BROWSER');
    expect(token).toMatch(/^xoxb-T0BROWSER-/);
    expect((await h.service.store.slackInstallations.get('T0BROWSER'))?.sealed).not.toContain(token!);

    // A signed slash command from that workspace, answered with its own token.
    h.api.setUser('U0BROWSERADMIN', { isAdmin: true });
    h.api.calls.clear();
    const sent = await h.sender('T0BROWSER').command('/spotlight', 'subscribe friday 10:00 Europe/Paris', { userId: 'U0BROWSERADMIN', channelId: 'C0BROWSER' });
    expect(sent.status).toBe(200);
    const [answer] = await h.responses.waitFor(sent.responseId);
    expect(JSON.stringify(answer!.body)).toMatch(/Subscribed/i);
    const [check] = await h.api.waitForCall('users.info');
    expect(check!.headers.authorization).toBe(`Bearer ${token}`);
    expect(check!.teamId).toBe('T0BROWSER');
  });

  it('a denied consent ends on a friendly page, in the browser too', async () => {
    h.addWorkspace('T0SHY', { teamName: 'Shy Club' });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${h.base}/`);
      await page.getByRole('link', { name: 'Add to Slack' }).click();
      await page.waitForURL((url) => url.href.startsWith(h.api.authorizeUrl));
      await page.getByLabel('Workspace').selectOption('T0SHY');
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/slack/oauth_redirect'),
        page.getByRole('button', { name: 'Cancel' }).click(),
      ]);
      expect(response.status()).toBe(403);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('RoleCall was not installed');
      expect(await h.service.store.slackInstallations.get('T0SHY')).toBeUndefined();
    } finally {
      await context.close();
    }
  });
});
