import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { parseEnv } from '../../src/config/env.js';
import { createCore } from '../../src/core/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { startSlack, type SlackRuntime } from '../../src/platforms/slack/app.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { appMentionEvent, eventCallbackBody, FakeSlackApi, ResponseUrlReceiver, slashCommandBody, type Workspace } from '../fakes/slack/index.js';

/**
 * Socket Mode end to end: the real Bolt app and its SocketModeClient (undici's WebSocket since
 * @slack/socket-mode 3) against the fake's Socket Mode, which speaks Slack's documented
 * envelopes and acks.
 */
describe('Slack Socket Mode', () => {
  let api: FakeSlackApi;
  let responses: ResponseUrlReceiver;
  let runtime: SlackRuntime;
  const store = SqliteStore.open(':memory:');
  let workspace: Workspace;

  beforeAll(async () => {
    api = await FakeSlackApi.start({ token: 'xoxb-socket' });
    responses = await ResponseUrlReceiver.start();
    workspace = { teamId: api.teamId, botUserId: api.botUserId };
  });
  afterAll(async () => {
    await runtime?.stop();
    await store.close();
    await responses?.close();
    await api?.close();
  });

  it('asks SLACK_API_URL for the socket with the app token, and is unhealthy until Slack says hello', async () => {
    api.socketMode.autoHello = false;
    const env = parseEnv({ SLACK_BOT_TOKEN: 'xoxb-socket', SLACK_APP_TOKEN: 'xapp-socket', SLACK_API_URL: api.url });
    runtime = await startSlack({ env, dispatcher: new Dispatcher(createCore()), store, logger: silentLogger(), metrics: new Metrics() });
    expect(runtime.mode).toBe('socket');
    expect(runtime.requestListener).toBeUndefined();
    expect(runtime.botUserId).toBe(api.botUserId);
    const [open] = await api.waitForCall('apps.connections.open');
    expect(open!.headers.authorization).toBe('Bearer xapp-socket');
    await expect.poll(() => api.socketMode.connected).toBe(true);
    expect(await runtime.health()).toEqual({ ok: false, detail: 'socket mode: connecting to Slack' });
    api.socketMode.hello();
    await expect.poll(() => runtime.health()).toEqual({ ok: true, detail: `socket mode, team ${api.teamId}, bot ${api.botUserId}` });
  });

  it('acks a slash command envelope and answers through its response_url', async () => {
    const body = slashCommandBody(workspace, { command: '/role', text: 'AI Engineer', responseUrl: responses.url('socket-role') });
    const ack = await api.socketMode.deliver('slash_commands', Object.fromEntries(new URLSearchParams(body)));
    expect(ack.envelope_id).toMatch(/^[0-9a-f-]{36}$/);
    const [answer] = await responses.waitFor('socket-role');
    expect(answer!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer!.body)).toContain('AI Engineer');
  });

  it('acks an events_api envelope (a mention) and replies in the thread with the bot token', async () => {
    const event = appMentionEvent(workspace, { text: `<@${api.botUserId}> ML Engineer`, channel: 'C0SOCKET' });
    await api.socketMode.deliver('events_api', JSON.parse(eventCallbackBody(workspace, event)) as Record<string, unknown>);
    const [post] = await api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C0SOCKET' });
    expect(post!.headers.authorization).toBe('Bearer xoxb-socket');
    expect(post!.body.thread_ts).toBe(event.ts);
  });

  it('stop() closes the socket', async () => {
    await runtime.stop();
    await expect.poll(() => api.socketMode.connected).toBe(false);
    expect(await runtime.health()).toEqual({ ok: false, detail: 'stopped' });
    expect(api.socketMode.connections).toBe(1);
  });
});
