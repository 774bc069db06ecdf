import { performance } from 'node:perf_hooks';
import type { WebClient } from '@slack/web-api';
import type { CommandContext } from '../../../commands/index.js';
import type { SpotlightManager } from '../../../commands/spotlight-access.js';
import { type Dispatcher, type DispatchResult, newErrorId } from '../../app/dispatch.js';
import type { ChartRenderer } from '../../charts/index.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Store } from '../../store/store.js';
import type { View } from '../../views/view.js';
import { slackSpotlightAccess } from './spotlight-command.js';

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
  /** Draws charts for public answers (the lazily loaded renderer unless a test replaces it). */
  renderChart?: ChartRenderer;
}

/** Who asks and where; /spotlight's access checks with this client. */
export function commandContext(deps: SlackDeps, client: WebClient, invoker: { userId: string; channelId?: string; workspaceId?: string }): CommandContext {
  return { platform: 'slack', invoker, spotlight: slackSpotlightAccess(client, invoker, deps.spotlight) };
}

export interface Interaction {
  /** The platform's id for it: trigger_id, event_id or action_ts. */
  id: string;
  kind: 'command' | 'mention' | 'action' | 'share' | 'home';
  command: string;
  /** performance.now() when the request arrived. */
  started: number;
}

export interface Outcome {
  outcome: string;
  errorId?: string;
  error?: unknown;
}

/** One metric and one log line per interaction; failures carry their error id. */
export function record(deps: SlackDeps, it: Interaction, result: Outcome): void {
  const seconds = (performance.now() - it.started) / 1000;
  deps.metrics.observe(it.command, 'slack', result.outcome, seconds);
  const line = {
    id: it.id,
    platform: 'slack',
    kind: it.kind,
    command: it.command,
    latencyMs: Math.round(seconds * 10_000) / 10,
    outcome: result.outcome,
    ...(result.errorId ? { errorId: result.errorId } : {}),
  };
  if (result.outcome === 'error') deps.logger.error({ ...line, err: result.error }, 'slack interaction failed');
  else deps.logger.info(line, 'slack interaction');
}

/** Records an unexpected failure and returns the error id to quote to the user. */
export function recordFailure(deps: SlackDeps, it: Interaction, error: unknown): string {
  const errorId = newErrorId();
  record(deps, it, { outcome: 'error', errorId, error });
  return errorId;
}

/** Records a Dispatcher result (its own error id, when it failed). */
export function recordResult(deps: SlackDeps, it: Interaction, result: Pick<DispatchResult, 'outcome' | 'errorId' | 'error'>): void {
  record(deps, it, { outcome: result.outcome, ...(result.errorId ? { errorId: result.errorId, error: result.error } : {}) });
}
