/**
 * RoleCall's few public web pages: the landing page at `/` (Add to Slack, Add to Discord) and
 * the pages an install ends on. Plain server-rendered HTML with one small inline stylesheet: no
 * script, no build step, readable on a phone, and every interpolated string escaped.
 */

import { createHash } from 'node:crypto';

/** An install button on the landing page: each platform gives its own ("Add to Slack", "Add to Discord"). */
export interface LandingLink {
  label: string;
  href: string;
}

/** A button as the page shows it: styled after its platform (`slack`, `discord`; others get the plain style). */
export interface LandingButton extends LandingLink {
  platform: string;
}

/**
 * The Content-Security-Policy of a page whose only styles are the given inline stylesheets:
 * each is allowed by its hash, so no other style, and no script at all, can run. A
 * `<script type="application/ld+json">` block is data the browser never executes, so it needs
 * no permission.
 */
export function pageCsp(styleSheets: readonly string[]): string {
  const hashes = styleSheets.map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`).join(' ');
  return `default-src 'none'; style-src ${hashes}; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` as \u escapes, so no
 * string in it can close the element ("</script>") or open a comment, and U+2028/U+2029 escaped too.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Colours meet WCAG AA contrast: #1d3557 on white is 12:1, white on #1d3557 likewise.
const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
  main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
  h1 { font-size: 1.9rem; line-height: 1.2; color: #1d3557; margin: 0.5rem 0 1rem; }
  h2 { font-size: 1.25rem; color: #1d3557; margin-top: 2rem; }
  a { color: #0b4f8a; }
  a:focus-visible { outline: 3px solid #f4a261; outline-offset: 2px; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1.5rem 0; }
  .button { display: inline-block; padding: 0.75rem 1.25rem; border-radius: 0.4rem; font-weight: 600; text-decoration: none; min-height: 1.5rem; background: #fff; color: #1d3557; border: 2px solid #1d3557; }
  .slack { background: #1d3557; color: #fff; border: 0; }
  code { background: #f1f3f5; padding: 0.1rem 0.3rem; border-radius: 0.2rem; font-size: 0.95em; }
  .note { color: #444; font-size: 0.95rem; }
`;

/** Sent with every page: no script may run, nothing may frame or submit it elsewhere. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': pageCsp([STYLE]),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The page at `/`: what RoleCall does, and the install buttons of the platforms set up for installs. */
export function landingPage(buttons: readonly LandingButton[]): string {
  const links = buttons.map((b) => `<a class="button ${escapeHtml(b.platform)}" href="${escapeHtml(b.href)}">${escapeHtml(b.label)}</a>`);
  const install = links.length
    ? `<nav class="actions" aria-label="Install RoleCall">${links.join('\n')}</nav>`
    : '<p class="note">This RoleCall server is not set up for installs yet.</p>';
  return page(
    'RoleCall: AI career roles in your community chat',
    `<h1>RoleCall</h1>
<p>RoleCall answers the questions AI-career communities ask every day, right in the chat: what an AI Engineer actually does, how it differs from an ML Engineer, what it pays in the US and in India, and how to get from one role to another.</p>
${install}
<h2>What it does</h2>
<ul>
<li><code>/role AI Engineer</code>: the role card, with pay, skills and how to get in.</li>
<li><code>/compare AI Engineer vs ML Engineer</code>: two to four roles side by side.</li>
<li><code>/path Prompt Engineer to AI Solutions Architect</code>: a career path, step by step.</li>
<li><code>/spotlight subscribe</code>: one role a week in a channel.</li>
</ul>
<p class="note">31 GenAI career roles across a 6-layer AI stack. Installing asks only for the permissions these commands need.</p>`,
  );
}

export function installedPage(opts: { workspaceName?: string }): string {
  const where = opts.workspaceName ? ` to <strong>${escapeHtml(opts.workspaceName)}</strong>` : '';
  return page(
    'RoleCall is installed',
    `<h1>RoleCall is installed${where}</h1>
<p>Try it now: in any channel, type <code>/role AI Engineer</code>. <code>/help</code> lists every command.</p>
<p>For a weekly role spotlight, invite RoleCall to a channel with <code>/invite @RoleCall</code>, then type <code>/spotlight subscribe</code> there.</p>
<p><a href="/">Back to RoleCall</a></p>`,
  );
}

export type InstallFailure = 'state' | 'denied' | 'exchange' | 'org_install' | 'unknown';

const FAILURES: Record<InstallFailure, { title: string; text: string }> = {
  state: {
    title: 'This install link has expired',
    text: 'The link was already used, is more than ten minutes old, or was opened in a different browser. Nothing was installed. Start again from the Add to Slack button.',
  },
  denied: {
    title: 'RoleCall was not installed',
    text: 'You chose not to allow RoleCall in your workspace, so nothing was installed. You can add it any time from the Add to Slack button.',
  },
  exchange: {
    title: 'Slack did not complete the install',
    text: 'Slack did not confirm the installation, so nothing was installed. Please try again in a minute; if it keeps failing, tell the people who run this RoleCall server.',
  },
  org_install: {
    title: 'Install RoleCall in a workspace, not the whole organisation',
    text: 'RoleCall does not support organisation-wide installs on Enterprise Grid yet, so nothing was installed. Ask an admin to add it to each workspace that wants it.',
  },
  unknown: {
    title: 'The install did not finish',
    text: 'Something went wrong on our side and nothing was installed. Please start again from the Add to Slack button.',
  },
};

export function installFailedPage(kind: InstallFailure): string {
  const { title, text } = FAILURES[kind];
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>\n<p><a href="/">Back to RoleCall</a></p>`);
}
