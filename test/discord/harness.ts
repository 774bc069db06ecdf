import { Writable } from 'node:stream';
import * as z from 'zod';
import { commands as registry, type CommandDefinition } from '../../commands/index.js';
import { defineCommand } from '../../commands/command.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { parseEnv } from '../../src/config/env.js';
import type { Core } from '../../src/core/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { startDiscord, type DiscordRuntime, type StartDiscordOptions } from '../../src/platforms/discord/client.js';
import type { DiscordCommandExtension } from '../../src/platforms/discord/extension.js';
import { notice } from '../../src/views/cards/notice.js';
import type { View } from '../../src/views/view.js';
import { FakeDiscord, type FakeDiscordOptions } from '../fakes/discord/index.js';

export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** Log lines as parsed JSON, awaitable. */
export class LogCapture extends Writable {
  readonly lines: LogLine[] = [];
  private waiters: Array<{ match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];

  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) {
      const line = JSON.parse(text) as LogLine;
      this.lines.push(line);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(line)) return true;
        w.resolve(line);
        return false;
      });
    }
    done();
  }

  waitFor(match: (l: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching log line')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
    });
  }
}

export interface Gate {
  promise: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * Test-only commands: `slow` waits for a gate (to exercise deferral), `boom` throws inside the
 * command, `broken` returns a View the renderer cannot read, and `spotlight` stands in for the
 * platform-specific command with subcommands.
 */
export function testCommands(slowGate: () => Gate): CommandDefinition[] {
  const base = { usage: '', examples: [], parseText: () => ({}) };
  return [
    defineCommand({
      ...base,
      name: 'slow',
      description: 'Answers once the test opens the gate',
      options: [],
      input: z.object({ private: z.string().optional() }),
      async run(input): Promise<View> {
        await slowGate().promise;
        return notice('Slow answer', 'Finally here.', 'info', input.private === 'yes');
      },
    }),
    defineCommand({ ...base, name: 'boom', description: 'Throws', options: [], input: z.object({}), run: () => Promise.reject(new Error('kaboom')) }),
    defineCommand({ ...base, name: 'broken', description: 'Returns a malformed View', options: [], input: z.object({}), run: () => ({}) as View }),
    defineCommand({
      ...base,
      name: 'spotlight',
      description: 'Stands in for the spotlight command',
      options: [],
      input: z.object({ subcommand: z.enum(['subscribe', 'status']), channel: z.string().optional(), role: z.string().optional() }),
      run: async (input, _core, ctx) =>
        notice(
          `spotlight ${input.subcommand}`,
          `channel=${input.channel ?? '-'} role=${input.role ?? '-'} manage=${String((await ctx.spotlight?.authorize(undefined))?.ok)}`,
          'info',
        ),
    }),
  ] as CommandDefinition[];
}

/** The Discord side of the stand-in spotlight: subcommands, Manage Channels, its own autocomplete. */
export const spotlightExtension: DiscordCommandExtension = {
  data: new SlashCommandBuilder()
    .setName('spotlight')
    .setDescription('Weekly role spotlight for this channel')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addSubcommand((s) =>
      s
        .setName('subscribe')
        .setDescription('Post here weekly')
        .addStringOption((o) => o.setName('role').setDescription('Start with').setAutocomplete(true)),
    )
    .addSubcommand((s) => s.setName('status').setDescription('Show the schedule'))
    .toJSON(),
  autocomplete: () => [{ name: 'Spotlight pick', value: 'pick' }],
};

export interface Harness {
  fake: FakeDiscord;
  runtime: DiscordRuntime;
  logs: LogCapture;
  metrics: Metrics;
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

/** The fake Discord plus the bot started exactly as production starts it: env → startDiscord. */
let warmed: Promise<unknown> | undefined;
function warmCharts(): Promise<unknown> {
  warmed ??= import('../../src/charts/index.js').then((c) =>
    c.renderChart({ kind: 'path-map', title: 'warm-up', roles: ['A', 'B'], moves: [{ from: 0, via: 'x' }], alt: 'warm-up' }),
  );
  return warmed;
}

export async function startHarness(
  core: Core,
  opts: {
    fake?: FakeDiscordOptions;
    commands?: CommandDefinition[];
    start?: Partial<StartDiscordOptions>;
    publicUrl?: string;
    logLevel?: 'debug' | 'trace';
  } = {},
): Promise<Harness> {
  // Charts load their renderer on first use; loading it here keeps that one-off cost out of
  // tests that expect an answer inside the deferral window.
  await warmCharts();
  const fake = new FakeDiscord(opts.fake);
  const { apiUrl } = await fake.start();
  const env = parseEnv({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: apiUrl,
  });
  const logs = new LogCapture();
  const logger = createLogger({ level: opts.logLevel ?? 'debug', destination: logs });
  const metrics = new Metrics();
  const dispatcher = new Dispatcher(core, opts.commands ?? registry, { publicUrl: opts.publicUrl });
  const runtime = await startDiscord({ env, dispatcher, logger, metrics, ...opts.start });
  return {
    fake,
    runtime,
    logs,
    metrics,
    dispatcher,
    async stop() {
      await runtime.stop();
      await fake.stop();
    },
  };
}

/** Embed 0 of a callback or message body. */
export interface EmbedJSON {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  footer?: { text: string };
}

export interface ComponentJSON {
  type: number;
  custom_id?: string;
  label?: string;
  placeholder?: string;
  options?: Array<{ label: string; value: string; description?: string }>;
}

export function embedOf(data: Record<string, unknown>): EmbedJSON {
  const embeds = data.embeds as EmbedJSON[] | undefined;
  if (!embeds?.[0]) throw new Error(`no embed in ${JSON.stringify(data).slice(0, 200)}`);
  return embeds[0];
}

export function componentsOf(data: Record<string, unknown>): ComponentJSON[] {
  const rows = (data.components ?? []) as Array<{ components: ComponentJSON[] }>;
  return rows.flatMap((r) => r.components);
}

export function field(embed: EmbedJSON, name: string): string {
  const f = embed.fields?.find((x) => x.name === name);
  if (!f) throw new Error(`no field "${name}" in ${embed.fields?.map((x) => x.name).join(', ')}`);
  return f.value;
}

export const isEphemeral = (data: Record<string, unknown>) => (Number(data.flags ?? 0) & 64) === 64;

/** The select of an answer's More… menu (src/views/more.ts): the one whose options run the command again with `more`. */
export function moreMenu(data: Record<string, unknown>): ComponentJSON | undefined {
  return componentsOf(data).find((c) => c.type === 3 && c.options?.some((o) => /[?&]more=\d+/.test(o.value)));
}

/** Every part behind an answer's More… menu, opened as a person would: each option chosen in turn. */
export async function moreParts(fake: FakeDiscord, data: Record<string, unknown>): Promise<EmbedJSON[]> {
  const menu = moreMenu(data);
  const parts: EmbedJSON[] = [];
  for (const option of menu?.options ?? []) {
    const cb = await fake.roundTrip(fake.interaction.select(menu!.custom_id!, [option.value]));
    parts.push(embedOf(cb.data));
  }
  return parts;
}
