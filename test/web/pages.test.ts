import { describe, expect, it } from 'vitest';
import { escapeHtml, installedPage, installFailedPage, landingPage, PAGE_HEADERS } from '../../src/web/pages.js';

describe('public pages', () => {
  it('the landing page shows only the install buttons that are configured', () => {
    const both = landingPage([
      { platform: 'slack', label: 'Add to Slack', href: '/slack/install' },
      { platform: 'discord', label: 'Add to Discord', href: 'https://discord.com/oauth2/authorize?client_id=1&scope=bot' },
    ]);
    expect(both).toContain('>Add to Slack</a>');
    expect(both).toContain('href="https://discord.com/oauth2/authorize?client_id=1&amp;scope=bot"');
    const discordOnly = landingPage([{ platform: 'discord', label: 'Add to Discord', href: 'https://discord.com/x' }]);
    expect(discordOnly).not.toContain('Add to Slack');
    expect(landingPage([])).toContain('not set up for installs yet');
  });

  it('every page is a complete, phone-ready document in English, with no script', () => {
    for (const html of [
      landingPage([]),
      installedPage({}),
      installFailedPage('state'),
      installFailedPage('denied'),
      installFailedPage('exchange'),
      installFailedPage('org_install'),
    ]) {
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).toMatch(/<title>[^<]+<\/title>/);
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html).not.toMatch(/<script|javascript:|\son\w+=/i);
    }
    expect(PAGE_HEADERS['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('escapes what it did not write itself', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    const html = installedPage({ workspaceName: '<script>alert(1)</script>' });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('each failure says what happened and links back to the start', () => {
    expect(installFailedPage('state')).toContain('This install link has expired');
    expect(installFailedPage('denied')).toContain('nothing was installed');
    expect(installFailedPage('exchange')).toContain('Slack did not confirm the installation');
    expect(installFailedPage('org_install')).toContain('organisation-wide installs');
    for (const kind of ['state', 'denied', 'exchange', 'org_install', 'unknown'] as const)
      expect(installFailedPage(kind)).toContain('<a href="/">Back to RoleCall</a>');
  });
});
