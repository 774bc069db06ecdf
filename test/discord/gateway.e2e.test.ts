import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Events, Routes } from 'discord.js';
import { renderForDiscord } from '../../src/platforms/discord/render.js';
import { createCore } from '../../src/core/index.js';
import { embedOf, startHarness, type Harness } from './harness.js';

/** The connection surviving Discord's ways of dropping it, and REST rate limits honoured. */
let h: Harness;

beforeAll(async () => {
  h = await startHarness(createCore(), { fake: { heartbeatIntervalMs: 400 } });
});

afterAll(async () => {
  await h?.stop();
});

const roleTitle = async (name: string) => {
  const cb = await h.fake.roundTrip(h.fake.interaction.chatInput('role', { name }), 20_000);
  return embedOf(cb.data).title;
};

describe('gateway', () => {
  it('heartbeats and gets ACKs, which health reports', async () => {
    const acked = new Promise<void>((resolve) => {
      const onDebug = (message: string) => {
        if (!message.includes('Heartbeat acknowledged')) return;
        h.runtime.client.off(Events.Debug, onDebug);
        resolve();
      };
      h.runtime.client.on(Events.Debug, onDebug);
    });
    await acked;
    expect(h.fake.gateway.stats.heartbeats).toBeGreaterThanOrEqual(1);
    expect(h.runtime.health()).toMatchObject({ ok: true, detail: expect.stringMatching(/\d+ ms heartbeat/) });
  });

  it('resumes after a dropped connection and answers an interaction sent while it was away', async () => {
    const resumed = h.fake.nextGatewayEvent('resumed');
    h.fake.gateway.drop({ code: 4000 });
    // Sent while disconnected: the fake keeps it for the RESUME replay, as Discord does.
    const sent = h.fake.interaction.chatInput('role', { name: 'RAG Engineer' });
    const answered = h.fake.waitForCallback(sent.id, 20_000);
    h.fake.send(sent);
    await resumed;
    expect(embedOf((await answered).data).title).toMatch(/RAG Engineer$/);
    expect(h.fake.gateway.stats).toMatchObject({ identifies: 1, resumes: 1, invalidSessions: 0 });
  });

  it('resumes after the TCP connection is cut without a close frame', async () => {
    const resumed = h.fake.nextGatewayEvent('resumed');
    h.fake.gateway.drop({ terminate: true });
    await resumed;
    expect(await roleTitle('LLM Engineer')).toMatch(/LLM Engineer$/);
    expect(h.fake.gateway.stats.resumes).toBe(2);
  });

  it('starts a new session when Discord closes normally, reports unhealthy meanwhile, then answers again', async () => {
    const reconnecting = once(h.runtime.client, Events.ShardReconnecting);
    const shardReady = once(h.runtime.client, Events.ShardReady);
    const identified = h.fake.nextGatewayEvent('identify', 20_000);
    h.fake.gateway.drop({ code: 1000 });
    await reconnecting;
    expect(h.runtime.health()).toMatchObject({ ok: false, detail: expect.stringContaining('shard 0') });
    await identified;
    await shardReady;
    expect(h.runtime.health().ok).toBe(true);
    expect(h.fake.gateway.stats.identifies).toBe(2);
    expect(await roleTitle('ML Engineer')).toMatch(/ML Engineer$/);
  });
});

describe('REST rate limits', () => {
  it('retries a 429 only after the retry_after Discord gave', async () => {
    h.fake.injectRateLimit({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, retryAfter: 1 });
    const sent = h.fake.interaction.chatInput('role', { name: 'NLP Engineer' });
    const cb = await h.fake.roundTrip(sent);
    expect(embedOf(cb.data).title).toMatch(/NLP Engineer$/);
    const attempts = h.fake.requests.filter((r) => r.path.includes(`/interactions/${sent.id}/`));
    expect(attempts.map((a) => a.status)).toEqual([429, 204]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    await h.logs.waitFor((l) => String(l.msg).startsWith('discord answered 429'));
  });

  it('posts a rendered View to a channel through the bot’s REST client, waiting out a global 429, once per nonce', async () => {
    const { view } = await h.dispatcher.run('salary', { role: 'AI Engineer' }, { platform: 'discord' });
    const body = { ...renderForDiscord({ ...view, private: true }, { target: 'channel' }), nonce: 'spotlight-test-1', enforce_nonce: true };
    expect(body.flags).toBeUndefined();
    h.fake.setGlobalRateLimit(1);
    try {
      const first = (await h.runtime.rest.post(Routes.channelMessages(h.fake.channelId), { body })) as { id: string };
      const again = (await h.runtime.rest.post(Routes.channelMessages(h.fake.channelId), { body })) as { id: string };
      expect(again.id).toBe(first.id);
    } finally {
      h.fake.setGlobalRateLimit(null);
    }
    const posts = h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${h.fake.channelId}/messages`);
    expect(posts.map((p) => p.status)).toEqual([200, 429, 200]);
    expect(posts[2]!.at - posts[1]!.at).toBeGreaterThanOrEqual(900);
    expect(h.fake.rest.messages.get(h.fake.channelId)).toHaveLength(1);
  });
});
