import * as z from 'zod';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  MessageFlags,
  Routes,
  type Client,
  type APIApplicationCommandOptionChoice,
  type AutocompleteInteraction,
  type CommandInteractionOption,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { newErrorId, type Dispatcher, type DispatchResult } from '../../app/dispatch.js';
import type { CommandContext } from '../../../commands/index.js';
import type { SpotlightManager } from '../../../commands/spotlight-access.js';
import type { Core } from '../../core/index.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { failureView, unsupportedInteractionView } from '../../views/cards/notice.js';
import { plainText } from './escape.js';
import { clip, cut, DISCORD_LIMITS as L } from './limits.js';
import { renderForDiscord, type DiscordMessage } from './render.js';
import type { ChartRenderer } from '../../charts/index.js';
import { defaultChartRenderer, withChart, type DiscordFile } from './chart.js';
import type { DiscordCommandExtension } from './slash-commands.js';
import { discordSpotlightAccess } from './spotlight-command.js';

export interface InteractionHandlerOptions {
  dispatcher: Dispatcher;
  logger: Logger;
  metrics: Metrics;
  extraCommands?: readonly DiscordCommandExtension[];
  /** What /spotlight manages; undefined when the spotlight is off (SPOTLIGHT_ENABLED=false). */
  spotlight?: SpotlightManager;
  /** Defer when a command has not answered after this long; Discord's deadline is 3 s. */
  deferAfterMs?: number;
  /** Draws the charts of answers that have one (the lazily loaded renderer by default). */
  renderChart?: ChartRenderer;
}

export const DEFAULT_DEFER_AFTER_MS = 1000;

type Choice = APIApplicationCommandOptionChoice<string>;

interface Trace {
  command: string;
  outcome: string;
  autocomplete: boolean;
}

/** Role names ranked by the core's resolver; the user's own text when nothing matches. */
export function roleChoices(core: Core, typed: string): Choice[] {
  const query = typed.trim();
  const roles = core.suggest(query, L.choices);
  if (roles.length > 0) return roles.map((r) => ({ name: r.name, value: r.name }));
  return query ? [{ name: query, value: query }] : [];
}

/** At most 25 choices, unique values, names 1–100 and values ≤ 100 characters. */
export function tidyChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    const value = cut(c.value, L.choiceValue);
    if (!value.trim() || seen.has(value) || out.length >= L.choices) continue;
    seen.add(value);
    out.push({ name: clip(plainText(c.name), L.choiceName).trim() || value, value });
  }
  return out;
}

/** Chat-input options as the command's raw input; subcommands become `subcommand` / `subcommandGroup`. */
export function optionsToRaw(options: readonly CommandInteractionOption[]): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  const walk = (list: readonly CommandInteractionOption[]) => {
    for (const o of list) {
      if (o.type === ApplicationCommandOptionType.SubcommandGroup) entries.push(['subcommandGroup', o.name]);
      else if (o.type === ApplicationCommandOptionType.Subcommand) entries.push(['subcommand', o.name]);
      else entries.push([o.name, o.value]);
      if (o.options) walk(o.options);
    }
  };
  walk(options);
  // fromEntries defines own properties, so an option named "__proto__" cannot reach the prototype.
  return Object.fromEntries(entries);
}

/**
 * Routes every interaction: chat input → Dispatcher.run, autocomplete → core.suggest,
 * buttons and selects → Dispatcher.runEncoded. The returned handler never rejects.
 */
