import slackOAuth from '@slack/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatformClients } from '../../src/cli/spotlight-clients.js';
import { SLACK_BOT_SCOPES } from '../../src/platforms/slack/oauth.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { notice } from '../../src/views/cards/notice.js';
import { testCore } from '../helpers/core.js';
import { InstallHarness, STATE_SECRET } from './install-harness.js';

let h: InstallHarness;

beforeAll(async () => {
  // Debug level: the WebClient then logs whole API results, oauth.v2.access's token included.
  h = await InstallHarness.start(testCore(), { logLevel: 'debug', spotlight: true });
  h.addWorkspace('T0ALPHA', { teamName: 'Alpha Community' });
  h.addWorkspace('T0BETA', { teamName: 'Beta Guild' });
});
afterAll(async () => {
  await h?.close();
});

describe('"Add to Slack"', () => {
  it('serves the landing page with Add to Slack, and Add to server and Add to my apps for Discord', async () => {
    const res = await fetch(`${h.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<a class="button slack" href="/slack/install">Add to Slack</a>');
    expect(html).toMatch(
      /href="https:\/\/discord.com\/[^"]*oauth2\/authorize\?client_id=123456789012345678&amp;scope=bot[^"]*permissions=309237730304&amp;integration_type=0">Add to server</,
    );
    // The user install grants only applications.commands: no bot, no permissions.
    expect(html).toContain(
      'href="https://discord.com/api/v10/oauth2/authorize?client_id=123456789012345678&amp;scope=applications.commands&amp;integration_type=1">Add to my apps<',
    );
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<script/i);
  });

  it('/slack/install redirects to the authorize URL with the scopes, client id, signed state and a state cookie', async () => {
    const res = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(`${url.origin}${url.pathname}`).toBe(h.api.authorizeUrl);
    expect(url.searchParams.get('client_id')).toBe('1234567890.0987654321');
    expect(url.searchParams.get('scope')).toBe(SLACK_BOT_SCOPES.join(','));
    const state = url.searchParams.get('state')!;
    expect(state.split('.')).toHaveLength(3);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('slack-app-oauth-state='));
    expect(cookie).toContain(`slack-app-oauth-state=${state}`);
    // Sent back on Slack's top-level redirect, and on no cross-site subrequest.
    expect(cookie).toMatch(/; SameSite=Lax(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/);
  });

  it('a correctly signed state issued in the future gets the 400 page, before any code exchange', async () => {
    const exchanges = h.api.callsTo('oauth.v2.access').length;
    const future = await new slackOAuth.ClearStateStore(STATE_SECRET).generateStateParam({ scopes: [...SLACK_BOT_SCOPES] }, new Date(Date.now() + 3_600_000));
    const res = await fetch(`${h.base}/slack/oauth_redirect?code=whatever&state=${encodeURIComponent(future)}`, {
      headers: { cookie: `slack-app-oauth-state=${future}` },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This install link has expired');
    expect(h.api.callsTo('oauth.v2.access').length).toBe(exchanges);
  });

  it('installs a workspace: success page, sealed tokens in the store, and its requests use its own token', async () => {
    const done = await h.install('T0ALPHA');
    expect(done.status).toBe(200);
    expect(done.html).toContain('RoleCall is installed to <strong>Alpha Community</strong>');
    expect(done.html).toContain('/role AI Engineer');

    const token = h.api.oauth.tokenOf('T0ALPHA')!;
    expect(token).toMatch(/^xoxb-T0ALPHA-/);
    // At rest: the row names the workspace, but the token is nowhere in the database file's rows.
    const record = await h.service.store.slackInstallations.get('T0ALPHA');
    expect(record).toMatchObject({
      workspaceId: 'T0ALPHA',
      botUserId: h.api.oauth.workspaces.get('T0ALPHA')!.botUserId,
      scopes: [...SLACK_BOT_SCOPES],
    });
    expect(record!.sealed).toMatch(/^v1\./);
    const dump = JSON.stringify((h.service.store as SqliteStore).db.prepare('SELECT * FROM slack_installations').all());
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(-24));

    // A mention in that workspace is answered with chat.postMessage under its own token.
    h.api.calls.clear();
    const sender = h.sender('T0ALPHA');
    const ws = h.api.oauth.workspaces.get('T0ALPHA')!;
    await sender.mention({ text: `<@${ws.botUserId}> AI Engineer vs ML Engineer`, channel: 'C0ALPHA' });
    const [post] = await h.api.waitForCall('chat.postMessage');
    expect(post!.headers.authorization).toBe(`Bearer ${token}`);
    expect(post!.body.channel).toBe('C0ALPHA');

    // The Home tab, likewise.
    await sender.homeOpened('U0MEMBER');
    const [home] = await h.api.waitForCall('views.publish');
    expect(home!.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('a slash command from the installed workspace is answered, its Web API calls under its token', async () => {
    const sender = h.sender('T0ALPHA');
    h.api.setUser('U0ADMIN', { isAdmin: true });
    h.api.calls.clear();
    const sent = await sender.command('/spotlight', 'subscribe monday 09:00', { userId: 'U0ADMIN', channelId: 'C0SPOT' });
    expect(sent.status).toBe(200);
    const [answer] = await h.responses.waitFor(sent.responseId);
    expect(JSON.stringify(answer!.body)).toMatch(/Subscribed|subscribed/);
    const calls = h.api.calls.items;
    expect(calls.map((c) => c.method)).toEqual(expect.arrayContaining(['users.info', 'chat.postEphemeral']));
    for (const call of calls) expect(call.headers.authorization).toBe(`Bearer ${h.api.oauth.tokenOf('T0ALPHA')}`);
  });

  it('a workspace that never installed RoleCall gets no answer and no Web API call', async () => {
    h.api.calls.clear();
    const sent = await h.sender('T0BETA').command('/role', 'AI Engineer');
    expect(sent.status).toBe(200);
    await expect(h.responses.waitFor(sent.responseId, { timeoutMs: 500 })).rejects.toThrow(/timed out/);
    // Calls the previous test's workspace may still be finishing (a chart upload) carry its own token.
    const alpha = `Bearer ${h.api.oauth.tokenOf('T0ALPHA')}`;
    expect(h.api.calls.items.filter((c) => c.headers.authorization !== alpha)).toEqual([]);
    await h.logs.waitFor((l) => l.msg === 'slack request from a workspace without an installation ignored' && String(l.reason).includes('T0BETA'));
  });

  it('a stray visit to the redirect (no state, no code) is a 400 page and one warning: no stack, one component key', async () => {
    const from = h.rawLog.length;
    const stray = await fetch(`${h.base}/slack/oauth_redirect`);
    expect(stray.status).toBe(400);
    expect(await stray.text()).toContain('This install link has expired');
    await h.logs.waitFor((l) => l.msg === 'slack install failed');
    const lines = h.rawLog.slice(from).split('\n').filter(Boolean);
    const warning = lines.find((l) => l.includes('"msg":"slack install failed"'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 40, component: 'slack-install', kind: 'state', status: 400 });
    // The raw line, as a log shipper reads it: JSON.parse would hide a repeated key.
    expect(warning!.match(/"component":/g)).toHaveLength(1);
    for (const line of lines) {
      expect(line).not.toMatch(/"stack"|"level":50/);
      expect(line.match(/"component":/g)?.length ?? 0, line).toBeLessThanOrEqual(1);
    }
  });

  it('a forged state gets a 400 page, and so does a state used twice', async () => {
    const forged = await fetch(`${h.base}/slack/oauth_redirect?code=whatever&state=${encodeURIComponent('eyJhbGciOiJIUzI1NiJ9.e30.forged')}`, {
      headers: { cookie: 'slack-app-oauth-state=eyJhbGciOiJIUzI1NiJ9.e30.forged' },
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('This install link has expired');

    const first = await h.install('T0BETA');
    expect(first.status).toBe(200);
    // The same redirect replayed, cookie and all: the state was spent.
    const replay = await fetch(first.callbackUrl, { headers: { cookie: first.cookie } });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This install link has expired');
    expect(STATE_SECRET).not.toBe('');
  });

  it('a denied consent gets a clear page and stores nothing', async () => {
    h.addWorkspace('T0GAMMA');
    const denied = await h.install('T0GAMMA', 'deny');
    expect(denied.status).toBe(403);
    expect(denied.html).toContain('RoleCall was not installed');
    expect(await h.service.store.slackInstallations.get('T0GAMMA')).toBeUndefined();
  });

  it('a failed token exchange gets a 502 page and stores nothing', async () => {
    h.addWorkspace('T0DELTA');
    h.api.oauth.failNextExchange('invalid_code');
    const failed = await h.install('T0DELTA');
    expect(failed.status).toBe(502);
    expect(failed.html).toContain('Slack did not complete the install');
    expect(await h.service.store.slackInstallations.get('T0DELTA')).toBeUndefined();
  });

  it('declines an Enterprise Grid org-wide install with a clear page and revokes its token', async () => {
    h.addWorkspace('E0GRID', { enterpriseId: 'E0GRID', orgWide: true });
    const org = await h.install('E0GRID');
    expect(org.status).toBe(403);
    expect(org.html).toContain('not the whole organisation');
    expect(h.api.callsTo('auth.revoke')).toHaveLength(1);
    expect(h.api.oauth.tokenOf('E0GRID')).toBeUndefined();
    expect(await h.service.store.slackInstallations.count()).toBe(2);
  });

  it('never writes a token, the client secret or the encryption key to the log', () => {
    expect(h.rawLog.length).toBeGreaterThan(0);
    expect(h.rawLog).toContain('oauth.v2.access');
    expect(h.rawLog).not.toMatch(/xoxb-T0[A-Z]+-[0-9a-f]{6,}/);
    for (const revoked of h.api.oauth.revoked) expect(h.rawLog).not.toContain(revoked);
    expect(h.rawLog).not.toContain('fake-client-secret-for-tests');
    expect(h.rawLog).not.toContain(h.encryptionKey);
  });

  it('the spotlight CLI (cron) posts to an installed workspace with its own token, and refuses others', async () => {
    const clients = await openPlatformClients(h.env, ['slack'], h.service.store, { maxPerSecond: { slack: null } });
    expect(clients.unconfigured).toEqual([]);
    const [poster] = clients.posters;
    h.api.calls.clear();
    const view = notice('This week: AI Engineer', 'The weekly role spotlight.', 'info');
    const signal = new AbortController().signal;
    const sent = await poster!.post({ platform: 'slack', workspaceId: 'T0ALPHA', channelId: 'C0CRON' }, view, 'claim-1', { signal });
    expect(sent.ok).toBe(true);
    const [post] = await h.api.waitForCall('chat.postMessage');
    expect(post!.headers.authorization).toBe(`Bearer ${h.api.oauth.tokenOf('T0ALPHA')}`);
    const missing = await poster!.post({ platform: 'slack', workspaceId: 'T0NOWHERE', channelId: 'C0X' }, view, 'claim-2', { signal });
    expect(missing).toEqual({ ok: false, kind: 'permanent', reason: 'RoleCall is not installed in this Slack workspace' });
    expect(await clients.canPost({ platform: 'slack', workspaceId: 'T0NOWHERE', channelId: 'C0X' })).toMatchObject({ ok: false });
    clients.close();
  });

  it('the store survives a restart: installations open again with the same key', async () => {
    const store = SqliteStore.open(h.env.ROLECALL_DB);
    try {
      expect(await store.slackInstallations.count()).toBe(2);
    } finally {
      await store.close();
    }
  });
});
