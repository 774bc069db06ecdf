import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { classifySpotlightSlackError, SlackSpotlightPoster, spotlightSlackClient } from '../../src/platforms/slack/spotlight-poster.js';
import { spotlightFor } from '../../src/views/cards/spotlight.js';
import { FakeSlackApi } from '../fakes/slack/index.js';

const core = createCore();
const view = spotlightFor(core, core.kb.roles[0]!.id)!;
const TOKEN = 'xoxb-poster-test';
const opts = () => ({ signal: new AbortController().signal });
const target = (channelId: string) => ({ platform: 'slack' as const, workspaceId: 'T0ROLECALL', channelId });

describe('SlackSpotlightPoster against the fake Slack Web API', () => {
  let api: FakeSlackApi;
  let poster: SlackSpotlightPoster;
  beforeAll(async () => {
    api = await FakeSlackApi.start({ token: TOKEN });
    poster = new SlackSpotlightPoster(spotlightSlackClient({ SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: api.url }));
  });
  afterAll(() => api?.close());

  it('posts with chat.postMessage and returns the message ts', async () => {
    const res = await poster.post(target('C0OK'), view, 'claim', opts());
    const [call] = api.callsTo('chat.postMessage');
    expect(res).toEqual({ ok: true, messageId: call!.response.ts });
    expect(poster.maxPerSecond).toBe(10);
  });

  it('pauses on the channel’s own errors, and leaves everything else to the bounded retries', async () => {
    for (const error of ['channel_not_found', 'not_in_channel', 'is_archived'] as const) {
      api.failChannel('C0BAD', error);
      expect(await poster.post(target('C0BAD'), view, 'c', opts())).toEqual({ ok: false, kind: 'permanent', reason: `Slack: ${error}` });
    }
    const bad = new SlackSpotlightPoster(spotlightSlackClient({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_API_URL: api.url }));
    expect(await bad.post(target('C0OK'), view, 'c', opts())).toEqual({ ok: false, kind: 'temporary', reason: 'Slack: invalid_auth' });
  });

  it('hands a 429 back with its Retry-After instead of retrying on its own', async () => {
    const before = api.callsTo('chat.postMessage').length;
    api.rateLimitNext('chat.postMessage', 2);
    expect(await poster.post(target('C0OK'), view, 'c', opts())).toEqual({
      ok: false,
      kind: 'temporary',
      reason: 'Slack: rate limited (429)',
      retryAfterMs: 2000,
    });
    expect(api.callsTo('chat.postMessage').length - before).toBe(1);
  });

  it('does not start a post whose attempt was already cancelled', async () => {
    const cancelled = new AbortController();
    cancelled.abort();
    const before = api.calls.items.length;
    expect(await poster.post(target('C0OK'), view, 'c', { signal: cancelled.signal })).toMatchObject({ ok: false, kind: 'temporary' });
    expect(api.calls.items.length).toBe(before);
    expect(classifySpotlightSlackError(new Error('socket hang up'))).toMatchObject({ kind: 'temporary' });
  });
});
