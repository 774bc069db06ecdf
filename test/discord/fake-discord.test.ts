import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DiscordErrors, FakeDiscord, payloads } from '../fakes/discord/index.js';

/** The fake itself, checked against the documented protocol so other suites can trust it. */
let fake: FakeDiscord;
let apiUrl: string;

beforeAll(async () => {
  fake = new FakeDiscord({ heartbeatIntervalMs: 45_000 });
  ({ apiUrl } = await fake.start());
});

afterAll(async () => {
  await fake?.stop();
});

const api = (path: string, init: RequestInit & { json?: unknown; auth?: boolean } = {}) =>
  fetch(`${apiUrl}/v10${path}`, {
    ...init,
    headers: {
      ...(init.auth === false ? {} : { authorization: `Bot ${fake.token}` }),
      ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });

const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

interface Frame {
  op: number;
  d: Record<string, unknown> | null | boolean;
  s: number | null;
  t: string | null;
}

/** A bare gateway client: collects frames and waits for the one it needs. */
function connect(url: string) {
  const ws = new WebSocket(url);
  const frames: Frame[] = [];
  const waiters: Array<[(f: Frame) => boolean, (f: Frame) => void]> = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    frames.push(frame);
    for (const [match, resolve] of waiters.splice(0)) {
      if (match(frame)) resolve(frame);
      else waiters.push([match, resolve]);
    }
  });
  const next = (match: (f: Frame) => boolean) =>
    new Promise<Frame>((resolve) => {
      const seen = frames.find(match);
      if (seen) resolve(seen);
      else waiters.push([match, resolve]);
    });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return { ws, frames, next, closed, send: (p: unknown) => ws.send(JSON.stringify(p)) };
}

describe('gateway', () => {
  it('says HELLO, acknowledges heartbeats, refuses a wrong token with 4004', async () => {
    const c = connect(`ws://127.0.0.1:${new URL(apiUrl).port}/gateway?v=10&encoding=json`);
    const hello = await c.next((f) => f.op === 10);
    expect(hello.d).toEqual({ heartbeat_interval: 45_000 });
    c.send({ op: 1, d: null });
    expect((await c.next((f) => f.op === 11)).op).toBe(11);
    c.send({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } });
    expect(await c.closed).toBe(4004);
  });

  it('answers IDENTIFY with READY and GUILD_CREATE, dispatches in sequence, and replays on RESUME', async () => {
    const c = connect(`ws://127.0.0.1:${new URL(apiUrl).port}/gateway?v=10&encoding=json`);
    await c.next((f) => f.op === 10);
    c.send({ op: 2, d: { token: fake.token, intents: 1, properties: { os: 'linux', browser: 'test', device: 'test' } } });
    const ready = await c.next((f) => f.t === 'READY');
    expect(ready.s).toBe(1);
    const d = ready.d as Record<string, unknown>;
    expect(d).toMatchObject({
      v: 10,
      user: { id: fake.applicationId, bot: true },
      application: { id: fake.applicationId, flags: 0 },
      guilds: [{ id: fake.guildId, unavailable: true }],
      session_id: expect.any(String),
      resume_gateway_url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/gateway-resume$/),
    });
    const guild = await c.next((f) => f.t === 'GUILD_CREATE');
    expect(guild.s).toBe(2);
    const first = fake.send(fake.interaction.chatInput('role', { name: 'AI Engineer' }));
    const dispatched = await c.next((f) => f.t === 'INTERACTION_CREATE');
    expect(dispatched.s).toBe(first.seq);
    expect(first.seq).toBe(3);

    fake.gateway.drop({ code: 4000 });
    expect(await c.closed).toBe(4000);
    const missed = fake.send(fake.interaction.chatInput('role', { name: 'ML Engineer' }));
    const r = connect(`${String(d.resume_gateway_url)}?v=10&encoding=json`);
    await r.next((f) => f.op === 10);
    r.send({ op: 6, d: { token: fake.token, session_id: d.session_id, seq: 3 } });
    const replayed = await r.next((f) => f.t === 'INTERACTION_CREATE');
    expect(replayed.s).toBe(missed.seq);
    expect((replayed.d as { id: string }).id).toBe(missed.id);
    expect((await r.next((f) => f.t === 'RESUMED')).s).toBe(missed.seq + 1);
    r.ws.close();
    const stale = connect(`${String(d.resume_gateway_url)}?v=10&encoding=json`);
    await stale.next((f) => f.op === 10);
    stale.send({ op: 6, d: { token: fake.token, session_id: 'nope', seq: 1 } });
    expect((await stale.next((f) => f.op === 9)).d).toBe(false);
    stale.ws.close();
  });

  it('builds interactions with the fields discord.js reads', () => {
    const i = fake.interaction.chatInput('role', { name: 'x' });
    expect(i).toMatchObject({
      id: expect.stringMatching(/^\d{17,19}$/),
      application_id: fake.applicationId,
      type: 2,
      guild_id: fake.guildId,
      channel_id: fake.channelId,
      channel: { id: fake.channelId, type: 0 },
      member: { user: { id: fake.member.id }, roles: [], permissions: payloads.MEMBER_PERMISSIONS },
      version: 1,
      app_permissions: expect.any(String),
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': fake.guildId },
      context: 0,
      data: { name: 'role', type: 1, options: [{ name: 'name', type: 3, value: 'x' }] },
    });
    expect(fake.applicationId).toMatch(/^\d{17,19}$/);
    const ac = fake.interaction.autocomplete('compare', { name: 'role_b', value: 'ml' }, { role_a: 'AI Engineer' });
    expect(ac.type).toBe(4);
    expect(ac.data.options).toEqual([
      { name: 'role_a', type: 3, value: 'AI Engineer' },
      { name: 'role_b', type: 3, value: 'ml', focused: true },
    ]);
    const select = fake.interaction.select('rcsel:0', ['rc1:role?name=%238']);
    expect(select).toMatchObject({
      type: 3,
      data: { component_type: 3, custom_id: 'rcsel:0', values: ['rc1:role?name=%238'] },
      message: { author: { id: fake.applicationId } },
    });
  });
});

