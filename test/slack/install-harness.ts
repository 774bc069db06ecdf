import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseEnv, type Env } from '../../src/config/env.js';
import type { Core } from '../../src/core/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { type RunningService, startService } from '../../src/service/service.js';
import { FakeSlackApi, Recorder, ResponseUrlReceiver, SlackSender } from '../fakes/slack/index.js';
import type { LogLine } from './harness.js';

export const CLIENT_ID = '1234567890.0987654321';
export const CLIENT_SECRET = 'fake-client-secret-for-tests';
export const STATE_SECRET = 'fake-state-secret-0123456789';
export const SIGNING_SECRET = 'install-test-signing-secret-0123';
export const DISCORD_APP_ID = '123456789012345678';

export interface InstallHarnessOptions {
  logLevel?: string;
  spotlight?: boolean;
  env?: Record<string, string>;
}

export interface FlowResult {
  status: number;
  html: string;
}

/**
 * The whole service (startService) in "Add to Slack" mode against the fake Slack: its
 * authorize page and oauth.v2.access, the Web API, and signed requests from any workspace.
 */
export class InstallHarness {
  readonly logs = new Recorder<LogLine>((l) => `${String(l.msg)} ${JSON.stringify(l).slice(0, 160)}`);
  /** Every log line as written, to search for secrets. */
  rawLog = '';
  service!: RunningService;
  env!: Env;
  readonly encryptionKey = randomBytes(32).toString('base64');

  private constructor(
    readonly core: Core,
    readonly api: FakeSlackApi,
    readonly responses: ResponseUrlReceiver,
    readonly dir: string,
    private readonly opts: InstallHarnessOptions,
  ) {}

  static async start(core: Core, opts: InstallHarnessOptions = {}): Promise<InstallHarness> {
    const api = await FakeSlackApi.start();
    api.oauth.app = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
    const responses = await ResponseUrlReceiver.start();
    const h = new InstallHarness(core, api, responses, mkdtempSync(join(tmpdir(), 'rolecall-install-')), opts);
    await h.boot();
    return h;
  }

  get base(): string {
    return `http://127.0.0.1:${this.service.http.port}`;
  }

  private async boot(): Promise<void> {
    this.env = parseEnv({
      PORT: '0',
      ROLECALL_DB: join(this.dir, 'rolecall.db'),
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.api.url,
      SLACK_AUTHORIZE_URL: this.api.authorizeUrl,
      ROLECALL_ENCRYPTION_KEY: this.encryptionKey,
      DISCORD_APPLICATION_ID: DISCORD_APP_ID,
      SPOTLIGHT_ENABLED: this.opts.spotlight ? 'true' : 'false',
      ...this.opts.env,
    });
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        const text = chunk.toString('utf8');
        this.rawLog += text;
        for (const line of text.split('\n').filter(Boolean)) this.logs.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    const logger = createLogger({ level: this.opts.logLevel ?? 'info', destination: sink });
    this.service = await startService({ env: this.env, logger, core: this.core });
    // Like the app's configured Redirect URL on api.slack.com.
    this.api.oauth.app = { ...this.api.oauth.app!, redirectUrl: `${this.base}/slack/oauth_redirect` };
  }

  /** A workspace the fake Slack knows; `install` can then add RoleCall to it. */
  addWorkspace(teamId: string, extra: Parameters<FakeSlackApi['oauth']['addWorkspace']>[1] = {}) {
    return this.api.oauth.addWorkspace(teamId, extra);
  }

  /**
   * The browser's journey without a browser: /slack/install → the fake consent page → Allow
   * (or Cancel) → the redirect back, carrying the state cookie as a browser would.
   */
  async install(teamId: string, decision: 'allow' | 'deny' = 'allow'): Promise<FlowResult & { callbackUrl: string; cookie: string }> {
    const start = await fetch(`${this.base}/slack/install`, { redirect: 'manual' });
    const authorize = start.headers.get('location');
    if (start.status !== 302 || !authorize) throw new Error(`/slack/install answered ${start.status}`);
    const cookie = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const consent = await fetch(authorize);
    if (consent.status !== 200) throw new Error(`the consent page answered ${consent.status}: ${await consent.text()}`);
    const decide = new URL('/oauth/v2/authorize/decide', authorize);
    for (const [k, v] of new URL(authorize).searchParams) if (k !== 'team') decide.searchParams.set(k, v);
    decide.searchParams.set('team', teamId);
    decide.searchParams.set('decision', decision);
    const back = await fetch(decide, { redirect: 'manual' });
    const callbackUrl = back.headers.get('location');
    if (back.status !== 302 || !callbackUrl) throw new Error(`the consent answered ${back.status}`);
    const done = await fetch(callbackUrl, { headers: { cookie }, redirect: 'manual' });
    return { status: done.status, html: await done.text(), callbackUrl, cookie };
  }

  /** Signed requests from one workspace, as Slack sends them. */
  sender(teamId: string): SlackSender {
    const ws = this.api.oauth.workspaces.get(teamId);
    if (!ws) throw new Error(`unknown workspace ${teamId}`);
    return new SlackSender({
      baseUrl: this.base,
      signingSecret: SIGNING_SECRET,
      workspace: { teamId, botUserId: ws.botUserId },
      responses: this.responses,
    });
  }

  async close(): Promise<void> {
    await this.service.stop('test over');
    await Promise.all([this.api.close(), this.responses.close()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
