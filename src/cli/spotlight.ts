import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { difficultyInput, layerInput } from '../../commands/roles.js';
import { ConfigError, parseEnv, type Env } from '../config/env.js';
import { createCore, type Core } from '../core/create.js';
import { openKnowledgeBase } from '../core/data/open.js';
import { DataError } from '../core/data/errors.js';
import { silentLogger, type Logger } from '../observability/logger.js';
import { renderForTerminal } from '../platforms/console/render.js';
import { channelLabel, SpotlightService, SubscribeInput, type Clock, type RunSummary } from '../spotlight/index.js';
import { describeInputError } from '../spotlight/input.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { ChannelKey, SpotlightPlatform } from '../store/spotlight-store.js';
import type { View } from '../views/view.js';
import type { Io } from './io.js';
import { OPTIONS, parseCommand, spotlightUsage, UsageError, type Flags } from './spotlight-args.js';
import { openPlatformClients, tokenVariable, type ClientOptions, type PlatformClients } from './spotlight-clients.js';

export { parseTarget, spotlightUsage } from './spotlight-args.js';

/** Exit codes: 0 done, 1 something failed, 2 bad usage or configuration, 3 invalid role data. */
export const SPOTLIGHT_EXIT = { ok: 0, failed: 1, usage: 2, data: 3 } as const;

/** What tests inject instead of the process’s environment, core and clock; pacing overrides. */
export interface SpotlightCliDeps {
  env?: Env;
  core?: Core;
  clock?: Clock;
  logger?: Logger;
  clients?: ClientOptions;
}

function loadEnv(): Env {
  if (existsSync('.env')) dotenv.config({ path: '.env', quiet: true });
  // The CLI posts through the Web API only; it receives no Slack events.
  return parseEnv(process.env, { receivesEvents: false });
}