describe('REST', () => {
  it('requires the bot token and gives the gateway URL', async () => {
    expect((await api('/gateway/bot', { auth: false })).status).toBe(401);
    const res = await api('/gateway/bot');
    expect(await res.json()).toMatchObject({ url: expect.stringMatching(/^ws:\/\//), shards: 1, session_start_limit: { max_concurrency: 1 } });
    expect(await (await api('/users/@me')).json()).toMatchObject({ id: fake.applicationId, bot: true });
  });

  it('acknowledges an interaction once, refuses a second, an unknown one, and an invalid message', async () => {
    const sent = fake.send(fake.interaction.chatInput('role', { name: 'x' }));
    const path = `/interactions/${sent.id}/${sent.token}/callback`;
    const bad = await api(path, { method: 'POST', auth: false, json: { type: 4, data: { embeds: [{ title: 'x'.repeat(257) }] } } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 50035 });
    expect((await api(path, { method: 'POST', auth: false, json: { type: 4, data: { content: 'hi' } } })).status).toBe(204);
    const again = await api(path, { method: 'POST', auth: false, json: { type: 4, data: { content: 'hi' } } });
    expect([again.status, (await json(again)).code]).toEqual([400, 40060]);
    const unknown = await api(`/interactions/1/nope/callback`, { method: 'POST', auth: false, json: { type: 4, data: { content: 'hi' } } });
    expect((await json(unknown)).code).toBe(10062);
    const edit = await api(`/webhooks/${fake.applicationId}/${sent.token}/messages/%40original`, { method: 'PATCH', auth: false, json: { content: 'edited' } });
    expect(await edit.json()).toMatchObject({ content: 'edited', channel_id: fake.channelId });
  });

  it('returns the first message for a repeated nonce when enforce_nonce is set', async () => {
    const body = { content: 'Weekly spotlight', nonce: 'spot-2026-w12', enforce_nonce: true, allowed_mentions: { parse: [] } };
    const first = (await (await api(`/channels/${fake.channelId}/messages`, { method: 'POST', json: body })).json()) as { id: string };
    const again = (await (await api(`/channels/${fake.channelId}/messages`, { method: 'POST', json: body })).json()) as { id: string };
    expect(again.id).toBe(first.id);
    const loose = { ...body, enforce_nonce: false };
    const a = (await (await api(`/channels/${fake.channelId}/messages`, { method: 'POST', json: loose })).json()) as { id: string };
    const b = (await (await api(`/channels/${fake.channelId}/messages`, { method: 'POST', json: loose })).json()) as { id: string };
    expect(a.id).not.toBe(b.id);
    expect(fake.rest.messages.get(fake.channelId)?.length).toBe(3);
  });

  it('answers injected per-channel errors with Discord’s status and code', async () => {
    const channel = fake.addChannel();
    for (const error of [DiscordErrors.UnknownChannel, DiscordErrors.MissingAccess, DiscordErrors.MissingPermissions]) {
      fake.setChannelError(channel, error);
      const res = await api(`/channels/${channel}/messages`, { method: 'POST', json: { content: 'x' } });
      expect([res.status, (await json(res)).code]).toEqual([error.status, error.code]);
    }
    fake.setChannelError(channel, null);
    expect((await api(`/channels/${channel}`)).status).toBe(200);
    expect((await api(`/channels/999999999999999999`)).status).toBe(404);
  });

  it('sends documented 429s: injected per route, and a global limit per second', async () => {
    fake.injectRateLimit({ method: 'GET', path: '/users/@me', retryAfter: 0.25 });
    const limited = await api('/users/@me');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ message: 'You are being rate limited.', retry_after: 0.25, global: false });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await api('/users/@me')).status).toBe(200);

    fake.setGlobalRateLimit(10);
    const statuses = await Promise.all(Array.from({ length: 15 }, () => api(`/channels/${fake.channelId}`)));
    const refused = statuses.filter((r) => r.status === 429);
    expect(statuses.filter((r) => r.status === 200)).toHaveLength(10);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.headers.get('x-ratelimit-global')).toBe('true');
    expect(refused[0]!.headers.get('x-ratelimit-scope')).toBe('global');
    expect(await refused[0]!.json()).toMatchObject({ global: true, retry_after: expect.any(Number) });
    fake.setGlobalRateLimit(null);
  });

  it('validates and stores bulk command overwrites', async () => {
    const bad = await api(`/applications/${fake.applicationId}/commands`, { method: 'PUT', json: [{ name: 'Role', description: 'x' }] });
    expect(bad.status).toBe(400);
    const good = await api(`/applications/${fake.applicationId}/commands`, { method: 'PUT', json: [{ name: 'role', description: 'Role card' }] });
    expect(await good.json()).toEqual([
      expect.objectContaining({ name: 'role', id: expect.stringMatching(/^\d{17,19}$/), application_id: fake.applicationId }),
    ]);
    expect(fake.commandId('role')).toMatch(/^\d+$/);
  });
});
