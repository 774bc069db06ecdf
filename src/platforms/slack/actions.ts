import { performance } from 'node:perf_hooks';
import type { App, BlockAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DispatchResult } from '../../app/dispatch.js';
import { notice } from '../../views/cards/notice.js';
import { decodeInvocation } from '../../views/invocation-codec.js';
import type { View } from '../../views/view.js';
import { publishHome } from './app-home.js';
import { ACTION_ID_PATTERN, SHARE_ACTION_ID } from './blocks.js';
import type { Respond } from './commands.js';
import { commandContext, failureView, type Interaction, recordFailure, recordResult, runCommandText, type SlackDeps } from './deps.js';
import { uploadCharts } from './charts.js';
import { classifySlackError, postView } from './post.js';
import { renderView } from './render.js';
import { decodeShare, encodeShare } from './share.js';
import { rememberComparison } from './thread.js';

/** A clicked button or chosen option, reduced to what RoleCall acts on. */
export interface ActionInput {
  actionId: string;
  value: string;
  userId: string;
  teamId: string;
  channelId?: string;
  /** Set when the clicked message sits in a thread. */
  threadTs?: string;
  ephemeral: boolean;
  fromHome: boolean;
  id: string;
}

const CHANNEL_HELP: Record<string, [string, string]> = {
  not_in_channel: ['RoleCall is not in this channel', 'Invite it with /invite @RoleCall, then press Share again.'],
  channel_not_found: ['RoleCall cannot see this channel', 'Invite it with /invite @RoleCall (private channels and DMs need that), then press Share again.'],
  is_archived: ['This channel is archived', 'Sharing needs an active channel.'],
};

function reply(respond: Respond | undefined, view: View, share?: string): Promise<unknown> | undefined {
  return respond?.({ response_type: 'ephemeral', replace_original: false, ...renderView(view, share ? { share } : {}) });
}

async function share(deps: SlackDeps, client: WebClient, input: ActionInput, respond: Respond | undefined): Promise<DispatchResult> {
  const source = decodeShare(input.value);
  const ctx = commandContext(deps, { userId: input.userId, workspaceId: input.teamId, ...(input.channelId ? { channelId: input.channelId } : {}) });
  const result: DispatchResult = !source
    ? { command: 'share', outcome: 'stale', view: notice('This button has expired', 'Run the command again, then share.') }
    : 'encoded' in source
      ? await deps.dispatcher.runEncoded(source.encoded, ctx)
      : await runCommandText(deps, source.command, source.text, ctx, client);
  if (result.outcome !== 'ok' || !input.channelId) {
    await reply(respond, result.outcome === 'ok' ? notice('Nowhere to share', 'Share works in channels and threads.') : result.view);
    return result;
  }
  try {
    await postView(client, input.channelId, result.view, input.threadTs ? { threadTs: input.threadTs } : {});
  } catch (err) {
    const failure = classifySlackError(err);
    const help = CHANNEL_HELP[failure.code];
    if (failure.kind !== 'channel' || !help) throw err;
    deps.logger.info({ id: input.id, code: failure.code, channel: input.channelId }, 'share refused by slack');
    await reply(respond, notice(help[0], help[1]));
    return { ...result, outcome: 'invalid' };
  }
  // The ephemeral copy has done its job once the public one is up.
  if (input.ephemeral) await respond?.({ delete_original: true });
  await uploadCharts(deps, client, input.channelId, [result.view], input.threadTs);
  return result;
}

async function run(deps: SlackDeps, client: WebClient, input: ActionInput, respond: Respond | undefined): Promise<DispatchResult> {
  const ctx = commandContext(deps, { userId: input.userId, workspaceId: input.teamId, ...(input.channelId ? { channelId: input.channelId } : {}) });
  const result = await deps.dispatcher.runEncoded(input.value, ctx);
  if (input.fromHome) {
    await publishHome(deps, client, input.userId, result.view);
    return result;
  }
  const decoded = decodeInvocation(input.value);
  if (result.outcome === 'ok' && result.command === 'compare' && input.threadTs && input.channelId && decoded.ok) {
    // A comparison chosen in a thread becomes that thread's comparison, for everyone in it.
    const key = { platform: 'slack' as const, workspaceId: input.teamId, channelId: input.channelId, threadTs: input.threadTs };
    await rememberComparison(deps, key, Object.values(decoded.invocation.args));
    await postView(client, input.channelId, result.view, { threadTs: input.threadTs });
    if (input.ephemeral) await respond?.({ delete_original: true });
    await uploadCharts(deps, client, input.channelId, [result.view], input.threadTs);
    return result;
  }
  const shareValue = result.outcome === 'ok' && !result.view.private ? encodeShare({ encoded: input.value }) : undefined;
  await reply(respond, result.view, shareValue);
  return result;
}

export async function handleAction(deps: SlackDeps, client: WebClient, input: ActionInput, respond: Respond | undefined): Promise<void> {
  const it: Interaction = { id: input.id, kind: input.actionId === SHARE_ACTION_ID ? 'share' : 'action', command: 'action', started: performance.now() };
  try {
    const result = input.actionId === SHARE_ACTION_ID ? await share(deps, client, input, respond) : await run(deps, client, input, respond);
    it.command = result.command;
    recordResult(deps, it, result);
  } catch (error) {
    const errorId = recordFailure(deps, it, error);
    await Promise.resolve(reply(respond, failureView(errorId))).catch((err: unknown) =>
      deps.logger.warn({ err, errorId }, 'could not tell the user about a failure'),
    );
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads Bolt's block_actions body into an ActionInput. */
export function actionInput(body: BlockAction, deps: SlackDeps): ActionInput | undefined {
  const action = body.actions[0];
  if (!action) return undefined;
  const value = action.type === 'button' ? action.value : action.type === 'static_select' ? action.selected_option?.value : undefined;
  const container = body.container as Record<string, unknown> | undefined;
  const channelId = body.channel?.id ?? text(container?.channel_id);
  const threadTs = text(container?.thread_ts) ?? text(body.message?.thread_ts);
  return {
    actionId: action.action_id,
    value: value ?? '',
    userId: body.user.id,
    teamId: body.team?.id ?? body.user.team_id ?? deps.teamId,
    ...(channelId ? { channelId } : {}),
    ...(threadTs ? { threadTs } : {}),
    ephemeral: container?.is_ephemeral === true,
    fromHome: body.view?.type === 'home',
    id: body.trigger_id ?? action.action_ts,
  };
}

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: ACTION_ID_PATTERN }, async ({ ack, body, respond, client }) => {
    await ack();
    const input = actionInput(body, deps);
    if (!input) return;
    await handleAction(deps, client, input, body.response_url ? respond : undefined);
  });
}
