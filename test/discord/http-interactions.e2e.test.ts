import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { ConfigError, parseEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { startDiscordHttp, type DiscordHttpRuntime } from '../../src/platforms/discord/http-interactions.js';
import { FakeDiscord, type Tamper } from '../fakes/discord/index.js';
import { MEMBER_PERMISSIONS, Permission } from '../fakes/discord/payloads.js';
import { testCore } from '../helpers/core.js';
import { componentsOf, embedOf, gate, isEphemeral, LogCapture, testCommands, type Gate } from './harness.js';

// The bot as production builds it in HTTP mode (env → startDiscordHttp), behind a plain node
// HTTP server, with the fake Discord signing each interaction with its test key pair.
let fake: FakeDiscord;
let runtime: DiscordHttpRuntime;
let server: Server;
let url: string;
let logs: LogCapture;
let slow: Gate = gate();

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  const env = parseEnv({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_PUBLIC_KEY: fake.signer.publicKeyHex,
  });
  logs = new LogCapture();
  const dispatcher = new Dispatcher(testCore(), [...commands, ...testCommands(() => slow)]);
  runtime = startDiscordHttp({ env, dispatcher, logger: createLogger({ level: 'debug', destination: logs }), metrics: new Metrics() });
  server = createServer(runtime.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;
});

afterAll(async () => {
  await runtime?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await fake?.stop();
});

describe('endpoint checks', () => {
  it('answers PING with PONG', async () => {
    const res = await fake.sendHttp(url, fake.ping());
    expect(res).toMatchObject({ status: 200, body: { type: 1 } });
  });

  it.each<Tamper>(['forged', 'missing', 'stale', 'body-changed'])('refuses a %s signature with 401 and does nothing', async (tamper) => {
    const before = fake.requests.length;
    const interaction = fake.interaction.chatInput('role', { name: 'AI Engineer' });
    const res = await fake.sendHttp(url, interaction, tamper);
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain('AI Engineer');
    // Nothing reached Discord: no callback, no webhook, no follow-up.
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.requests.slice(before)).toEqual([]);
    await logs.waitFor((l) => l.msg === 'discord interaction refused: bad signature');
  });

  it('refuses a forged PING too (Discord checks this before accepting the URL)', async () => {
    expect((await fake.sendHttp(url, fake.ping(), 'forged')).status).toBe(401);
  });

  it('rejects other methods and oversized bodies without reading them as interactions', async () => {
    expect((await fetch(url)).status).toBe(405);
    const big = await fetch(url, { method: 'POST', body: 'x'.repeat(300 * 1024), headers: { 'content-type': 'application/json' } });
    expect(big.status).toBe(413);
  });
});

describe('a server where RoleCall is only in the invoker’s apps (user install)', () => {
  const answerOf = async (name: string, options: Record<string, string>, scene: Parameters<FakeDiscord['interaction']['chatInput']>[2]) => {
    const res = await fake.sendHttp(url, fake.interaction.chatInput(name, options, scene));
    expect(res.status).toBe(200);
    return (res.body as { data: Record<string, unknown> }).data;
  };

  it('answers ephemerally unless the invoker may use external apps publicly, and publicly where the server installed it', async () => {
    expect(isEphemeral(await answerOf('role', { name: 'AI Engineer' }, { installs: 'user' }))).toBe(true);
    const external = (BigInt(MEMBER_PERMISSIONS) | Permission.UseExternalApps).toString();
    expect(isEphemeral(await answerOf('role', { name: 'AI Engineer' }, { installs: 'user', memberPermissions: external }))).toBe(false);
    expect(isEphemeral(await answerOf('role', { name: 'AI Engineer' }, { installs: 'both' }))).toBe(false);
    expect(isEphemeral(await answerOf('role', { name: 'AI Engineer' }, {}))).toBe(false);
  });
});

