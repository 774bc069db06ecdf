import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/observability/logger.js';
import { startService, type RunningService } from '../../src/service/service.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { FakeSlackApi, ResponseUrlReceiver, SlackSender } from '../fakes/slack/index.js';
import { testCore } from '../helpers/core.js';

const SIGNING_SECRET = 'service-test-signing-secret';
const BOT_TOKEN = 'xoxb-service-test';

describe('npm start path: Discord and Slack together, with /healthz and /metrics', () => {
  let discord: FakeDiscord;
  let slackApi: FakeSlackApi;
  let responses: ResponseUrlReceiver;
  let service: RunningService;
  let base: string;

  beforeAll(async () => {
    discord = new FakeDiscord({ heartbeatIntervalMs: 2_000 });
    await discord.start();
    slackApi = await FakeSlackApi.start({ token: BOT_TOKEN });
    responses = await ResponseUrlReceiver.start();
    const env = parseEnv({
      PORT: '0',
      ROLECALL_DB: join(mkdtempSync(join(tmpdir(), 'rolecall-service-')), 'rolecall.db'),
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApi.url,
      SPOTLIGHT_ENABLED: 'false',
    });
    service = await startService({ env, logger: silentLogger(), core: testCore() });
    base = `http://127.0.0.1:${service.http.port}`;
  });

  afterAll(async () => {
    await service?.stop('test over');
    await discord?.stop();
    await slackApi?.close();
    await responses?.close();
  });

  it('reports every configured part healthy', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; components: Record<string, { ok: boolean }> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.components).sort()).toEqual(['discord', 'slack', 'store']);
    expect(Object.values(body.components).every((c) => c.ok)).toBe(true);
  });

  it('answers /role on Discord and on Slack, and counts both in /metrics', async () => {
    const cb = await discord.roundTrip(discord.interaction.chatInput('role', { name: 'AI Engineer' }));
    expect(JSON.stringify(cb.data)).toContain('AI Engineer');

    const sender = new SlackSender({
      baseUrl: base,
      signingSecret: SIGNING_SECRET,
      workspace: { teamId: slackApi.teamId, botUserId: slackApi.botUserId },
      responses,
    });
    const ack = await sender.command('/role', 'ML Engineer');
    expect(ack.status).toBe(200);
    const answer = await responses.waitFor(ack.responseId);
    expect(JSON.stringify(answer)).toContain('ML Engineer');

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/rolecall_commands_total\{command="role",platform="discord",outcome="ok"\} 1/);
    expect(metrics).toMatch(/rolecall_commands_total\{command="role",platform="slack",outcome="ok"\} 1/);
    expect(metrics).toContain('rolecall_command_duration_seconds_bucket');
    expect(metrics).toContain('process_resident_memory_bytes');
  });

  it('rejects an unsigned Slack request and serves 404 elsewhere', async () => {
    const res = await fetch(`${base}/slack/events`, { method: 'POST', body: 'command=/role&text=x' });
    expect(res.status).toBe(401);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('answers 503 when a configured part is down', async () => {
    await discord.gateway.close();
    await expect.poll(async () => (await fetch(`${base}/healthz`)).status, { timeout: 15_000, interval: 100 }).toBe(503);
    const body = (await (await fetch(`${base}/healthz`)).json()) as { components: Record<string, { ok: boolean }> };
    expect(body.components.discord?.ok).toBe(false);
    expect(body.components.store?.ok).toBe(true);
  });
});
