import { parseArgs } from 'node:util';
import { difficultyInput, layerInput } from '../../commands/roles.js';
import { ConfigError, loadEnv, type Env } from '../config/env.js';
import { createCore, type Core } from '../core/create.js';
import { openKnowledgeBase } from '../core/data/open.js';
import { DataError } from '../core/data/errors.js';
import { silentLogger, type Logger } from '../observability/logger.js';
import { EXIT } from '../exit-codes.js';
import { renderForTerminal } from '../platforms/console/index.js';
import { spotlightPlatform } from '../platforms/index.js';
import { SPOTLIGHT_PLATFORMS, type SpotlightPlatform } from '../platforms/names.js';
import { channelLabel, listView } from '../../commands/spotlight-views.js';
import { SpotlightService, SubscribeInput, type Clock, type RunSummary } from '../spotlight/index.js';
import { describeInputError, mergeSubscription } from '../spotlight/input.js';
import type { CanPost } from '../spotlight/poster.js';
import { Dispatcher } from '../app/dispatch.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { ChannelKey } from '../store/spotlight-store.js';
import type { View } from '../views/view.js';
import type { Io } from './io.js';
import { OPTIONS, parseCommand, parsePlatform, spotlightUsage, UsageError, type Flags } from './spotlight-args.js';
import { openPlatformClients, tokenVariable, type ClientOptions, type PlatformClients } from './spotlight-clients.js';

/** The CLI's words for /spotlight's subcommands. */
const MANAGE = new Map([
  ['remove', 'unsubscribe'],
  ['pause', 'pause'],
  ['resume', 'resume'],
  ['status', 'status'],
  ['preview', 'preview'],
]);

/** Like the service: sends in flight get this long to finish after SIGTERM or SIGINT. */
const STOP_TIMEOUT_MS = 6_000;
/** The code a run stopped by a signal exits with (128 + the signal's number). */
const SIGNALS = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;
type StopSignal = keyof typeof SIGNALS;

/** What tests inject instead of the process’s environment, core and clock; pacing overrides. */
export interface SpotlightCliDeps {
  env?: Env;
  core?: Core;
  clock?: Clock;
  logger?: Logger;
  clients?: ClientOptions;
}