describe('answers in the HTTP response', () => {
  it('answers a slash command with the role card, through the same renderer', async () => {
    const interaction = fake.interaction.chatInput('role', { name: 'AI Engineer' });
    const res = await fake.sendHttp(url, interaction);
    expect(res.status).toBe(200);
    const body = res.body as { type: number; data: Record<string, unknown> };
    expect(body.type).toBe(4);
    expect(embedOf(body.data).title).toMatch(/AI Engineer/);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    // The fake validated it as Discord would, and took it as the callback.
    const cb = await fake.waitForCallback(interaction.id);
    expect(cb.request.status).toBe(204);
    // A button on the card works over HTTP too (component interaction).
    const button = componentsOf(body.data).find((c) => c.custom_id?.startsWith('rc1:'));
    expect(button).toBeDefined();
    const click = await fake.sendHttp(url, fake.interaction.button(button!.custom_id!, fake.originalMessage(interaction.id)));
    expect(click.status).toBe(200);
    expect([4, 7]).toContain((click.body as { type: number }).type);
  });

  it('answers autocomplete with choices', async () => {
    const res = await fake.sendHttp(url, fake.interaction.autocomplete('role', { name: 'name', value: 'ai enginer' }));
    expect(res.status).toBe(200);
    const body = res.body as { type: number; data: { choices: Array<{ name: string }> } };
    expect(body.type).toBe(8);
    expect(body.data.choices[0]?.name).toBe('AI Engineer');
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('answers an autocomplete with no focused option with no choices, at once', async () => {
    const odd = fake.interaction.autocomplete('role', { name: 'name', value: 'ai' });
    for (const o of odd.data.options) if ('focused' in o) delete o.focused;
    const res = await fake.sendHttp(url, odd);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('defers a slow command in the response, then edits the answer in through the webhook', async () => {
    slow = gate();
    const interaction = fake.interaction.chatInput('slow');
    const res = await fake.sendHttp(url, interaction);
    expect(res.status).toBe(200);
    expect((res.body as { type: number }).type).toBe(5);
    expect(res.latencyMs).toBeLessThan(2_500);
    slow.open();
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${interaction.token}/messages/@original`));
    expect(edit.status).toBe(200);
    expect(embedOf(edit.body as Record<string, unknown>).title).toBe('Slow answer');
  });

  it('answers with a chart: defers in the response, then puts the message and its PNG on the original', async () => {
    const interaction = fake.interaction.chatInput('compare', { role_a: 'AI Engineer', role_b: 'ML Engineer' });
    const res = await fake.sendHttp(url, interaction);
    expect(res.status).toBe(200);
    // An HTTP answer is JSON only, so a message with a file is deferred in it, never sent broken.
    expect((res.body as { type: number }).type).toBe(5);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${interaction.token}/messages/@original`), 20_000);
    expect(edit.status).toBe(200);
    expect(edit.files).toHaveLength(1);
    const message = edit.body as Record<string, unknown>;
    expect(embedOf(message).title).toMatch(/AI Engineer vs ML Engineer/);
    expect(JSON.stringify(message)).toContain(`attachment://${edit.files[0]!.filename}`);
  });

  it('answers a failing command with an error id, privately', async () => {
    const res = await fake.sendHttp(url, fake.interaction.chatInput('boom'));
    const body = res.body as { type: number; data: Record<string, unknown> };
    expect(res.status).toBe(200);
    expect(Number(body.data.flags) & 64).toBe(64);
    expect(embedOf(body.data).description).toMatch(/Error id E-/);
  });

  it('answers a signed but malformed interaction with an error id, and refuses one it cannot answer with 400', async () => {
    const good = fake.interaction.chatInput('role', { name: 'AI Engineer' });
    // A chat input naming no command: answerable (id, token, type), but not readable.
    const nameless = { ...good, data: { ...good.data, name: undefined } };
    const res = await fake.sendHttp(url, nameless as unknown as typeof good);
    expect(res.status).toBe(200);
    const body = res.body as { type: number; data: Record<string, unknown> };
    expect(body.type).toBe(4);
    expect(Number(body.data.flags) & 64).toBe(64);
    const id = /Error id (E-[A-Z0-9]{6})/.exec(embedOf(body.data).description ?? '')?.[1];
    await logs.waitFor((l) => l.errorId === id && l.msg === 'malformed interaction dropped');
    // No token: nothing can be answered, so the endpoint says so.
    const { token: _none, ...tokenless } = fake.interaction.chatInput('role', { name: 'AI Engineer' });
    expect(await fake.signer.post(url, tokenless)).toMatchObject({ status: 400, body: { error: expect.stringContaining('RoleCall can read') } });
    // Signed JSON that is no interaction at all.
    expect((await fake.signer.post(url, [1, 2, 3])).status).toBe(400);
    expect((await fake.signer.post(url, { type: 99, id: '1', token: 't' })).status).toBe(400);
    // And the endpoint keeps answering.
    expect(((await fake.sendHttp(url, fake.interaction.chatInput('help'))).body as { type: number }).type).toBe(4);
  });

  it('a private answer that is slow defers publicly, then deletes the placeholder and follows up privately', async () => {
    slow = gate();
    const interaction = fake.interaction.chatInput('slow', { private: 'yes' });
    const res = await fake.sendHttp(url, interaction);
    expect((res.body as { type: number }).type).toBe(5);
    slow.open();
    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${fake.applicationId}/${interaction.token}`));
    expect(Number((followUp.body as { flags?: number }).flags) & 64).toBe(64);
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.path.includes(interaction.token))).toBe(true);
  });

  it('reports healthy without any gateway connection', () => {
    expect(runtime.health()).toMatchObject({ ok: true, detail: expect.stringMatching(/HTTP interactions/) });
    expect(fake.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(false);
  });
});

describe('configuration', () => {
  it('refuses a public key that is not 64 hex characters, and one without a bot token, naming the variables', () => {
    expect(() => parseEnv({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_PUBLIC_KEY: 'abc' })).toThrow(
      /DISCORD_PUBLIC_KEY: expected the application public key/,
    );
    expect(() => parseEnv({ DISCORD_PUBLIC_KEY: 'a'.repeat(64) })).toThrow(ConfigError);
    expect(() => parseEnv({ DISCORD_PUBLIC_KEY: 'a'.repeat(64) })).toThrow(/DISCORD_TOKEN is missing: required when DISCORD_PUBLIC_KEY is set/);
  });
});
