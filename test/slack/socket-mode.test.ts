import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { parseEnv } from '../../src/config/env.js';
import { createCore } from '../../src/core/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { startSlack } from '../../src/platforms/slack/app.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FakeSlackApi } from '../fakes/slack/index.js';

/** Socket Mode needs Slack's WebSocket, which the fake does not offer: this checks the wiring only. */
describe('Slack Socket Mode wiring', () => {
  let api: FakeSlackApi;
  const store = SqliteStore.open(':memory:');

  beforeAll(async () => {
    api = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await store.close();
    await api?.close();
  });

  it('runs in Socket Mode when SLACK_APP_TOKEN is set, asking SLACK_API_URL for the socket, and reports it unhealthy until connected', async () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: 'xoxb-socket', SLACK_APP_TOKEN: 'xapp-socket', SLACK_API_URL: api.url });
    const runtime = await startSlack({ env, dispatcher: new Dispatcher(createCore()), store, logger: silentLogger(), metrics: new Metrics() });
    expect(runtime.mode).toBe('socket');
    expect(runtime.requestListener).toBeUndefined();
    expect(runtime.botUserId).toBe(api.botUserId);
    const [open] = await api.waitForCall('apps.connections.open');
    expect(open!.headers.authorization).toBe('Bearer xapp-socket');
    expect(await runtime.health()).toEqual({ ok: false, detail: 'socket mode: connecting to Slack' });
    await runtime.stop();
    expect(await runtime.health()).toEqual({ ok: false, detail: 'stopped' });
  });
});
