import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CommandDefinition } from '../../commands/index.js';
import { commands as registry } from '../../commands/index.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { parseEnv } from '../../src/config/env.js';
import type { Core } from '../../src/core/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { type RunningHttpServer, startHttpServer } from '../../src/service/http-server.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type SlackRuntime, type StartSlackOptions, startSlack } from '../../src/platforms/slack/app.js';
import type { View } from '../../src/views/view.js';
import { FakeSlackApi, Recorder, ResponseUrlReceiver, SlackSender, type Workspace } from '../fakes/slack/index.js';

/** Shows /healthz's details (ROLECALL_HEALTH_TOKEN). */
export const HEALTH_TOKEN = 'test-health-token-0123456789';
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-0000-rolecall';

export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

export interface HarnessOptions {
  extraCommands?: CommandDefinition[];
  spotlightPreview?: () => Promise<View | undefined>;
  spotlight?: StartSlackOptions['spotlight'];
  renderChart?: StartSlackOptions['renderChart'];
  /** ROLECALL_PUBLIC_URL: answers link to their pages. */
  publicUrl?: string;
  /** The app logger's level (default info). */
  logLevel?: 'info' | 'debug' | 'trace';
}

/**
 * RoleCall's Slack front end started the way the service starts it: startSlack in HTTP mode,
 * its request listener mounted on startHttpServer, a real SqliteStore on a temp file, and the
 * fake Web API behind SLACK_API_URL.
 */
export class SlackHarness {
  runtime!: SlackRuntime;
  http!: RunningHttpServer;
  store!: SqliteStore;
  metrics!: Metrics;
  sender!: SlackSender;
  /** The app's log lines, parsed; await one with `logs.waitFor(match)`. */
  readonly logs = new Recorder<LogLine>((l) => `${String(l.msg)} ${JSON.stringify(l).slice(0, 160)}`);

  private constructor(
    readonly core: Core,
    readonly api: FakeSlackApi,
    readonly responses: ResponseUrlReceiver,
    readonly dir: string,
    private readonly opts: HarnessOptions,
  ) {}

  static async start(core: Core, opts: HarnessOptions = {}): Promise<SlackHarness> {
    const api = await FakeSlackApi.start({ token: BOT_TOKEN });
    const responses = await ResponseUrlReceiver.start();
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-slack-'));
    const harness = new SlackHarness(core, api, responses, dir, opts);
    await harness.boot();
    return harness;
  }

  get dbPath(): string {
    return join(this.dir, 'rolecall.db');
  }

  get workspace(): Workspace {
    return { teamId: this.api.teamId, botUserId: this.api.botUserId };
  }

  /** "<@U0ROLEBOT> text", as Slack writes a mention. */
  mentionText(text: string): string {
    return `<@${this.api.botUserId}> ${text}`;
  }

  private async boot(): Promise<void> {
    const env = parseEnv({
      PORT: '0',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.api.url,
      SPOTLIGHT_ENABLED: 'false',
    });
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.logs.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    const logger = createLogger({ level: this.opts.logLevel ?? 'info', destination: sink });
    this.metrics = new Metrics();
    this.store = SqliteStore.open(this.dbPath);
    const dispatcher = new Dispatcher(this.core, [...registry, ...(this.opts.extraCommands ?? [])], { publicUrl: this.opts.publicUrl });
    this.runtime = await startSlack({
      env,
      dispatcher,
      store: this.store,
      logger,
      metrics: this.metrics,
      ...(this.opts.spotlightPreview ? { spotlightPreview: this.opts.spotlightPreview } : {}),
      ...(this.opts.spotlight ? { spotlight: this.opts.spotlight } : {}),
      ...(this.opts.renderChart ? { renderChart: this.opts.renderChart } : {}),
    });
    const runtime = this.runtime;
    const store = this.store;
    this.http = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      ...(runtime.requestListener ? { routes: [{ path: '/slack/', listener: runtime.requestListener }] } : {}),
      health: async () => ({ slack: await runtime.health(), store: await store.health() }),
      metrics: this.metrics,
      healthToken: HEALTH_TOKEN,
    });
    this.sender = new SlackSender({
      baseUrl: `http://127.0.0.1:${this.http.port}`,
      signingSecret: SIGNING_SECRET,
      workspace: this.workspace,
      responses: this.responses,
    });
  }

  private async shutdown(): Promise<void> {
    await this.runtime.stop();
    await this.http.close();
    await this.store.close();
  }

  /** A new app process on the same database file (and the same fake Slack). */
  async restart(): Promise<void> {
    await this.shutdown();
    await this.boot();
  }

  async close(): Promise<void> {
    await this.shutdown();
    await Promise.all([this.api.close(), this.responses.close()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every string anywhere in a payload, for "no live mention anywhere" checks. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The text of every block of a given type, for content assertions. */
export function blockTexts(blocks: unknown): string {
  return allStrings(blocks).join('\n');
}

/**
 * The option `label` of an answer's More… menu (src/views/more.ts), as a click sends it: the
 * select's action id and the option's value. Undefined when the answer has no such option.
 */
export function moreChoice(blocks: unknown, label: string): { actionId: string; value: string; kind: 'static_select' } | undefined {
  for (const block of (blocks ?? []) as Array<{ type: string; elements?: Array<Record<string, unknown>> }>) {
    for (const e of block.type === 'actions' ? (block.elements ?? []) : []) {
      const options = (e.options ?? []) as Array<{ text: { text: string }; value: string }>;
      if (e.type !== 'static_select' || !options.some((o) => /[?&]more=\d+/.test(o.value))) continue;
      const option = options.find((o) => o.text.text === label);
      if (option) return { actionId: String(e.action_id), value: option.value, kind: 'static_select' };
    }
  }
  return undefined;
}
