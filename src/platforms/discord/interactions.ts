import type { REST } from '@discordjs/rest';
import { ApplicationCommandType, ComponentType, InteractionResponseType, InteractionType, type APIInteractionResponse } from 'discord-api-types/v10';
import type { SpotlightManager } from '../../../commands/spotlight-access.js';
import type { ProfileAccess } from '../../../commands/command.js';
import type { Dispatcher, DispatchResult } from '../../app/dispatch.js';
import type { ChartRenderer } from '../../charts/index.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { unsupportedInteractionView } from '../../views/cards/notice.js';
import type { Store } from '../../store/store.js';
import { InteractionLog, type InteractionRecord } from '../shared/interactions.js';
import { QuestionDesk } from '../shared/questions.js';
import { defaultChartRenderer, withChart } from './chart.js';
import type { CommandHooks } from './extension.js';
import { installScope } from './installs.js';
import { focusedOption, optionsToRaw, roleChoices, tidyChoices } from './options.js';
import { Answerable, describeIssues, InteractionPayload, type UserInteraction } from './payload.js';
import { type FirstAnswer, InteractionReply } from './reply.js';
import { renderForDiscord } from './render.js';
import { commandHooks, discordSpotlightAccess } from './spotlight-access.js';
import { discordSettingsAccess } from './settings-access.js';

export interface InteractionHandlerOptions {
  dispatcher: Dispatcher;
  logger: Logger;
  metrics: Metrics;
  /** Discord-only commands' hooks (their autocomplete); the spotlight's by default. */
  extraCommands?: readonly CommandHooks[];
  /** What /spotlight manages; undefined when the spotlight is off (SPOTLIGHT_ENABLED=false). */
  spotlight?: SpotlightManager;
  /** Defer when a command has not answered after this long; Discord's deadline is 3 s. */
  deferAfterMs?: number;
  /** Draws the charts of answers that have one (the lazily loaded renderer by default). */
  renderChart?: ChartRenderer;
  /** Keeps /ask's follow-up context per channel and person ("/ask and in india?"); without it each question stands alone. */
  store?: Store;
  /** Saved profiles (/profile and the "for you" lines): the service's store. */
  profiles?: ProfileAccess;
}

export const DEFAULT_DEFER_AFTER_MS = 1000;

/** How long stop() waits for answers under way (a deferred answer's edit), within the 10 s shutdown. */
export const STOP_GRACE_MS = 5_000;

/** Handles one raw interaction payload, answering through `first` and the REST client's webhook calls. Never rejects. */
export type InteractionHandler = (payload: unknown, first: FirstAnswer) => Promise<void>;

const UNSUPPORTED = unsupportedInteractionView();

/**
 * The one interaction handler, for the gateway and for HTTP interactions alike: it validates the
 * raw payload, routes chat input to Dispatcher.run, autocomplete to the resolver (or a command's
 * hook), buttons and selects to Dispatcher.runEncoded, and answers as Discord documents it:
 * inline when the answer is ready within `deferAfterMs`, else deferred and edited in.
 */