export async function spotlightCli(args: string[], io: Io, deps: SpotlightCliDeps = {}): Promise<number> {
  let flags: Flags;
  let positionals: string[];
  try {
    ({ values: flags, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (err) {
    io.stderr.write(`rolecall spotlight: ${(err as Error).message}\n\n${spotlightUsage()}\n`);
    return EXIT.usage;
  }
  const [sub, ...rest] = positionals;
  if (flags.help || sub === undefined) {
    (flags.help ? io.stdout : io.stderr).write(`${spotlightUsage()}\n`);
    return flags.help ? EXIT.ok : EXIT.usage;
  }
  let env: Env;
  let core: Core;
  let command: { sub: string; channel?: ChannelKey };
  try {
    command = parseCommand(sub, rest, flags);
    // The CLI posts through the Web API only; it receives no Slack events.
    env = deps.env ?? loadEnv({ receivesEvents: false });
    core = deps.core ?? createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR));
  } catch (err) {
    if (err instanceof UsageError) return fail(io, `${err.message}\n\n${spotlightUsage()}`, EXIT.usage);
    if (err instanceof ConfigError) return fail(io, `${err.message}\nSee .env.example for every variable.`, EXIT.usage);
    if (err instanceof DataError) return fail(io, err.message, EXIT.data);
    throw err;
  }
  let store: Store;
  try {
    store = await openStore(env, deps.logger ? { logger: deps.logger } : {});
  } catch (err) {
    // The database is down or unusable: a failure to report, never a stack trace (or a password).
    return fail(io, (err as Error).message, EXIT.failed);
  }
  const run = new SpotlightCliRun(io, flags, env, core, store, deps);
  // SIGTERM (systemd, Kubernetes, a CronJob's deadline) and Ctrl-C stop the run the way the
  // service stops: no new claims, sends in flight finish and are marked, nothing half done.
  const onSignal = (signal: StopSignal) => run.interrupt(signal);
  for (const signal of Object.keys(SIGNALS) as StopSignal[]) process.on(signal, onSignal);
  try {
    const code = await run.dispatch(command.sub, command.channel);
    return run.interrupted ? run.reportInterrupted() : code;
  } catch (err) {
    if (err instanceof UsageError) return fail(io, `${err.message}\n\n${spotlightUsage()}`, EXIT.usage);
    throw err;
  } finally {
    await run.close();
    for (const signal of Object.keys(SIGNALS) as StopSignal[]) process.off(signal, onSignal);
  }
}

/** Skips that need no line of their own: the normal rerun, and what the token lines explain. */
const QUIET_SKIPS = new RegExp(`^(already sent this week|no (${SPOTLIGHT_PLATFORMS.join('|')}) poster configured|being sent by another run)`);

function fail(io: Io, message: string, code: number): number {
  io.stderr.write(`rolecall spotlight: ${message}\n`);
  return code;
}

/** One invocation: the store, the service and, when a subcommand needs them, platform clients. */
class SpotlightCliRun {
  private clients: PlatformClients | undefined;
  private service: SpotlightService;
  interrupted: StopSignal | undefined;

  constructor(
    private readonly io: Io,
    private readonly flags: Flags,
    private readonly env: Env,
    private readonly core: Core,
    private readonly store: Store,
    private readonly deps: SpotlightCliDeps,
  ) {
    this.service = this.newService();
  }

  private newService(): SpotlightService {
    const { store, core, env, deps } = this;
    return new SpotlightService({
      store,
      core,
      posters: this.clients?.posters ?? [],
      concurrency: env.SPOTLIGHT_CONCURRENCY,
      stopTimeoutMs: STOP_TIMEOUT_MS,
      logger: deps.logger ?? silentLogger(),
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
  }

  /** First signal: stop gracefully. A second one: leave now (a claim left in flight is recovered at once by the next run, since this process is gone). */
  interrupt(signal: StopSignal): void {
    if (this.interrupted) process.exit(SIGNALS[signal]);
    this.interrupted = signal;
    this.io.stderr.write(`rolecall spotlight: ${signal}: finishing the sends in flight, starting no new ones (again to quit at once)\n`);
    void this.service.stop();
  }

  reportInterrupted(): number {
    const signal = this.interrupted!;
    this.io.stderr.write(`rolecall spotlight: stopped by ${signal}; what was not sent is left for the next run\n`);
    return SIGNALS[signal];
  }

  private async connect(platforms: readonly SpotlightPlatform[]): Promise<PlatformClients> {
    this.clients = await openPlatformClients(this.env, platforms, this.store, this.deps.clients);
    this.service = this.newService();
    if (this.interrupted) void this.service.stop();
    return this.clients;
  }

  async close(): Promise<void> {
    await this.service.stop();
    this.clients?.close();
    await this.store.close();
  }

  async dispatch(sub: string, channel: ChannelKey | undefined): Promise<number> {
    if (sub === 'list') return this.list();
    if (sub === 'run') return this.runOnce();
    if (!channel) throw new UsageError(`${sub} needs a target`);
    if (sub === 'add') return this.add(channel);
    const subcommand = MANAGE.get(sub);
    if (!subcommand) throw new UsageError(`unknown subcommand "${sub}"`);
    // Whether this process can post there is part of the status: connect when the token is here.
    if (sub === 'status') await this.connect([channel.platform]);
    return this.spotlightCommand(channel, { subcommand, ...(sub === 'pause' ? { reason: this.flags.reason ?? 'paused from the command line' } : {}) });
  }

  /** Runs /spotlight through the Dispatcher, as the server operator: no manager check. */
  private async spotlightCommand(channel: ChannelKey, raw: Record<string, unknown>, canPost?: CanPost): Promise<number> {
    const result = await new Dispatcher(this.core).run('spotlight', raw, {
      platform: 'cli',
      invoker: { userId: this.flags.by ?? 'cli' },
      spotlight: { service: this.service, channel, authorize: async () => ({ ok: true }), ...(canPost ? { canPost } : {}) },
    });
    if (result.error) this.io.stderr.write(`rolecall spotlight: ${result.errorId}: ${String(result.error)}\n`);
    this.print(result.view);
    return result.data?.kind === 'spotlight' && result.data.ok ? EXIT.ok : EXIT.failed;
  }

  private print(view: View): void {
    const color = this.flags.color ?? Boolean(this.io.stdout.isTTY && !process.env.NO_COLOR);
    this.io.stdout.write(`${renderForTerminal(view, { color, width: Math.min(this.io.stdout.columns || 100, 110) })}\n`);
  }

  private async list(): Promise<number> {
    const platform = parsePlatform(this.flags.platform);
    const subscriptions = await this.service.list(platform ? { platform } : {});
    if (this.flags.json) this.io.stdout.write(`${JSON.stringify({ subscriptions })}\n`);
    else this.print(listView(this.core, subscriptions));
    return EXIT.ok;
  }

  private async add(channel: ChannelKey): Promise<number> {
    const { flags } = this;
    // Forgiving the way /roles is: "l5", "5" and "Moderate" work; "all" clears a filter.
    const lenient = <T>(schema: { safeParse(v: unknown): { data?: T } }, given: string | undefined) =>
      given === undefined || given.trim().toLowerCase() === 'all' ? given?.trim().toLowerCase() : (schema.safeParse(given).data ?? given);
    const change = {
      day: flags.day,
      time: flags.time,
      timezone: flags.tz,
      layer: lenient(layerInput, flags.layer),
      difficulty: lenient(difficultyInput, flags.difficulty),
      thread: flags.thread ? true : flags['no-thread'] ? false : undefined,
    };
    // Checked here first, for a usage error (exit 2) that names the channel; /spotlight subscribe merges the same way.
    const current = await this.service.subscription(channel);
    const parsed = SubscribeInput.safeParse({ channel, createdBy: flags.by ?? 'cli', ...mergeSubscription(change, current) });
    if (!parsed.success) throw new UsageError(`cannot subscribe ${channelLabel(channel)}:\n  ${describeInputError(parsed.error).replace(/\n/g, '\n  ')}`);

    let check = true;
    if (flags['no-check']) check = false;
    else if (spotlightPlatform(channel.platform).spotlight.checkNeedsMember && !flags.by) {
      // Slack's check is an ephemeral message to a member of the channel: without one, nothing is checked.
      this.io.stderr.write(
        'note: not checked that RoleCall can post there (pass --by <member user id> to check); a channel it cannot post in is paused at its first post, with the reason.\n',
      );
      check = false;
    }
    if (check) {
      const clients = await this.connect([channel.platform]);
      if (clients.unconfigured.length) {
        // The same on every platform: without the token here nothing can be checked, and the
        // bot (which has it) pauses a channel it cannot post in at its first post, with the reason.
        this.io.stderr.write(
          `note: not checked that RoleCall can post in ${channelLabel(channel)}: ${tokenVariable(channel.platform)} is not set here; a channel it cannot post in is paused at its first post, with the reason.\n`,
        );
        check = false;
      } else if (clients.problems.length) return fail(this.io, clients.problems.join('\n'), EXIT.failed);
    }
    const clients = this.clients;
    const raw = Object.fromEntries(Object.entries({ subcommand: 'subscribe', ...change }).filter(([, v]) => v !== undefined));
    return this.spotlightCommand(channel, raw, check && clients ? (c) => clients.canPost(c, flags.by) : undefined);
  }

  private async runOnce(): Promise<number> {
    const { flags, io } = this;
    const now = this.deps.clock?.now() ?? new Date();
    const at = flags.at === undefined ? now : new Date(flags.at);
    // --at backfills a moment of the current week; each channel's own week is checked again
    // in its timezone by the run, which skips it with the reason.
    if (at.getTime() > now.getTime() + 60_000)
      throw new UsageError(`--at ${at.toISOString()} is in the future (it is ${now.toISOString()}); run --once never posts ahead of time`);
    if (now.getTime() - at.getTime() > 7 * 86_400_000)
      throw new UsageError(`--at ${at.toISOString()} is not in the current week; an earlier week is never posted late`);
    const clients = await this.connect(SPOTLIGHT_PLATFORMS);
    if (clients.posters.length === 0 && clients.problems.length === 0) {
      const tokens = SPOTLIGHT_PLATFORMS.map((p) => tokenVariable(p)).join(' and/or ');
      return fail(io, `nothing to post with: set ${tokens} (the same variables as npm start)`, EXIT.usage);
    }
    for (const problem of clients.problems) io.stderr.write(`rolecall spotlight: ${problem}\n`);
    const summary = await this.service.runOnce(at);
    await this.report(summary, clients);
    return clients.problems.length > 0 || summary.failed > 0 ? EXIT.failed : EXIT.ok;
  }

  private async report(summary: RunSummary, clients: PlatformClients): Promise<void> {
    const { io } = this;
    const subs = new Map((await this.service.list()).map((s) => [s.id, s]));
    const label = (id: number) => {
      const s = subs.get(id);
      return s ? channelLabel(s) : `subscription ${id}`;
    };
    if (this.flags.json) {
      const outcomes = summary.outcomes.map((o) => ({ ...o, channel: label(o.subscriptionId) }));
      const held = summary.held.map((h) => ({ ...h, until: h.until.toISOString(), channel: label(h.subscriptionId) }));
      io.stdout.write(`${JSON.stringify({ ...summary, at: summary.at.toISOString(), outcomes, held, problems: clients.problems })}\n`);
      return;
    }
    const { due, posted, skipped, failed, recovered } = summary;
    io.stdout.write(
      `spotlight run at ${summary.at.toISOString()}: ${due} due, ${posted} posted, ${skipped} skipped, ${failed} failed, ${recovered} recovered after a crash\n`,
    );
    for (const o of summary.outcomes) {
      if (o.status === 'failed') io.stdout.write(`  failed  ${label(o.subscriptionId)}: ${o.reason ?? 'failed'}${o.paused ? ' (paused until resumed)' : ''}\n`);
      else if (o.alreadyPosted)
        io.stdout.write(`  found   ${label(o.subscriptionId)}: ${o.weekKey} was already posted before a crash; marked sent, not posted again\n`);
      else if (o.status === 'skipped' && o.reason && !QUIET_SKIPS.test(o.reason)) io.stdout.write(`  skipped ${label(o.subscriptionId)}: ${o.reason}\n`);
    }
    for (const h of summary.held) {
      io.stdout.write(
        `  held    ${label(h.subscriptionId)}: ${h.weekKey} is being sent by another live run (${h.holder}); left alone until ${h.until.toISOString()}\n`,
      );
    }
    for (const platform of clients.unconfigured) {
      const waiting = summary.outcomes.filter(
        (o) => o.status === 'skipped' && subs.get(o.subscriptionId)?.platform === platform && o.reason === `no ${platform} poster configured`,
      ).length;
      if (waiting) io.stdout.write(`  ${waiting} ${platform} spotlight(s) due, but ${tokenVariable(platform)} is not set here: left for a run that has it\n`);
    }
  }
}
