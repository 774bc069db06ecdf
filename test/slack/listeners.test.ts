import type { BlockAction } from '@slack/bolt';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { createCore } from '../../src/core/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { actionInput } from '../../src/platforms/slack/actions.js';
import { SLACK_RETRY_POLICY } from '../../src/platforms/slack/app.js';
import { handleCommand, type Respond } from '../../src/platforms/slack/commands.js';
import type { SlackDeps } from '../../src/platforms/slack/deps.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { handleMention } from '../../src/platforms/slack/mentions.js';
import { QuestionDesk } from '../../src/platforms/shared/questions.js';
import { classifySlackError, postView } from '../../src/platforms/slack/post.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { notice } from '../../src/views/cards/notice.js';
import { blockActionsPayload, FakeSlackApi } from '../fakes/slack/index.js';
import { blockTexts } from './harness.js';

/** The listeners are plain functions of (deps, client, input): no Bolt, no HTTP needed. */
describe('Slack listeners, unit', () => {
  let api: FakeSlackApi;
  let client: WebClient;
  let deps: SlackDeps;

  beforeAll(async () => {
    api = await FakeSlackApi.start();
    client = new WebClient('xoxb-unit', { slackApiUrl: api.url, retryConfig: SLACK_RETRY_POLICY, logLevel: LogLevel.ERROR });
    const core = createCore();
    const store = SqliteStore.open(':memory:');
    deps = {
      dispatcher: new Dispatcher(core),
      store,
      questions: new QuestionDesk({ dispatcher: new Dispatcher(core), memory: store.conversations, logger: silentLogger() }),
      logger: silentLogger(),
      metrics: new Metrics(),
      botUserId: api.botUserId,
      teamId: api.teamId,
      spotlight: new SpotlightService({ store, core }),
    };
  });
  afterAll(async () => {
    await deps?.store.close();
    await api?.close();
  });

  const command = (name: string, text: string) => ({ command: name, text, user_id: 'U1', channel_id: 'C1', team_id: 'T1', trigger_id: 't1' });

  it('handleCommand answers through respond, with a share button on a public-worthy answer', async () => {
    const replies: Parameters<Respond>[0][] = [];
    await handleCommand(deps, client, command('/role', 'ML Engineer'), async (m) => replies.push(m));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(replies[0])).toContain('"action_id":"rc:share"');
  });

  it('routes /spotlight through the one Dispatcher, with Slack access for the asker and channel', async () => {
    const replies: Parameters<Respond>[0][] = [];
    const before = api.callsTo('users.info').length;
    await handleCommand(deps, client, command('/spotlight', 'status'), async (m) => replies.push(m));
    // U1 is no workspace admin: the access asked Slack about the asker before touching the channel.
    expect(
      api
        .callsTo('users.info')
        .slice(before)
        .map((c) => c.body.user),
    ).toEqual(['U1']);
    expect(blockTexts(replies[0])).toContain('Only channel managers can do that');
  });

  it('never throws when the answer cannot be delivered', async () => {
    await expect(handleCommand(deps, client, command('/role', 'x'), () => Promise.reject(new Error('response_url expired')))).resolves.toBeUndefined();
  });

  it('handleMention replies in the thread through the Web API', async () => {
    await handleMention(deps, client, {
      eventId: 'EvUNIT1',
      teamId: 'T1',
      event: { text: `<@${api.botUserId}> role RAG`, ts: '100.000001', channel: 'C9', thread_ts: '99.000001', user: 'U1' },
    });
    const [call] = await api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C9' });
    expect(call!.body.thread_ts).toBe('99.000001');
    // The same event id again (a retry) is ignored.
    await handleMention(deps, client, {
      eventId: 'EvUNIT1',
      teamId: 'T1',
      event: { text: `<@${api.botUserId}> role RAG`, ts: '100.000001', channel: 'C9', user: 'U1' },
    });
    expect(api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C9')).toHaveLength(1);
  });

  it('actionInput reads a block_actions body: value, channel, thread, ephemeral, Home', () => {
    const ws = { teamId: 'T1', botUserId: 'U0BOT' };
    const inThread = actionInput(
      blockActionsPayload(ws, {
        actionId: 'rc:run:0.1',
        value: 'rc1:role?name=%238',
        channelId: 'C2',
        container: { threadTs: '5.5', ephemeral: true },
      }) as unknown as BlockAction,
      deps,
    );
    expect(inThread).toMatchObject({
      actionId: 'rc:run:0.1',
      value: 'rc1:role?name=%238',
      channelId: 'C2',
      threadTs: '5.5',
      ephemeral: true,
      fromHome: false,
      teamId: 'T1',
    });
    const home = actionInput(
      blockActionsPayload(ws, { kind: 'static_select', actionId: 'rc:sel:1.0', value: 'v', container: { home: true } }) as unknown as BlockAction,
      deps,
    );
    expect(home).toMatchObject({ value: 'v', fromHome: true });
  });

  it('postView posts publicly or ephemerally, in a thread, and classifies channel failures', async () => {
    const view = notice('Hello', 'World', 'info', false);
    const posted = await postView(client, 'C3', view, { threadTs: '7.7' });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    const [call] = await api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C3' });
    // Form-encoded, as the WebClient sends it: booleans arrive as text.
    expect(call!.body).toMatchObject({ thread_ts: '7.7', unfurl_links: 'false', link_names: 'false' });
    await postView(client, 'C3', view, { ephemeralTo: 'U7' });
    await api.waitForCall('chat.postEphemeral', { match: (c) => c.body.user === 'U7' });
    for (const error of ['channel_not_found', 'not_in_channel', 'is_archived'] as const) {
      api.failChannel('C4', error);
      const failure = await postView(client, 'C4', view).then(() => undefined, classifySlackError);
      expect(failure).toEqual({ code: error, kind: 'channel' });
    }
    api.failChannel('C4', undefined);
  });

  it('classifies a rate limit that outlasts the retry policy', async () => {
    const impatient = new WebClient('xoxb-unit', { slackApiUrl: api.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
    api.rateLimitNext('chat.postMessage', 0, 1);
    const failure = await postView(impatient, 'C5', notice('a', 'b')).then(() => undefined, classifySlackError);
    expect(failure).toEqual({ code: 'ratelimited', kind: 'rate_limited' });
  });
});
