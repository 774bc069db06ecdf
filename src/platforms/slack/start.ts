import type { Logger } from '../../observability/logger.js';
import { pauseWorkspace, resumeWorkspace } from '../../spotlight/workspaces.js';
import type { Store } from '../../store/store.js';
import type { TokenCipher } from '../../store/token-cipher.js';
import { spotlightFor } from '../../views/cards/spotlight.js';
import type { RunningPlatform, ServiceContext } from '../shared/platform.js';
import { startSlack } from './app.js';
import { boltLogger } from './bolt-logger.js';
import { SlackInstallations } from './installations.js';
import { installedWorkspaceClients, SlackSpotlightPoster, spotlightSlackClient } from './spotlight-poster.js';

/**
 * "Add to Slack" mode: the installation store over the Store, tokens sealed with
 * ROLECALL_ENCRYPTION_KEY. Installations still sealed with ROLECALL_ENCRYPTION_KEY_PREVIOUS are
 * re-sealed with the current key at start (key rotation), and a re-install resumes the
 * spotlight the workspace's removal paused.
 */
async function openInstallations(store: Store, cipher: TokenCipher, logger: Logger): Promise<SlackInstallations> {
  const installations = new SlackInstallations({
    records: store.slackInstallations,
    cipher,
    hooks: {
      installed: async (workspaceId) => {
        const resumed = await resumeWorkspace(store.spotlight.subscriptions, 'slack', workspaceId, new Date());
        if (resumed > 0) logger.info({ team: workspaceId, resumed }, 'spotlight resumed for a re-installed workspace');
      },
    },
  });
  const { resealed, unavailable } = await installations.resealAll();
  if (resealed > 0) logger.info({ resealed }, 'slack installations re-encrypted with the current ROLECALL_ENCRYPTION_KEY');
  if (unavailable.length > 0) {
    logger.warn(
      { teams: unavailable.slice(0, 20), count: unavailable.length },
      `${unavailable.length} Slack workspace(s) unavailable: their installations are sealed with a key that is not configured (set it as ROLECALL_ENCRYPTION_KEY_PREVIOUS, or have them install RoleCall again); every other workspace is served`,
    );
  }
  return installations;
}

/**
 * Slack in the service: the Bolt app in HTTP mode (its listener mounted at /slack/) or Socket
 * Mode, one workspace or "Add to Slack" installs, and the spotlight poster over the Web API.
 * Loaded by index.ts only once Slack starts.
 */
export async function startSlackPlatform(ctx: ServiceContext): Promise<RunningPlatform> {
  const { env, store, logger, spotlight } = ctx;
  const spotlightLog = logger.child({ component: 'spotlight' });
  let installations: SlackInstallations | undefined;
  if (env.SLACK_CLIENT_ID) {
    if (!ctx.cipher) throw new Error('"Add to Slack" installs need ROLECALL_ENCRYPTION_KEY');
    installations = await openInstallations(store, ctx.cipher, logger);
  }
  const slack = await startSlack({
    env,
    dispatcher: ctx.dispatcher,
    store,
    logger,
    metrics: ctx.metrics,
    ...(spotlight ? { spotlight, spotlightPreview: async () => spotlightFor(ctx.dispatcher.core, spotlight.featured().roleId) } : {}),
    ...(installations ? { installations } : {}),
    workspaceRemoved: async (workspaceId) => {
      const paused = await pauseWorkspace(store.spotlight.subscriptions, 'slack', workspaceId, new Date());
      spotlightLog.info({ team: workspaceId, paused }, 'spotlight paused for a workspace that removed RoleCall');
    },
  });
  // Its own WebClient per token: the same API URL, but no retries of its own (see spotlightSlackClient).
  const client = (token?: string) => spotlightSlackClient(env, boltLogger(spotlightLog), token);
  const poster = spotlight
    ? new SlackSpotlightPoster(installations ? installedWorkspaceClients((id) => installations.botToken(id), client) : client())
    : undefined;
  return {
    routes: slack.requestListener ? [{ path: '/slack/', listener: slack.requestListener }] : [],
    ...(poster ? { poster } : {}),
    health: () => slack.health(),
    stop: () => slack.stop(),
  };
}