export function createInteractionHandler(opts: InteractionHandlerOptions & { rest: REST }): InteractionHandler {
  const { dispatcher, rest } = opts;
  const log = opts.logger.child({ platform: 'discord' });
  const interactions = new InteractionLog('discord', opts.logger, opts.metrics);
  const hooks = new Map((opts.extraCommands ?? commandHooks).flatMap((e) => (e.autocomplete ? [[e.data.name, e.autocomplete] as const] : [])));
  const deferAfter = opts.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const renderChart = opts.renderChart ?? defaultChartRenderer;
  // /ask keeps the conversation's context as a DM does; no rate limit: people type slash commands, loops cannot.
  const questions = opts.store ? new QuestionDesk({ dispatcher, memory: opts.store.conversations, logger: log, rate: false }) : undefined;

  const contextFor = (i: UserInteraction) => {
    const settings = opts.store ? discordSettingsAccess(i, opts.store.settings) : undefined;
    return interactions.context(
      {
        userId: i.member?.user.id ?? i.user?.id ?? '',
        ...(i.channel_id ? { channelId: i.channel_id } : {}),
        ...(i.guild_id ? { workspaceId: i.guild_id } : {}),
      },
      discordSpotlightAccess(i, opts.spotlight),
      // Every interaction can be answered ephemerally, so profile answers are always private here.
      { ...(opts.profiles ? { profiles: opts.profiles } : {}), ...(settings ? { settings } : {}) },
    );
  };

  /** Runs the work; if it is slow, defers first so Discord's 3-second deadline is met. */
  async function withDeferral<T>(reply: InteractionReply, work: Promise<T>): Promise<T> {
    work.catch(() => undefined); // awaited below; this only stops a rejection during the defer going unhandled
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(resolve, deferAfter, 'late');
    });
    try {
      const first = await Promise.race([work.then((value) => ({ value })), late]);
      if (first !== 'late') return first.value;
    } finally {
      clearTimeout(timer);
    }
    await reply.defer();
    return work;
  }

  async function run(reply: InteractionReply, rec: InteractionRecord, dispatch: () => Promise<DispatchResult>): Promise<void> {
    // Drawing a chart counts as work: a slow first chart is covered by the deferral too.
    const work = dispatch().then(async (result) => ({ result, out: await withChart(result.view, renderForDiscord(result.view), renderChart, log) }));
    const { result, out } = await withDeferral(reply, work);
    rec.result(result);
    await reply.message(out.message, out.files);
  }

  /** A slash command through the Dispatcher; /ask with a question through the question desk, for its follow-up context. */
  async function chatInput(i: UserInteraction, name: string, raw: Record<string, unknown>): Promise<DispatchResult> {
    const ctx = contextFor(i);
    if (name !== 'ask' || !questions || typeof raw.question !== 'string') return dispatcher.run(name, raw, ctx);
    const userId = ctx.invoker?.userId ?? '';
    const key = { platform: 'discord' as const, workspaceId: i.guild_id ?? '', conversationId: i.channel_id ?? '', userId };
    const asked = await questions.ask(key, raw.question, ctx);
    // Without a rate limit every question is answered; the fallback only satisfies the type.
    return asked.kind === 'answer' ? asked.result : dispatcher.run(name, raw, ctx);
  }

  async function unsupported(reply: InteractionReply, rec: InteractionRecord): Promise<void> {
    rec.command = 'unsupported';
    rec.set('unsupported');
    await reply.message(renderForDiscord(UNSUPPORTED));
  }

  async function route(i: UserInteraction, reply: InteractionReply, rec: InteractionRecord): Promise<void> {
    switch (i.type) {
      case InteractionType.ApplicationCommandAutocomplete: {
        const focused = focusedOption(i.data.options ?? []);
        // Discord always marks the option being typed; without one there is nothing to complete.
        if (!focused) {
          await reply.choices([]);
          rec.set('ok');
          return;
        }
        const hook = hooks.get(i.data.name);
        const core = dispatcher.core;
        const choices = hook ? hook({ command: i.data.name, option: focused.name, value: focused.value, core }) : roleChoices(core, focused.value);
        await reply.choices(tidyChoices(choices));
        rec.set('ok');
        return;
      }
      case InteractionType.ApplicationCommand:
        if (i.data.type !== ApplicationCommandType.ChatInput) return unsupported(reply, rec);
        return run(reply, rec, () => chatInput(i, i.data.name, optionsToRaw(i.data.options ?? [])));
      case InteractionType.MessageComponent:
        if (i.data.component_type === ComponentType.Button) return run(reply, rec, () => dispatcher.runEncoded(i.data.custom_id, contextFor(i)));
        if (i.data.component_type === ComponentType.StringSelect) {
          return run(reply, rec, () => dispatcher.runEncoded(i.data.values?.[0] ?? '', contextFor(i)));
        }
        return unsupported(reply, rec);
      default:
        return unsupported(reply, rec);
    }
  }

  /** A payload that failed validation: answered with an error id where it can be, else refused. */
  async function malformed(payload: unknown, issues: string, first: FirstAnswer): Promise<void> {
    const answerable = Answerable.safeParse(payload);
    const id = (payload as { id?: unknown } | null)?.id;
    const rec = interactions.begin({ id: typeof id === 'string' && /^\d{1,20}$/.test(id) ? id : 'unknown', kind: 'malformed', command: 'malformed' });
    const view = rec.fail(new Error(issues), 'read that interaction', 'malformed interaction dropped');
    rec.finish();
    if (!answerable.success) return first.refuse('not an interaction RoleCall can read');
    const { token, type } = answerable.data;
    const response: APIInteractionResponse =
      type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : { type: InteractionResponseType.ChannelMessageWithSource, data: renderForDiscord(view) };
    await first
      .send({ id: answerable.data.id, token }, response, [])
      .catch((err: unknown) => log.warn({ err, interactionId: answerable.data.id }, 'could not answer a malformed interaction'));
  }

  async function handle(payload: unknown, first: FirstAnswer): Promise<void> {
    const parsed = InteractionPayload.safeParse(payload);
    if (!parsed.success) return malformed(payload, describeIssues(parsed.error), first);
    const i = parsed.data;
    if (i.type === InteractionType.Ping) return first.send(i, { type: InteractionResponseType.Pong }, []);
    const autocomplete = i.type === InteractionType.ApplicationCommandAutocomplete;
    const command = i.type === InteractionType.MessageComponent ? 'component' : i.type === InteractionType.ModalSubmit ? 'modal' : i.data.name;
    const rec = interactions.begin({
      id: i.id,
      kind: autocomplete ? 'autocomplete' : i.type === InteractionType.MessageComponent ? 'component' : 'command',
      command: autocomplete ? `${command}:autocomplete` : command,
      quiet: autocomplete,
    });
    const reply = new InteractionReply(first, rest, i, installScope(i).privateOnly);
    try {
      await route(i, reply, rec);
    } catch (error) {
      const failure = rec.fail(error);
      // The failure notice is private; autocomplete can only be told "no choices".
      await (autocomplete ? reply.choices([]) : reply.message(renderForDiscord(failure))).catch((err: unknown) =>
        log.warn({ err, interactionId: i.id, errorId: rec.errorId }, 'could not tell the user about a failure'),
      );
    } finally {
      rec.finish();
    }
  }

  return (payload, first) => handle(payload, first).catch((error: unknown) => log.error({ err: error }, 'interaction handler failed'));
}
