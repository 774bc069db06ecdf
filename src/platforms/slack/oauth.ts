import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, InstallURLOptions, StateStore } from '@slack/bolt';
import type { CodedError } from '@slack/oauth';
// A CommonJS package whose re-exports Node's ESM loader cannot see by name: take them off the default.
import slackOAuth from '@slack/oauth';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import * as z from 'zod';
import type { Env } from '../../config/env.js';
import type { Logger } from '../../observability/logger.js';
import type { EventLog } from '../../store/store.js';
import { type InstallFailure, installedPage, installFailedPage, PAGE_HEADERS } from '../../web/pages.js';
import type { SlackInstallations } from './installations.js';

/**
 * "Add to Slack" through Bolt's built-in installer (@slack/oauth's InstallProvider): it serves
 * /slack/install and /slack/oauth_redirect, signs and checks `state`, and exchanges the code
 * with oauth.v2.access. RoleCall supplies the installation store (sealed tokens in the Store),
 * a state store that accepts each state once, and the pages an install ends on.
 */

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

const { ClearStateStore, ErrorCode: OAuthErrorCode, InvalidStateError } = slackOAuth;

/** The bot scopes RoleCall asks for; slack/manifest.yml lists the same (a test checks). */
// channels:history and groups:history let spotlight recovery find a post a crash interrupted;
// files:write uploads the charts.
export const SLACK_BOT_SCOPES = [
  'commands',
  'app_mentions:read',
  'chat:write',
  'users:read',
  'channels:history',
  'groups:history',
  'files:write',
  // Questions by direct message (message.im) and the Messages tab's suggested prompts.
  'im:history',
  'assistant:write',
  'links:read',
  'links:write',
] as const;

/** Clock skew between replicas that a state's issue time may show; more is a forged or replayed future. */
const MAX_STATE_FUTURE_MS = 60_000;

/** The part of the signed state we read: when it was issued (ClearStateStore's `now`). */
const StateClaims = z.object({ now: z.iso.datetime({ offset: true }) });

/** When a verified state says it was issued, or undefined if it does not say. */
function stateIssuedAt(state: string): number | undefined {
  const payload = state.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = StateClaims.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return claims.success ? Date.parse(claims.data.now) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bolt's signed state (a JWT under SLACK_STATE_SECRET, valid 10 minutes, tied to a browser
 * cookie), accepted once: a state replayed from a copied link or a log line is refused. The
 * store checks only that a state is not too old; one issued in the future is refused here.
 */
export class OneTimeStateStore implements StateStore {
  private readonly signed: InstanceType<typeof ClearStateStore>;

  constructor(
    secret: string,
    private readonly events: EventLog,
  ) {
    this.signed = new ClearStateStore(secret);
  }

  generateStateParam(options: InstallURLOptions, now: Date): Promise<string> {
    return this.signed.generateStateParam(options, now);
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const options = await this.signed.verifyStateParam(now, state);
    const issuedAt = stateIssuedAt(state);
    if (issuedAt === undefined || issuedAt - now.getTime() > MAX_STATE_FUTURE_MS)
      throw new InvalidStateError('The state was not issued by this service in the past');
    const digest = createHash('sha256').update(state).digest('hex');
    if (!(await this.events.firstSeen('slack-oauth-state', digest))) throw new InvalidStateError('The state was already used');
    return options;
  }
}

/**
 * Marks the installer's cookies SameSite=Lax: the state cookie must come back on Slack's
 * top-level redirect to /slack/oauth_redirect (which Lax allows), and on nothing cross-site
 * else. The installer sets it with Secure and HttpOnly only.
 */
export function sameSiteCookies(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  const lax = (cookie: string) => (/;\s*samesite=/i.test(cookie) ? cookie : `${cookie}; SameSite=Lax`);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== 'set-cookie' || typeof value === 'number') return setHeader(name, value);
    return setHeader(name, typeof value === 'string' ? lax(value) : value.map(lax));
  };
}