export async function spotlightCli(args: string[], io: Io, deps: SpotlightCliDeps = {}): Promise<number> {
  let flags: Flags;
  let positionals: string[];
  try {
    ({ values: flags, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (err) {
    io.stderr.write(`rolecall spotlight: ${(err as Error).message}\n\n${spotlightUsage()}\n`);
    return SPOTLIGHT_EXIT.usage;
  }
  const [sub, ...rest] = positionals;
  if (flags.help || sub === undefined) {
    (flags.help ? io.stdout : io.stderr).write(`${spotlightUsage()}\n`);
    return flags.help ? SPOTLIGHT_EXIT.ok : SPOTLIGHT_EXIT.usage;
  }
  let env: Env;
  let core: Core;
  let command: { sub: string; channel?: ChannelKey };
  try {
    command = parseCommand(sub, rest, flags);
    env = deps.env ?? loadEnv();
    core = deps.core ?? createCore(await openKnowledgeBase(env.ROLECALL_DATA_DIR));
  } catch (err) {
    if (err instanceof UsageError) return fail(io, `${err.message}\n\n${spotlightUsage()}`, SPOTLIGHT_EXIT.usage);
    if (err instanceof ConfigError) return fail(io, `${err.message}\nSee .env.example for every variable.`, SPOTLIGHT_EXIT.usage);
    if (err instanceof DataError) return fail(io, err.message, SPOTLIGHT_EXIT.data);
    throw err;
  }
  const run = new SpotlightCliRun(io, flags, env, core, deps);
  try {
    return await run.dispatch(command.sub, command.channel);
  } catch (err) {
    if (err instanceof UsageError) return fail(io, `${err.message}\n\n${spotlightUsage()}`, SPOTLIGHT_EXIT.usage);
    throw err;
  } finally {
    await run.close();
  }
}

function fail(io: Io, message: string, code: number): number {
  io.stderr.write(`rolecall spotlight: ${message}\n`);
  return code;
}

/** One invocation: the store, the service and, when a subcommand needs them, platform clients. */
class SpotlightCliRun {
  private readonly store: SqliteStore;
  private clients: PlatformClients | undefined;
  private service: SpotlightService;

  constructor(
    private readonly io: Io,
    private readonly flags: Flags,
    private readonly env: Env,
    private readonly core: Core,
    private readonly deps: SpotlightCliDeps,
  ) {
    this.store = SqliteStore.open(env.ROLECALL_DB);
    this.service = this.newService();
  }

  private newService(): SpotlightService {
    const { store, core, env, deps } = this;
    return new SpotlightService({
      store,
      core,
      posters: this.clients?.posters ?? [],
      concurrency: env.SPOTLIGHT_CONCURRENCY,
      logger: deps.logger ?? silentLogger(),
      ...(deps.clock ? { clock: deps.clock } : {}),
    });
  }

  private async connect(platforms: readonly SpotlightPlatform[]): Promise<PlatformClients> {
    this.clients = await openPlatformClients(this.env, platforms, this.deps.clients);
    this.service = this.newService();
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
    const result = await this.manage(sub, channel);
    this.print(result.view);
    return result.ok ? SPOTLIGHT_EXIT.ok : SPOTLIGHT_EXIT.failed;
  }

  private async manage(sub: string, channel: ChannelKey): Promise<{ ok: boolean; view: View }> {
    switch (sub) {
      case 'remove':
        return this.service.unsubscribe(channel);
      case 'pause':
        return this.service.pause(channel, this.flags.reason ?? 'paused from the command line');
      case 'resume':
        return this.service.resume(channel);
      case 'status':
        return { ...(await this.service.status(channel)), ok: true };
      case 'preview':
        return this.service.preview(channel);
      default:
        throw new UsageError(`unknown subcommand "${sub}"`);
    }
  }

  private print(view: View): void {
    const color = this.flags.color ?? Boolean(this.io.stdout.isTTY && !process.env.NO_COLOR);
    this.io.stdout.write(`${renderForTerminal(view, { color, width: Math.min(this.io.stdout.columns || 100, 110) })}\n`);
  }

  private async list(): Promise<number> {
    const platform = this.flags.platform;
    if (platform !== undefined && platform !== 'discord' && platform !== 'slack') throw new UsageError('--platform is discord or slack');
    const { subscriptions, view } = await this.service.list(platform ? { platform } : {});
    if (this.flags.json) this.io.stdout.write(`${JSON.stringify({ subscriptions })}\n`);
    else this.print(view);
    return SPOTLIGHT_EXIT.ok;
  }

  private async add(channel: ChannelKey): Promise<number> {
    const { flags } = this;
    // Like /spotlight subscribe: what is left out keeps the current value, and "all" clears a filter.
    const current = await this.service.subscription(channel);
    // Forgiving the way /roles is: "l5", "5" and "Moderate" work.
    const filter = <T>(schema: { safeParse(v: unknown): { data?: T } }, given: string | undefined, now: T | undefined) =>
      given === undefined ? now : given.trim().toLowerCase() === 'all' ? undefined : (schema.safeParse(given).data ?? given);
    const raw: Record<string, unknown> = {
      channel,
      createdBy: flags.by ?? 'cli',
      day: flags.day ?? current?.dayOfWeek,
      time: flags.time ?? current?.localTime,
      timezone: flags.tz ?? current?.timezone,
      layer: filter(layerInput, flags.layer, current?.filter.layer),
      difficulty: filter(difficultyInput, flags.difficulty, current?.filter.difficulty),
    };
    const parsed = SubscribeInput.safeParse(raw);
    if (!parsed.success) throw new UsageError(`cannot subscribe ${channelLabel(channel)}:\n  ${describeInputError(parsed.error).replace(/\n/g, '\n  ')}`);

    let check = true;
    if (flags['no-check']) check = false;
    else if (channel.platform === 'slack' && !flags.by) {
      // With only chat:write, Slack's check is an ephemeral message to a member of the channel.
      this.io.stderr.write('note: not checked that RoleCall can post there (pass --by <member user id> to check); a channel it cannot post in is paused at its first post, with the reason.\n');
      check = false;
    }
    if (check) {
      const clients = await this.connect([channel.platform]);
      if (clients.unconfigured.length) {
        return fail(this.io, `cannot check that RoleCall can post in ${channelLabel(channel)}: ${tokenVariable(channel.platform)} is not set (set it, or pass --no-check)`, SPOTLIGHT_EXIT.usage);
      }
      if (clients.problems.length) return fail(this.io, clients.problems.join('\n'), SPOTLIGHT_EXIT.failed);
    }
    const clients = this.clients;
    const result = await this.service.subscribe(parsed.data, check && clients ? { canPost: (c) => clients.canPost(c, flags.by) } : {});
    this.print(result.view);
    return result.ok ? SPOTLIGHT_EXIT.ok : SPOTLIGHT_EXIT.failed;
  }

  private async runOnce(): Promise<number> {
    const { flags, io } = this;
    const at = flags.at === undefined ? (this.deps.clock?.now() ?? new Date()) : new Date(flags.at);
    const clients = await this.connect(['discord', 'slack']);
    if (clients.posters.length === 0 && clients.problems.length === 0) {
      return fail(io, 'nothing to post with: set DISCORD_TOKEN and/or SLACK_BOT_TOKEN (the same variables as npm start)', SPOTLIGHT_EXIT.usage);
    }
    for (const problem of clients.problems) io.stderr.write(`rolecall spotlight: ${problem}\n`);
    const summary = await this.service.runOnce(at);
    await this.report(summary, clients);
    return clients.problems.length > 0 || summary.failed > 0 ? SPOTLIGHT_EXIT.failed : SPOTLIGHT_EXIT.ok;
  }

  private async report(summary: RunSummary, clients: PlatformClients): Promise<void> {
    const { io } = this;
    const subs = new Map((await this.service.list()).subscriptions.map((s) => [s.id, s]));
    const label = (id: number) => {
      const s = subs.get(id);
      return s ? channelLabel(s) : `subscription ${id}`;
    };
    if (this.flags.json) {
      const outcomes = summary.outcomes.map((o) => ({ ...o, channel: label(o.subscriptionId) }));
      io.stdout.write(`${JSON.stringify({ ...summary, at: summary.at.toISOString(), outcomes, problems: clients.problems })}\n`);
      return;
    }
    const { due, posted, skipped, failed, recovered } = summary;
    io.stdout.write(`spotlight run at ${summary.at.toISOString()}: ${due} due, ${posted} posted, ${skipped} skipped, ${failed} failed, ${recovered} recovered after a crash\n`);
    for (const o of summary.outcomes) {
      if (o.status === 'failed') io.stdout.write(`  failed  ${label(o.subscriptionId)}: ${o.reason ?? 'failed'}${o.paused ? ' (paused until resumed)' : ''}\n`);
    }
    for (const platform of clients.unconfigured) {
      const waiting = summary.outcomes.filter((o) => o.status === 'skipped' && subs.get(o.subscriptionId)?.platform === platform && o.reason === `no ${platform} poster configured`).length;
      if (waiting) io.stdout.write(`  ${waiting} ${platform} spotlight(s) due, but ${tokenVariable(platform)} is not set here: left for a run that has it\n`);
    }
  }
}
