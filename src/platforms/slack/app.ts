import type { ChartRenderer } from '../../charts/index.js';
import type { RequestListener } from 'node:http';
import { App, ErrorCode, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { ErrorCode as WebErrorCode, type RetryOptions, WebClient, type WebClientOptions } from '@slack/web-api';
import type { SpotlightManager } from '../../../commands/spotlight-access.js';
import type { Dispatcher } from '../../app/dispatch.js';
import { ConfigError, isSlackOAuth, type Env } from '../../config/env.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Store } from '../../store/store.js';
import type { View } from '../../views/view.js';
import { InFlight } from '../shared/in-flight.js';
import { PlatformUnreachableError } from '../shared/unreachable.js';
import { QuestionDesk } from '../shared/questions.js';
import { registerActions } from './actions.js';
import { registerAppHome } from './app-home.js';
import { boltLogger } from './bolt-logger.js';
import { registerCommands } from './commands.js';
import { slackConfigProblems } from './config.js';
import type { SlackDeps } from './deps.js';
import { type SlackInstallations, WorkspaceUnavailableError } from './installations.js';
import { registerDirectMessages } from './direct-messages.js';
import { registerMentions } from './mentions.js';
import { guardSlackRequest } from './request-guard.js';
import { INSTALL_PATH, oauthReceiverOptions, REDIRECT_PATH, sameSiteCookies } from './oauth.js';
import { registerUninstall } from './uninstall.js';
import { registerUnfurls } from './unfurl.js';

export interface StartSlackOptions {
  env: Env;
  dispatcher: Dispatcher;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  /** This week's spotlight for the Home tab; a short explanation shows when absent. */
  spotlightPreview?: () => Promise<View | undefined>;
  /** What /spotlight manages; undefined when the spotlight is off (SPOTLIGHT_ENABLED=false). */
  spotlight?: SpotlightManager;
  /** "Add to Slack" mode (SLACK_CLIENT_ID): where installations and their sealed tokens live. */
  installations?: SlackInstallations;
  /**
   * After a workspace removed RoleCall (its installation, if any, is already deleted): pauses
   * its spotlight. Called in both modes.
   */
  workspaceRemoved?: (workspaceId: string) => Promise<void>;
  /** Draws charts (tests pass a failing one); the lazily loaded renderer by default. */
  renderChart?: ChartRenderer;
}

export interface SlackRuntime {
  app: App;
  mode: 'http' | 'socket';
  /** HTTP mode: mounted by startHttpServer at /slack/*. */
  requestListener?: RequestListener;
  /** Single-workspace mode: the one token's client. With "Add to Slack", a client without a token. */
  client: WebClient;
  /** Single-workspace mode only: each installed workspace has its own. */
  botUserId?: string;
  teamId?: string;
  oauth: boolean;
  health(): Promise<{ ok: boolean; detail: string }>;
  stop(): Promise<void>;
}

/**
 * A 429 is retried after its Retry-After; other failures with backoff. A few tries within
 * about a minute: the library default (10 tries over ~30 minutes) would hold an answer, and the
 * client's request queue, far past the point anyone is waiting for it.
 */
export const SLACK_RETRY_POLICY: RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 5_000,
  maxRetryTime: 60_000,
  randomize: true,
};

/** The WebClient's own default, named in the start-up error when SLACK_API_URL is unset. */
const SLACK_DEFAULT_API_URL = 'https://slack.com/api/';

/** How long stop() waits for answers in progress. */
const STOP_GRACE_MS = 10_000;

/** Where Slack posts events, commands and interactivity (the manifest uses the first). */
export const SLACK_ENDPOINTS = ['/slack/events', '/slack/commands', '/slack/actions'];

/**
 * Starts the Slack front end: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode, whose
 * request listener the service's one HTTP server mounts. Resolves once auth.test has named
 * the bot and its workspace; in Socket Mode the socket connects in the background.
 */
