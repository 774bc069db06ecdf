import type { App, BlockAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DispatchResult } from '../../app/dispatch.js';
import { expiredButtonView, nowhereToShareView, shareRefusedView } from '../../views/cards/notice.js';
import type { View } from '../../views/view.js';
import { publishHome } from './app-home.js';
import { ACTION_ID_PATTERN, LINK_ACTION_ID_PATTERN, SHARE_ACTION_ID } from './blocks.js';
import type { Respond } from './commands.js';
import { beginInteraction, commandContext, type SlackDeps } from './deps.js';
import { classifySlackError, postView, SLACK_CHANNEL_ERRORS } from './post.js';
import { uploadCharts } from './charts.js';
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

function reply(respond: Respond | undefined, view: View, share?: string): Promise<unknown> | undefined {
  return respond?.({ response_type: 'ephemeral', replace_original: false, ...renderView(view, share ? { share } : {}) });
}

async function share(deps: SlackDeps, client: WebClient, input: ActionInput, respond: Respond | undefined): Promise<DispatchResult> {
  const source = decodeShare(input.value);
  // The re-run answer goes to the channel: it must not read the sharer's profile (a profile saved
  // since the button was shown would put its "For you" line in a public message).
  const where = { userId: input.userId, workspaceId: input.teamId, ...(input.channelId ? { channelId: input.channelId } : {}) };
  const ctx = commandContext(deps, client, where, false);
  const result: DispatchResult = !source
    ? { command: 'share', outcome: 'stale', view: expiredButtonView('share') }
    : 'encoded' in source
      ? await deps.dispatcher.runEncoded(source.encoded, ctx)
      : await deps.dispatcher.runText(source.command, source.text, ctx);
  if (result.outcome !== 'ok' || !input.channelId) {
    await reply(respond, result.outcome === 'ok' ? nowhereToShareView() : result.view);
    return result;
  }
  try {
    await postView(client, input.channelId, result.view, input.threadTs ? { threadTs: input.threadTs } : {});
  } catch (err) {
    const failure = classifySlackError(err);
    const help = SLACK_CHANNEL_ERRORS.get(failure.code);
    if (failure.kind !== 'channel' || !help) throw err;
    deps.logger.info({ id: input.id, code: failure.code, channel: input.channelId }, 'share refused by slack');
    await reply(respond, shareRefusedView(help.problem, help.fix));
    return { ...result, outcome: 'invalid' };
  }
  // The ephemeral copy has done its job once the public one is up.
  if (input.ephemeral) await respond?.({ delete_original: true });
  await uploadCharts(deps, client, input.channelId, [result.view], input.threadTs);
  return result;
}

async function run(deps: SlackDeps, client: WebClient, input: ActionInput, respond: Respond | undefined): Promise<DispatchResult> {
  const where = { userId: input.userId, workspaceId: input.teamId, ...(input.channelId ? { channelId: input.channelId } : {}) };
  const result = await deps.dispatcher.runEncoded(input.value, commandContext(deps, client, where));
  if (input.fromHome) {
    await publishHome(deps, client, input.userId, result.view);
    return result;
  }
  if (result.data?.kind === 'comparison' && input.threadTs && input.channelId) {
    // Posted to the whole thread: answered without the clicker's profile (no "For you" line in public).
    const posted = result.view.private ? await deps.dispatcher.runEncoded(input.value, commandContext(deps, client, where, false)) : result;
    // A comparison chosen in a thread becomes that thread's comparison, for everyone in it.
    const key = { platform: 'slack' as const, workspaceId: input.teamId, channelId: input.channelId, threadTs: input.threadTs };
    await rememberComparison(
      deps,
      key,
      result.data.roles.map((r) => r.id),
    );
    await postView(client, input.channelId, posted.view, { threadTs: input.threadTs });
    if (input.ephemeral) await respond?.({ delete_original: true });
    await uploadCharts(deps, client, input.channelId, [posted.view], input.threadTs);
    return posted;
  }
  const shareValue = result.outcome === 'ok' && !result.view.private ? encodeShare({ encoded: input.value }) : undefined;
  await reply(respond, result.view, shareValue);
  return result;
}

/**
 * A signed request can be replayed within Slack's 5-minute window, and a Share posts publicly:
 * the click's trigger_id goes in the event log, so the same click posts once.
 */
async function firstShare(deps: SlackDeps, input: ActionInput): Promise<boolean> {
  try {
    if (await deps.store.events.firstSeen('slack-share', input.id)) return true;
    deps.logger.info({ id: input.id, platform: 'slack' }, 'repeated share click ignored');
    return false;
  } catch (err) {
    // Without the log we cannot tell; sharing twice beats not sharing.
    deps.logger.warn({ err, id: input.id }, 'event log unavailable; sharing anyway');
    return true;
  }
}

export async function handleAction(deps: SlackDeps, client: WebClient, input: ActionInput, respond: Respond | undefined): Promise<void> {
  if (input.actionId === SHARE_ACTION_ID && !(await firstShare(deps, input))) return;
  const rec = beginInteraction(deps, { id: input.id, kind: input.actionId === SHARE_ACTION_ID ? 'share' : 'action', command: 'action' });
  try {
    const result = input.actionId === SHARE_ACTION_ID ? await share(deps, client, input, respond) : await run(deps, client, input, respond);
    rec.result(result);
  } catch (error) {
    const failure = rec.fail(error);
    await Promise.resolve(reply(respond, failure)).catch((err: unknown) =>
      deps.logger.warn({ err, errorId: rec.errorId }, 'could not tell the user about a failure'),
    );
  } finally {
    rec.finish();
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
    teamId: body.team?.id ?? body.user.team_id ?? deps.teamId ?? '',
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
  // Slack opens a url button's link itself; the event it sends anyway only needs its ack.
  app.action<BlockAction>({ type: 'block_actions', action_id: LINK_ACTION_ID_PATTERN }, async ({ ack }) => {
    await ack();
  });
}