/** Which page, and which status, an installer error gets. */
export function classifyInstallError(error: CodedError): { kind: InstallFailure; status: number } {
  switch (error.code) {
    case OAuthErrorCode.InvalidStateError:
    case OAuthErrorCode.MissingStateError:
    case OAuthErrorCode.MissingCodeError:
      return { kind: 'state', status: 400 };
    // The installer reports ?error=access_denied as an authorization error.
    case OAuthErrorCode.AuthorizationError:
      return { kind: 'denied', status: 403 };
    default:
      // oauth.v2.access or auth.test failed (the Web API's codes): Slack, upstream, did not finish.
      return String(error.code).startsWith('slack_webapi_') ? { kind: 'exchange', status: 502 } : { kind: 'unknown', status: 500 };
  }
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  if (res.headersSent) return;
  // Keep the installer's Set-Cookie (it deletes the state cookie).
  for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
  res.writeHead(status);
  res.end(html);
}

export interface OAuthOptions {
  env: Env;
  installations: SlackInstallations;
  events: EventLog;
  /** The service's logger, not Slack's child: pino would write a second `component` key. */
  logger: Logger;
  /** The Web API client options (API base, timeouts); the installer's oauth.v2.access uses them. */
  clientOptions: WebClientOptions;
}

/** The HTTPReceiver options that turn on "Add to Slack". */
export function oauthReceiverOptions(
  opts: OAuthOptions,
): Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'scopes' | 'installationStore' | 'installerOptions' | 'redirectUri'> {
  const { env, logger } = opts;
  if (!env.SLACK_CLIENT_ID || !env.SLACK_CLIENT_SECRET || !env.SLACK_STATE_SECRET) {
    throw new Error('"Add to Slack" needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET');
  }
  const { logger: _ignored, ...clientOptions } = opts.clientOptions;
  const redirectUri = env.ROLECALL_PUBLIC_URL ? new URL(REDIRECT_PATH, env.ROLECALL_PUBLIC_URL).toString() : undefined;
  const log = logger.child({ component: 'slack-install' });
  return {
    clientId: env.SLACK_CLIENT_ID,
    clientSecret: env.SLACK_CLIENT_SECRET,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore: opts.installations,
    ...(redirectUri ? { redirectUri } : {}),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // The landing page at / carries the Add to Slack button; /slack/install goes straight to Slack.
      directInstall: true,
      stateVerification: true,
      stateStore: new OneTimeStateStore(env.SLACK_STATE_SECRET, opts.events),
      ...(env.SLACK_AUTHORIZE_URL ? { authorizationUrl: env.SLACK_AUTHORIZE_URL } : {}),
      clientOptions,
      callbackOptions: {
        // Org-wide (Enterprise Grid) installs are declined before anything is stored, and the
        // token Slack just issued is revoked so nothing is left behind.
        afterInstallation: async (installation, _options, _req: IncomingMessage, res: ServerResponse) => {
          if (!installation.isEnterpriseInstall) return true;
          log.warn({ enterprise: installation.enterprise?.id }, 'declined an organisation-wide install');
          const token = installation.bot?.token;
          if (token) {
            await new WebClient(token, opts.clientOptions).auth
              .revoke()
              .catch((err: unknown) => log.warn({ err }, 'could not revoke the declined install token'));
          }
          sendPage(res, 403, installFailedPage('org_install'));
          return false;
        },
        success: (installation, _options, _req: IncomingMessage, res: ServerResponse) => {
          log.info({ team: installation.team?.id, by: installation.user?.id }, 'slack workspace installed');
          sendPage(res, 200, installedPage(installation.team?.name ? { workspaceName: installation.team.name } : {}));
        },
        failure: (error: CodedError, _options, _req: IncomingMessage, res: ServerResponse) => {
          const { kind, status } = classifyInstallError(error);
          log.warn({ code: error.code, kind, status }, 'slack install failed');
          sendPage(res, status, installFailedPage(kind));
        },
      },
    },
  };
}
