import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Slack's side of "Add to Slack", as documented for OAuth v2
 * (https://docs.slack.dev/authentication/installing-with-oauth):
 * - GET /oauth/v2/authorize?client_id&scope&state[&redirect_uri][&team] shows a consent page
 *   (plain HTML: pick a workspace, Allow or Cancel);
 * - Allow redirects to redirect_uri?code=…&state=…, Cancel to redirect_uri?error=access_denied&state=…;
 *   without a redirect_uri Slack uses the app's configured Redirect URL (`redirectUrl` here);
 * - POST /api/oauth.v2.access exchanges the code (single use, 10 minutes) for a bot token,
 *   with client_id and client_secret in the form body or HTTP Basic auth.
 */

export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botUserId: string;
  botId: string;
  enterpriseId?: string;
  /** Consent for the whole Enterprise Grid organisation (an org-wide install). */
  orgWide?: boolean;
}

export interface OAuthAppConfig {
  clientId: string;
  clientSecret: string;
  appId?: string;
  /** The app's configured Redirect URL: used when the authorize request names none. */
  redirectUrl?: string;
}

interface Grant {
  teamId: string;
  scopes: string;
  redirectUri?: string;
  used: boolean;
  expires: number;
  installer: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export class FakeSlackOAuth {
  app: OAuthAppConfig | undefined;
  readonly workspaces = new Map<string, FakeWorkspace>();
  /** Bot token → workspace; revoked tokens are removed. */
  readonly tokens = new Map<string, string>();
  readonly revoked = new Set<string>();
  private readonly grants = new Map<string, Grant>();
  private failNext: string | undefined;
  private seq = 0;

  addWorkspace(teamId: string, extra: Partial<Omit<FakeWorkspace, 'teamId'>> = {}): FakeWorkspace {
    this.seq += 1;
    const n = String(this.seq).padStart(3, '0');
    const ws: FakeWorkspace = {
      teamId,
      teamName: extra.teamName ?? `Community ${teamId}`,
      botUserId: extra.botUserId ?? `U0BOT${n}`,
      botId: extra.botId ?? `B0BOT${n}`,
      ...(extra.enterpriseId ? { enterpriseId: extra.enterpriseId } : {}),
      ...(extra.orgWide ? { orgWide: true } : {}),
    };
    this.workspaces.set(teamId, ws);
    return ws;
  }

  /** The next oauth.v2.access answers this Slack error instead. */
  failNextExchange(error: string): void {
    this.failNext = error;
  }

  /** The live bot token issued to a workspace (the latest install). */
  tokenOf(teamId: string): string | undefined {
    return [...this.tokens].reverse().find(([, team]) => team === teamId)?.[0];
  }

  /** As Slack does when a workspace removes the app: its tokens stop working. */
  uninstall(teamId: string): void {
    for (const [token, team] of this.tokens) {
      if (team === teamId) {
        this.tokens.delete(token);
        this.revoked.add(token);
      }
    }
  }

  revoke(token: string): boolean {
    if (!this.tokens.delete(token)) return false;
    this.revoked.add(token);
    return true;
  }

  /** Serves the browser side (/oauth/v2/authorize…); false for other paths. */
  handlePage(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://fake.slack');
    if (req.method !== 'GET') return false;
    if (url.pathname === '/oauth/v2/authorize') {
      this.consentPage(url, res);
      return true;
    }
    if (url.pathname === '/oauth/v2/authorize/decide') {
      this.decide(url, res);
      return true;
    }
    return false;
  }

  private html(res: ServerResponse, status: number, title: string, body: string): void {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`,
    );
  }

  private consentPage(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    if (!this.app || q.get('client_id') !== this.app.clientId) {
      this.html(res, 400, 'Invalid client_id parameter', '<p>invalid_client_id</p>');
      return;
    }
    if (!q.get('scope')) {
      this.html(res, 400, 'Invalid scope', '<p>invalid_scope</p>');
      return;
    }
    const preferred = q.get('team');
    const options = [...this.workspaces.values()]
      .map((w) => `<option value="${esc(w.teamId)}"${w.teamId === preferred ? ' selected' : ''}>${esc(w.teamName)}</option>`)
      .join('');
    const hidden = ['client_id', 'scope', 'state', 'redirect_uri']
      .filter((k) => q.has(k))
      .map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k)!)}">`)
      .join('');
    const scopes = q
      .get('scope')!
      .split(',')
      .map((s) => `<li>${esc(s)}</li>`)
      .join('');
    this.html(
      res,
      200,
      'RoleCall is requesting permission to access a Slack workspace',
      `<form method="get" action="/oauth/v2/authorize/decide">${hidden}
<label for="team">Workspace</label> <select id="team" name="team">${options}</select>
<p>It will be able to:</p><ul>${scopes}</ul>
<button type="submit" name="decision" value="deny">Cancel</button>
<button type="submit" name="decision" value="allow">Allow</button>
</form>`,
    );
  }