export function createInteractionHandler(opts: InteractionHandlerOptions): (interaction: Interaction) => Promise<void> {
  const { dispatcher, metrics } = opts;
  const log = opts.logger.child({ platform: 'discord' });
  const hooks = new Map((opts.extraCommands ?? []).flatMap((e) => (e.autocomplete ? [[e.data.name, e.autocomplete] as const] : [])));
  const deferAfter = opts.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const renderChart = opts.renderChart ?? defaultChartRenderer;

  const contextFor = (i: Interaction): CommandContext => ({
    platform: 'discord',
    invoker: { userId: i.user.id, channelId: i.channelId ?? undefined, workspaceId: i.guildId ?? undefined },
    spotlight: discordSpotlightAccess(i, opts.spotlight),
  });

  async function answer(interaction: RepliableInteraction, message: DiscordMessage, files: readonly DiscordFile[] = []): Promise<void> {
    const attached = files.length > 0 ? { files: files.map((f) => ({ attachment: f.data, name: f.name, description: f.description })) } : {};
    const body = { embeds: message.embeds, components: message.components, allowedMentions: { parse: [] }, ...attached };
    const ephemeral = message.flags === MessageFlags.Ephemeral;
    const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
    if (interaction.deferred && !interaction.replied) {
      if (ephemeral && !interaction.ephemeral) {
        // A public "thinking…" cannot become private: remove it and answer privately instead.
        await interaction.deleteReply();
        await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
      } else await interaction.editReply(body);
      return;
    }
    if (interaction.replied) await interaction.followUp({ ...body, ...flags });
    else await interaction.reply({ ...body, ...flags });
  }

  /** Runs the work; if it is slow, acknowledges first so Discord's 3-second deadline is met. */
  async function withDeferral<T>(interaction: RepliableInteraction, work: Promise<T>): Promise<T> {
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
    await interaction.deferReply();
    return work;
  }

  async function run(interaction: RepliableInteraction, trace: Trace, dispatch: () => Promise<DispatchResult>): Promise<void> {
    // Drawing a chart counts as work: a slow first chart is covered by the deferral too.
    const work = dispatch().then(async (result) => ({ result, out: await withChart(result.view, renderForDiscord(result.view), renderChart, log) }));
    const { result, out } = await withDeferral(interaction, work);
    trace.command = result.command;
    trace.outcome = result.outcome;
    if (result.outcome === 'error') {
      log.error({ err: result.error, errorId: result.errorId, interactionId: interaction.id, command: result.command }, 'command failed');
    }
    await answer(interaction, out.message, out.files);
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const value = String(focused.value ?? '');
    const hook = hooks.get(interaction.commandName);
    const core = dispatcher.core;
    const choices = hook ? hook({ command: interaction.commandName, option: focused.name, value, core }) : roleChoices(core, value);
    await interaction.respond(tidyChoices(choices));
  }

  async function route(interaction: Interaction, trace: Trace): Promise<void> {
    if (interaction.isAutocomplete()) {
      trace.autocomplete = true;
      trace.command = `${interaction.commandName}:autocomplete`;
      await autocomplete(interaction);
      trace.outcome = 'ok';
    } else if (interaction.isChatInputCommand()) {
      trace.command = interaction.commandName;
      const raw = optionsToRaw(interaction.options.data);
      await run(interaction, trace, () => dispatcher.run(interaction.commandName, raw, contextFor(interaction)));
    } else if (interaction.isButton()) {
      trace.command = 'component';
      await run(interaction, trace, () => dispatcher.runEncoded(interaction.customId, contextFor(interaction)));
    } else if (interaction.isStringSelectMenu()) {
      trace.command = 'component';
      await run(interaction, trace, () => dispatcher.runEncoded(interaction.values[0] ?? '', contextFor(interaction)));
    } else if (interaction.isRepliable()) {
      trace.command = 'unsupported';
      trace.outcome = 'unsupported';
      await answer(interaction, renderForDiscord(unsupportedInteractionView()));
    } else trace.outcome = 'unsupported';
  }

  async function answerFailure(interaction: Interaction, errorId: string): Promise<void> {
    if (!interaction.isRepliable()) return;
    try {
      await answer(interaction, renderForDiscord(failureView(errorId)));
    } catch (error) {
      log.warn({ err: error, errorId, interactionId: interaction.id }, 'could not tell the user about a failure');
    }
  }

  async function handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const trace: Trace = { command: 'unknown', outcome: 'error', autocomplete: false };
    try {
      await route(interaction, trace);
    } catch (error) {
      trace.outcome = 'error';
      const errorId = newErrorId();
      log.error({ err: error, errorId, interactionId: interaction.id, command: trace.command }, 'interaction failed');
      await answerFailure(interaction, errorId);
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.observe(trace.command, 'discord', trace.outcome, seconds);
      // Autocomplete fires on every keystroke, so it is logged at debug.
      log[trace.autocomplete ? 'debug' : 'info'](
        { interactionId: interaction.id, command: trace.command, latencyMs: Math.round(seconds * 10_000) / 10, outcome: trace.outcome },
        'interaction',
      );
    }
  }

  return (interaction) => handle(interaction).catch((error: unknown) => log.error({ err: error }, 'interaction handler failed'));
}

/** The little a malformed interaction must still have for an answer to be possible. */
const Answerable = z.object({ id: z.string().regex(/^\d+$/), token: z.string().min(1), type: z.union([z.literal(2), z.literal(3), z.literal(5)]) });

/**
 * discord.js builds interaction objects inside its gateway handler, where a throw caused by a
 * malformed payload would become an unhandled rejection and end the process. This wraps that one
 * step so a bad interaction is logged (and answered, when it can be) instead. It reaches into
 * discord.js internals, so it is feature-detected and only warns if they ever change.
 */
export function guardInteractionCreate(client: Client, logger: Logger): void {
  const log = logger.child({ platform: 'discord' });
  type Action = { handle(data: unknown): unknown };
  const action = (client as unknown as { actions?: { InteractionCreate?: Action } }).actions?.InteractionCreate;
  if (typeof action?.handle !== 'function') {
    log.warn('cannot guard interaction handling: discord.js internals changed');
    return;
  }
  const handle = action.handle.bind(action);
  action.handle = (data: unknown) => {
    try {
      return handle(data);
    } catch (error) {
      const errorId = newErrorId();
      log.error({ err: error, errorId }, 'malformed interaction dropped');
      const answerable = Answerable.safeParse(data);
      if (answerable.success) {
        const { id, token } = answerable.data;
        const message = renderForDiscord(failureView(errorId, 'read that interaction'));
        client.rest
          .post(Routes.interactionCallback(id, token), { body: { type: InteractionResponseType.ChannelMessageWithSource, data: message }, auth: false })
          .catch((err: unknown) => log.warn({ err, errorId }, 'could not answer a malformed interaction'));
      }
      return undefined;
    }
  };
}
