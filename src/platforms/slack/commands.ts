import type { App, RespondArguments, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DispatchResult } from '../../app/dispatch.js';
import { beginInteraction, commandContext, type SlackDeps } from './deps.js';
import { decodeSlackText } from './escape.js';
import { renderView } from './render.js';
import { encodeShare } from './share.js';
import { NAMESPACE_COMMAND, NAMESPACE_PREFIX, namespacedCommand } from './namespace.js';

export type Respond = (message: RespondArguments) => Promise<unknown>;

export type SlashCommandInput = Pick<SlashCommand, 'command' | 'text' | 'user_id' | 'channel_id' | 'team_id' | 'trigger_id'>;

/**
 * Answers a slash command through response_url, after the caller acked it. The answer is
 * ephemeral; a successful public-worthy one carries a "Share in channel" button.
 */
export async function handleCommand(deps: SlackDeps, client: WebClient, command: SlashCommandInput, respond: Respond): Promise<void> {
  const slash = command.command.replace(/^\//, '').toLowerCase();
  // Slack sends typed &, < and > as entities; the commands want what the user typed.
  const typed = decodeSlackText(command.text ?? '').trim();
  // /rolecall salary ML Engineer india is /salary ML Engineer india, spelled the namespaced way.
  const namespaced = slash === NAMESPACE_COMMAND.name;
  const { name, text } = namespaced ? namespacedCommand(typed) : { name: slash, text: typed };
  const rec = beginInteraction(deps, { id: command.trigger_id, kind: 'command', command: name });
  try {
    const invoker = { userId: command.user_id, channelId: command.channel_id, workspaceId: command.team_id };
    const ctx = { ...commandContext(deps, client, invoker), ...(namespaced ? { commandPrefix: NAMESPACE_PREFIX } : {}) };
    let result: DispatchResult;
    if (name === 'ask' && text) {
      // /ask keeps the channel's (or DM's) context for the asker, as DMs and mentions do.
      const conversation = { platform: 'slack' as const, workspaceId: command.team_id, conversationId: command.channel_id, userId: command.user_id };
      const asked = await deps.questions.ask(conversation, text, ctx);
      if (asked.kind === 'silent') return rec.set('rate_limited');
      if (asked.kind === 'limited') {
        rec.set('rate_limited');
        return void (await respond({ response_type: 'ephemeral', ...renderView(asked.view) }));
      }
      result = asked.result;
    } else result = await deps.dispatcher.runText(name, text, ctx);
    const share = result.outcome === 'ok' && !result.view.private ? encodeShare({ command: name, text }) : undefined;
    await respond({ response_type: 'ephemeral', ...renderView(result.view, share ? { share } : {}) });
    rec.result(result);
  } catch (error) {
    const failure = rec.fail(error);
    await respond({ response_type: 'ephemeral', ...renderView(failure) }).catch((err: unknown) =>
      deps.logger.warn({ err, errorId: rec.errorId }, 'could not tell the user about a failure'),
    );
  } finally {
    rec.finish();
  }
}

/**
 * One listener routes every slash command by name to the Dispatcher, /rolecall by the word after
 * it (an unknown name gets its clear answer).
 */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(/^\/[a-z0-9_-]+$/i, async ({ command, ack, respond, client }) => {
    // Ack first: Slack shows an error after 3 s, and the answer goes through response_url anyway.
    await ack();
    // Let pending I/O (other requests' acks) run before this answer's CPU work.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await handleCommand(deps, client, command, respond);
  });
}