  private decide(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const target = q.get('redirect_uri') ?? this.app?.redirectUrl;
    if (!target) {
      this.html(res, 400, 'No redirect URL', '<p>bad_redirect_uri</p>');
      return;
    }
    const back = new URL(target);
    const state = q.get('state');
    if (q.get('decision') !== 'allow') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const teamId = q.get('team') ?? '';
      if (!this.workspaces.has(teamId)) {
        this.html(res, 400, 'Unknown workspace', '<p>team_not_found</p>');
        return;
      }
      const code = `${Date.now()}.${randomBytes(12).toString('hex')}`;
      this.grants.set(code, {
        teamId,
        scopes: q.get('scope') ?? '',
        ...(q.get('redirect_uri') ? { redirectUri: q.get('redirect_uri')! } : {}),
        used: false,
        expires: Date.now() + 600_000,
        installer: `U0INSTALLER${teamId}`,
      });
      back.searchParams.set('code', code);
    }
    if (state !== null) back.searchParams.set('state', state);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  /** oauth.v2.access, answered as Slack documents it. */
  exchange(body: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> {
    let clientId = typeof body.client_id === 'string' ? body.client_id : undefined;
    let clientSecret = typeof body.client_secret === 'string' ? body.client_secret : undefined;
    const basic = /^Basic (.+)$/.exec(authorization ?? '')?.[1];
    if (basic) [clientId, clientSecret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      return { ok: false, error };
    }
    if (!this.app || clientId !== this.app.clientId) return { ok: false, error: 'invalid_client_id' };
    if (clientSecret !== this.app.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const code = typeof body.code === 'string' ? body.code : '';
    const grant = this.grants.get(code);
    if (!grant || grant.used || grant.expires < Date.now()) return { ok: false, error: 'invalid_code' };
    // The redirect_uri, if the authorize request had one, must be sent again unchanged.
    if (grant.redirectUri !== undefined && body.redirect_uri !== grant.redirectUri) return { ok: false, error: 'bad_redirect_uri' };
    grant.used = true;
    const ws = this.workspaces.get(grant.teamId)!;
    const token = `xoxb-${ws.teamId}-${randomBytes(12).toString('hex')}`;
    this.tokens.set(token, ws.teamId);
    return {
      ok: true,
      access_token: token,
      token_type: 'bot',
      scope: grant.scopes,
      bot_user_id: ws.botUserId,
      app_id: this.app.appId ?? 'A0ROLECALL',
      team: ws.orgWide ? null : { name: ws.teamName, id: ws.teamId },
      enterprise: ws.enterpriseId ? { name: `Enterprise ${ws.enterpriseId}`, id: ws.enterpriseId } : null,
      authed_user: { id: grant.installer },
      is_enterprise_install: Boolean(ws.orgWide),
    };
  }
}
