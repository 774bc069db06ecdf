import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi, ResponseUrlReceiver, slackSignature } from '../fakes/slack/index.js';

/** The fake is shared with other suites (the spotlight's), so its own behaviour is pinned here. */
describe('FakeSlackApi', () => {
  let api: FakeSlackApi;
  let client: WebClient;

  beforeAll(async () => {
    api = await FakeSlackApi.start({ token: 'xoxb-fake' });
    client = new WebClient('xoxb-fake', { slackApiUrl: api.url, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 }, logLevel: LogLevel.ERROR });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers the methods RoleCall uses and records decoded bodies and headers', async () => {
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: api.botUserId, team_id: api.teamId, bot_id: api.botId });
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }] });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    const [call] = api.callsTo('chat.postMessage');
    expect(call!.body.blocks).toEqual([{ type: 'divider' }]);
    expect(call!.headers.authorization).toBe('Bearer xoxb-fake');
    expect(await client.chat.update({ channel: 'C1', ts: posted.ts!, text: 'edited' })).toMatchObject({ ok: true, ts: posted.ts });
    expect(await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' })).toMatchObject({ ok: true });
    expect(await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } })).toMatchObject({ ok: true, view: { type: 'home' } });
    expect(await client.conversations.info({ channel: 'C1' })).toMatchObject({ ok: true, channel: { id: 'C1', is_archived: false } });
    expect(await client.users.info({ user: 'U1' })).toMatchObject({ ok: true, user: { id: 'U1' } });
    await expect(client.apiCall('emoji.list')).rejects.toMatchObject({ data: { ok: false, error: 'unknown_method' } });
  });

  it('refuses table blocks as Slack does: over 100 rows or 20 cells, a bad cell, two tables, any table on the Home tab', async () => {
    const cell = (text: string) => ({ type: 'raw_text', text });
    const table = (rows: number, cells: number) => ({
      type: 'table',
      rows: Array.from({ length: rows }, (_, r) => Array.from({ length: cells }, (_, c) => cell(`${r}.${c}`))),
    });
    const post = (blocks: unknown[]) =>
      client.chat.postMessage({ channel: 'C1', text: 'table', blocks: blocks as never }).catch((e: { data: unknown }) => e.data);
    expect(await post([table(100, 20)])).toMatchObject({ ok: true });
    expect(await post([{ ...table(2, 2), column_settings: [{ align: 'right', is_wrapped: true }] }])).toMatchObject({ ok: true });
    expect(await post([table(101, 2)])).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await post([table(2, 21)])).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await post([table(2, 2), table(2, 2)])).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await post([{ type: 'table', rows: [[{ type: 'mrkdwn', text: 'x' }]] }])).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await post([{ type: 'table', rows: [[cell('')]] }])).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await post([{ ...table(2, 2), column_settings: [{ align: 'middle' }] }])).toMatchObject({ ok: false, error: 'invalid_blocks' });
    const home = await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [table(2, 2)] as never } }).catch((e: { data: unknown }) => e.data);
    expect(home).toMatchObject({ ok: false, error: 'invalid_blocks' });

    const receiver = await ResponseUrlReceiver.start();
    try {
      const respond = (blocks: unknown[]) =>
        fetch(receiver.url('t'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 't', blocks }) });
      expect((await respond([table(2, 2), table(2, 2)])).status).toBe(400);
      expect(receiver.rejected).toHaveLength(1);
      expect((await respond([table(2, 2)])).status).toBe(200);
      expect(await receiver.waitFor('t')).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('reads JSON bodies too, and refuses a wrong token', async () => {
    const res = await fetch(`${api.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-wrong' },
      body: JSON.stringify({ channel: 'C2', text: 'json' }),
    });
    expect(await res.json()).toEqual({ ok: false, error: 'invalid_auth' });
    expect(api.callsTo('chat.postMessage').at(-1)!.body).toEqual({ channel: 'C2', text: 'json' });
  });

  it('limits a method to N calls per second with 429 + Retry-After, which the client waits out', async () => {
    api.limitRate('chat.postEphemeral', 2);
    const started = Date.now();
    await Promise.all([1, 2, 3].map((n) => client.chat.postEphemeral({ channel: 'C3', user: 'U1', text: `m${n}` })));
    const calls = api.callsTo('chat.postEphemeral').filter((c) => c.body.channel === 'C3');
    expect(calls.map((c) => c.status).sort()).toEqual([200, 200, 200, 429]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    api.limitRate('chat.postEphemeral', undefined);
  });

  it('signs like Slack: v0 HMAC-SHA256 of "v0:{ts}:{body}"', () => {
    // Slack's documented example request.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });
});