export async function startSlack(opts: StartSlackOptions): Promise<SlackRuntime> {
  const { env } = opts;
  const oauth = isSlackOAuth(env);
  const token = env.SLACK_BOT_TOKEN;
  const problems = slackConfigProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  if (oauth && !opts.installations) throw new Error('"Add to Slack" mode needs an installation store');
  const socket = Boolean(env.SLACK_APP_TOKEN) && !oauth;

  const logger = opts.logger.child({ component: 'slack' });
  const bolt = boltLogger(logger);
  const clientOptions: WebClientOptions = {
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    retryConfig: SLACK_RETRY_POLICY,
    // A hung connection must not hold an answer forever; the retry policy takes over.
    timeout: 10_000,
    logger: bolt,
  };

  // One workspace: auth.test names the bot and its team once. With "Add to Slack" each
  // request's workspace is looked up in the installation store instead (Bolt's authorize).
  let identity: { botUserId: string; teamId: string; botId?: string } | undefined;
  if (token) {
    const auth = await new WebClient(token, clientOptions).auth.test().catch((err: unknown) => {
      // No answer at all (after the retries) is the network or SLACK_API_URL; a Slack error (invalid_auth) keeps its own.
      if (err instanceof Error && 'code' in err && err.code === WebErrorCode.RequestError)
        throw new PlatformUnreachableError('Slack', env.SLACK_API_URL ?? SLACK_DEFAULT_API_URL, 'SLACK_API_URL');
      throw err;
    });
    if (!auth.user_id || !auth.team_id) throw new Error('Slack auth.test did not name the bot user and team');
    identity = { botUserId: auth.user_id, teamId: auth.team_id, ...(auth.bot_id ? { botId: auth.bot_id } : {}) };
  }

  let connected = !socket;
  const receiver = socket
    ? new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, logger: bolt, installerOptions: { clientOptions } })
    : new HTTPReceiver({
        signingSecret: env.SLACK_SIGNING_SECRET!,
        endpoints: SLACK_ENDPOINTS,
        // A long-running server: ack at once and keep working. (true is for FaaS, where work
        // after the response may be frozen; here it would hold the HTTP ack until the answer.)
        processBeforeResponse: false,
        logger: bolt,
        ...(oauth ? oauthReceiverOptions({ env, installations: opts.installations!, events: opts.store.events, logger: opts.logger, clientOptions }) : {}),
      });
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => (connected = true));
    receiver.client.on('disconnected', () => (connected = false));
  }

  const app = new App({
    // Known from auth.test above, so Bolt does not call it again. Without a token, Bolt
    // authorizes each request through the receiver's installer (the installation store).
    ...(identity ? { token, botUserId: identity.botUserId, ...(identity.botId ? { botId: identity.botId } : {}) } : {}),
    receiver,
    logger: bolt,
    clientOptions,
    convoStore: false,
  });
  // Requests still being answered, so stop() can let them finish (graceful shutdown).
  const inFlight = new InFlight();
  app.use(({ next }) => inFlight.track(next()));
  app.error(async (error) => {
    // A request from a workspace with no installation (removed, or never installed): expected
    // in "Add to Slack" mode, acked and ignored.
    if (error.code === ErrorCode.AuthorizationError) {
      const original = (error as { original?: unknown }).original;
      if (original instanceof WorkspaceUnavailableError) {
        logger.warn({ team: original.workspaceId }, `slack request not answered: ${original.message}`);
        return;
      }
      logger.info({ reason: error.message }, 'slack request from a workspace without an installation ignored');
      return;
    }
    // Listeners catch their own failures; this is the last stop, so a bad request never crashes us.
    logger.error({ err: error }, 'unhandled slack listener error');
  });

  const deps: SlackDeps = {
    dispatcher: opts.dispatcher,
    store: opts.store,
    questions: new QuestionDesk({ dispatcher: opts.dispatcher, memory: opts.store.conversations, logger }),
    logger,
    metrics: opts.metrics,
    ...(identity ? { botUserId: identity.botUserId, teamId: identity.teamId } : {}),
    ...(opts.spotlight ? { spotlight: opts.spotlight } : {}),
    ...(opts.spotlightPreview ? { spotlightPreview: opts.spotlightPreview } : {}),
    workspaceRemoved: async (workspaceId) => {
      await opts.installations?.remove(workspaceId);
      // Its people's /ask follow-up contexts go with it (they would expire in 30 minutes anyway).
      await opts.store.conversations.forgetWorkspace('slack', workspaceId);
      await opts.workspaceRemoved?.(workspaceId);
    },
    ...(opts.renderChart ? { renderChart: opts.renderChart } : {}),
  };
  registerCommands(app, deps);
  registerUninstall(app, deps);
  registerMentions(app, deps);
  registerDirectMessages(app, deps);
  registerActions(app, deps);
  registerAppHome(app, deps);
  registerUnfurls(app, deps);

  let stopped = false;
  let requestListener: RequestListener | undefined;
  if (receiver instanceof HTTPReceiver) {
    requestListener = (req, res) => {
      if (stopped) {
        res.writeHead(503).end();
        return;
      }
      const path = req.url?.split('?')[0] ?? '';
      // Only the signed endpoints; Bolt answers other paths (404) and serves the install pages.
      const rejected = SLACK_ENDPOINTS.includes(path) ? guardSlackRequest(req, env.SLACK_SIGNING_SECRET!) : undefined;
      if (rejected) {
        logger.warn({ status: rejected.status, path: req.url }, `slack request refused: ${rejected.reason}`);
        res.writeHead(rejected.status).end();
        return;
      }
      if (oauth && (path === INSTALL_PATH || path === REDIRECT_PATH)) sameSiteCookies(res);
      try {
        receiver.requestListener(req, res);
      } catch {
        // Bolt throws for a path or method it does not serve.
        if (!res.headersSent) res.writeHead(404).end();
      }
    };
  } else {
    // The socket client keeps retrying until Slack answers; meanwhile health() says so, and
    // the service keeps serving /healthz instead of hanging at start.
    app.start().catch((err: unknown) => logger.error({ err }, 'slack socket mode failed to start'));
  }

  const mode = socket ? 'socket' : 'http';
  logger.info({ mode, oauth, ...(identity ? { team: identity.teamId, botUserId: identity.botUserId } : {}) }, 'slack started');
  return {
    app,
    mode,
    ...(requestListener ? { requestListener } : {}),
    client: app.client,
    ...(identity ? { botUserId: identity.botUserId, teamId: identity.teamId } : {}),
    oauth,
    async health() {
      if (stopped) return { ok: false, detail: 'stopped' };
      if (!connected) return { ok: false, detail: 'socket mode: connecting to Slack' };
      if (!identity) return { ok: true, detail: `${mode} mode, "Add to Slack" installs` };
      return { ok: true, detail: `${mode} mode, team ${identity.teamId}, bot ${identity.botUserId}` };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (socket) await app.stop().catch((err: unknown) => logger.warn({ err }, 'slack socket did not close cleanly'));
      await inFlight.settle(STOP_GRACE_MS);
    },
  };
}
