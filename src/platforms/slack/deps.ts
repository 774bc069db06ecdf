import { performance } from 'node:perf_hooks';
import type { WebClient } from '@slack/web-api';
import type { CommandContext } from '../../../commands/index.js';
import { type Dispatcher, type DispatchResult, newErrorId } from '../../app/dispatch.js';
import type { ChartRenderer } from '../../charts/index.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Store } from '../../store/store.js';
import { notice } from '../../views/cards/notice.js';
import type { View } from '../../views/view.js';

/**
 * A slash command Slack offers beyond the shared registry (the spotlight's /spotlight). Pass
 * it to startSlack; the router finds it by name, so nothing else needs to change.
 */
export interface SlackCommandHandler {
  /** Without the slash: "spotlight". */
  name: string;
  run(input: { text: string; ctx: CommandContext; client: WebClient }): Promise<DispatchResult>;
}

/** What every listener needs, built once by startSlack. */
export interface SlackDeps {
  dispatcher: Dispatcher;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  botUserId: string;
  teamId: string;
  commands: ReadonlyMap<string, SlackCommandHandler>;
  services?: Record<string, unknown>;
  spotlightPreview?: () => Promise<View | undefined>;
  /** Draws charts for public answers (the lazily loaded renderer unless a test replaces it). */
  renderChart?: ChartRenderer;
}

export function commandContext(deps: SlackDeps, invoker: { userId: string; channelId?: string; workspaceId?: string }): CommandContext {
  return { platform: 'slack', ...(deps.services ? { services: deps.services } : {}), invoker };
}

/** Runs a command from its text: a Slack-only handler when one is registered, else the Dispatcher. */
export function runCommandText(deps: SlackDeps, name: string, text: string, ctx: CommandContext, client: WebClient): Promise<DispatchResult> {
  const extra = deps.commands.get(name);
  return extra ? extra.run({ text, ctx, client }) : deps.dispatcher.runText(name, text, ctx);
}

/** The answer to a failure in RoleCall's own code, quoting the id the log carries. */
export function failureView(errorId: string): View {
  return notice('Something went wrong', `RoleCall could not answer that. Error id ${errorId}.`, 'error');
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
