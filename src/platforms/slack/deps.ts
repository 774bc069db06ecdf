import type { WebClient } from '@slack/web-api';
import type { CommandContext } from '../../../commands/index.js';
import type { SpotlightManager } from '../../../commands/spotlight-access.js';
import type { Dispatcher } from '../../app/dispatch.js';
import type { ChartRenderer } from '../../charts/index.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Store } from '../../store/store.js';
import type { View } from '../../views/view.js';
import type { QuestionDesk } from '../shared/questions.js';
import { commandContext as sharedContext, InteractionLog, type InteractionRecord, type InteractionStart, type Invoker } from '../shared/interactions.js';
import { slackSpotlightAccess } from './spotlight-command.js';
import { slackSettingsAccess } from './settings-access.js';

/** What every listener needs, built once by startSlack. */
export interface SlackDeps {
  dispatcher: Dispatcher;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  /** Single-workspace mode only; with "Add to Slack" each request names its own (context.botUserId). */
  botUserId?: string;
  teamId?: string;
  /** What /spotlight manages; undefined when the spotlight is off (SPOTLIGHT_ENABLED=false). */
  spotlight?: SpotlightManager;
  spotlightPreview?: () => Promise<View | undefined>;
  /** Deletes a removed workspace's tokens and pauses its spotlight (app_uninstalled, tokens_revoked). */
  workspaceRemoved?: (workspaceId: string) => Promise<void>;
  /** Plain-text questions (mentions, DMs): /ask with the conversation's context and the rate limit. */
  questions: QuestionDesk;
  /** Draws charts for public answers (the lazily loaded renderer unless a test replaces it). */
  renderChart?: ChartRenderer;
}

/** Who asks and where; /spotlight's and /settings' access checks with this client; profiles and settings live in the store. */
export function commandContext(deps: SlackDeps, client: WebClient, invoker: Invoker, privateAnswers = true): CommandContext {
  const settings = slackSettingsAccess(client, invoker, deps.store.settings);
  return sharedContext('slack', invoker, slackSpotlightAccess(client, invoker, deps.spotlight), {
    profiles: deps.store,
    privateAnswers,
    ...(settings ? { settings } : {}),
  });
}

/** Starts one interaction's record (the shared log line and metric; see ../shared/interactions.ts). */
export function beginInteraction(deps: SlackDeps, it: InteractionStart): InteractionRecord {
  return new InteractionLog('slack', deps.logger, deps.metrics).begin(it);
}
