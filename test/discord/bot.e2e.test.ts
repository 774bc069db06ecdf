import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, PermissionFlagsBits, type APIInteraction } from 'discord.js';
import { commands } from '../../commands/index.js';
import { parseEnv } from '../../src/config/env.js';
import { createCore, type Core } from '../../src/core/index.js';
import { silentLogger } from '../../src/observability/logger.js';
import { startDiscord } from '../../src/platforms/discord/client.js';
import { decodeInvocation } from '../../src/views/invocation-codec.js';
import { payloads, type Callback } from '../fakes/discord/index.js';
import {
  componentsOf,
  embedOf,
  field,
  gate,
  isEphemeral,
  moreParts,
  spotlightExtension,
  startHarness,
  testCommands,
  type Gate,
  type Harness,
} from './harness.js';

let core: Core;
let h: Harness;
let slow: Gate = gate();
let roleCard: Callback;
let roleCardInteraction: string;

beforeAll(async () => {
  core = createCore();
  h = await startHarness(core, {
    fake: { heartbeatIntervalMs: 2_000 },
    commands: [...commands.filter((c) => c.name !== 'spotlight'), ...testCommands(() => slow)],
    start: { extraCommands: [spotlightExtension] },
  });
});

afterAll(async () => {
  await h?.stop();
});

const run = (name: string, options?: payloads.OptionsInput, scene?: Partial<payloads.InteractionScene>) =>
  h.fake.answer(h.fake.interaction.chatInput(name, options, scene));
const complete = (name: string, option: string, value: string) => h.fake.roundTrip(h.fake.interaction.autocomplete(name, { name: option, value }));

describe('start-up', () => {
  it('becomes ready through DISCORD_API_URL, identifies once with the Guilds, GuildMessages and DirectMessages intents (none privileged), and registers nothing', async () => {
    expect(h.runtime.health()).toMatchObject({ ok: true });
    expect(h.runtime.client.guilds.cache.has(h.fake.guildId)).toBe(true);
    const gatewayBot = h.fake.requests.find((r) => r.path === '/api/v10/gateway/bot');
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${h.fake.token}`);
    expect(h.fake.gateway.stats.identifies).toBe(1);
    expect(h.fake.gateway.identified[0]).toMatchObject({
      intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
      token: h.fake.token,
      shard: [0, 1],
    });
    expect(h.fake.requests.filter((r) => r.method === 'PUT' || r.path.includes('/commands'))).toEqual([]);
  });

  it('logs an invite URL with the bot and applications.commands scopes and minimal permissions', async () => {
    const line = await h.logs.waitFor((l) => l.msg === 'discord ready');
    const invite = new URL(String(line.invite));
    expect(invite.origin).toBe('https://discord.com');
    expect(invite.searchParams.get('client_id')).toBe(h.fake.applicationId);
    expect(invite.searchParams.get('scope')).toBe('bot applications.commands');
    const perms = BigInt(invite.searchParams.get('permissions') ?? '0');
    // Read Message History: spotlight recovery looks for a post a crash interrupted. The two
    // thread permissions: a subscription's discussion thread under each weekly post.
    expect(perms).toBe(
      PermissionFlagsBits.ViewChannel |
        PermissionFlagsBits.SendMessages |
        PermissionFlagsBits.EmbedLinks |
        PermissionFlagsBits.ReadMessageHistory |
        PermissionFlagsBits.CreatePublicThreads |
        PermissionFlagsBits.SendMessagesInThreads,
    );
  });

  it('refuses to start without a token, and fails clearly on a wrong one', async () => {
    const base = { dispatcher: h.dispatcher, logger: silentLogger(), metrics: h.metrics };
    await expect(startDiscord({ ...base, env: parseEnv({}) })).rejects.toThrow(/DISCORD_TOKEN: required/);
    const env = parseEnv({ DISCORD_TOKEN: 'wrong', DISCORD_APPLICATION_ID: h.fake.applicationId, DISCORD_API_URL: h.fake.apiUrl });
    await expect(startDiscord({ ...base, env })).rejects.toThrow(/^Discord login failed: .*token/i);
  });
});

describe('/role', () => {
  it('answers /role AI Engineer with the role card', async () => {
    const sent = h.fake.interaction.chatInput('role', { name: 'AI Engineer' });
    roleCardInteraction = sent.id;
    roleCard = await h.fake.roundTrip(sent);
    expect(roleCard.type).toBe(4);
    expect(isEphemeral(roleCard.data)).toBe(false);
    const embed = embedOf(roleCard.data);
    expect(embed.title).toMatch(/AI Engineer$/);
    expect(field(embed, 'Layer')).toContain('L5 Orchestration');
    expect(field(embed, 'Entry difficulty')).toBe('Moderate');
    expect(field(embed, 'US salary')).toMatch(/^Entry: \$\d+K–\$\d+K\nMid: .+\nSenior: .+/);
    expect(field(embed, 'India salary')).toMatch(/Entry: ₹.+LPA/);
    const role = core.kb.roles.find((r) => r.name === 'AI Engineer')!;
    const mustHave = field(embed, 'Must-have skills');
    for (const skill of role.mustHave) expect(mustHave).toContain(skill.replace(/[*_]/g, ''));
    const labels = componentsOf(roleCard.data).map((c) => c.label ?? c.placeholder);
    expect(labels).toEqual([
      'Career path',
      'Salary',
      'Interview prep',
      'Certifications',
      'Projects',
      'Compare with…',
      'AI Engineer deep-dive…',
      'More of this answer…',
    ]);
    expect(roleCard.data.allowed_mentions).toEqual({ parse: [] });
    // The card opens on one screen; where the sources disagree is one choice of its More… menu away.
    const parts = await moreParts(h.fake, roleCard.data);
    const names = parts.flatMap((p) => p.fields?.map((f) => f.name) ?? []);
    expect(names).toContain('Where sources disagree (part 1 of 3)');
    expect(names).toContain('Where sources disagree (part 3 of 3)');
    for (const part of parts) expect(part.title).toBe(embed.title);
  });

  it('forgives a typo', async () => {
    const cb = await run('role', { name: 'AI Enginer' });
    expect(embedOf(cb.data).title).toBe(embedOf(roleCard.data).title);
  });

  it('offers a select of candidates for an ambiguous name, privately', async () => {
    const cb = await run('role', { name: 'ml' });
    expect(isEphemeral(cb.data)).toBe(true);
    expect(embedOf(cb.data).title).toBe('Which role did you mean?');
    const [select] = componentsOf(cb.data);
    expect(select?.type).toBe(3);
    expect(select?.options?.map((o) => o.label)).toContain('ML Engineer');
    for (const o of select?.options ?? []) expect(decodeInvocation(o.value)).toMatchObject({ ok: true, invocation: { command: 'role' } });
    const ml = select!.options!.find((o) => o.label === 'ML Engineer')!;
    const chosen = await h.fake.roundTrip(h.fake.interaction.select(select!.custom_id!, [ml.value]));
    expect(embedOf(chosen.data).title).toMatch(/\. ML Engineer$/);
    expect(isEphemeral(chosen.data)).toBe(false);
  });

  it('offers suggestion buttons when nothing matches', async () => {
    const query = 'vision scientist';
    const resolution = core.resolve(query);
    const suggested = resolution.status === 'not_found' ? resolution.suggestions.map((r) => r.name) : [];
    expect(suggested.length, 'the query needs suggestions for this test').toBeGreaterThan(0);
    const cb = await run('role', { name: query });
    expect(isEphemeral(cb.data)).toBe(true);
    expect(embedOf(cb.data).title).toBe(`No role matches "${query}"`);
    const buttons = componentsOf(cb.data);
    expect(buttons.map((b) => b.label)).toEqual(suggested);
    expect(buttons.every((b) => b.type === 2 && b.custom_id?.startsWith('rc1:role?name=%23'))).toBe(true);
  });

  it('echoes injection text without pinging or formatting', async () => {
    const cb = await run('role', { name: '@everyone <@&123> **bold**' });
    const title = embedOf(cb.data).title ?? '';
    expect(title).toBe('No role matches "@\u200beveryone <\u200b@&123> \\*\\*bold\\*\\*"');
    expect(JSON.stringify(cb.data)).not.toMatch(/@everyone|<@&|(?<!\\)\*\*/);
    expect(cb.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a value that is no role, or not text, with a clear private message', async () => {
    const notRole = await run('salary', { role: 'qwxzv' });
    expect(isEphemeral(notRole.data)).toBe(true);
    expect(embedOf(notRole.data).title).toBe('No role matches "qwxzv"');
    const wrongType = await run('role', { name: 42 });
    expect(isEphemeral(wrongType.data)).toBe(true);
    expect(embedOf(wrongType.data).description).toContain('expected a role name');
  });
});

describe('the knowledge commands', () => {
  it('answers /prep, /certs, /projects and /companies as embeds within limits', async () => {
    const prep = await run('prep', { role: 'RAG Engineer' });
    expect(embedOf(prep.data).title).toBe('Interview prep: RAG Engineer');
    expect(embedOf(prep.data).fields?.map((f) => f.name)).toContain('Behavioral Round (ALL roles)');
    const certs = await run('certs', {});
    expect(embedOf(certs.data).fields?.map((f) => f.name)).toEqual(['High priority']);
    const certParts = await moreParts(h.fake, certs.data);
    expect(certParts.flatMap((p) => p.fields?.map((f) => f.name) ?? [])).toEqual(['Medium priority', 'Nice to have']);
    const projects = await run('projects', { layer: 'L3' });
    expect(embedOf(projects.data).title).toBe('Portfolio projects: L3 Inference & Serving');
    const india = await run('companies', { which: 'india' });
    expect(field(embedOf(india.data), 'Job platforms')).toContain('Naukri.com');
    for (const cb of [prep, certs, projects, india]) {
      expect(cb.type).toBe(4);
      expect(embedOf(cb.data).footer?.text ?? '').not.toContain('Shortened');
    }
  });

  it('opens the AI Engineer deep-dive from the card’s select, and UK pay from /salary', async () => {
    const select = componentsOf(roleCard.data).find((c) => c.type === 3 && c.placeholder === 'AI Engineer deep-dive…')!;
    const option = select.options!.find((o) => o.label === 'vs ML Engineer, Data Scientist, Research Scientist')!;
    const cb = await h.fake.roundTrip(h.fake.interaction.select(select.custom_id!, [option.value], h.fake.originalMessage(roleCardInteraction)));
    expect(embedOf(cb.data).title).toBe('AI Engineer deep-dive: vs ML Engineer, Data Scientist, Research Scientist');
    const uk = await run('salary', { role: 'AI Engineer', market: 'uk' });
    expect(embedOf(uk.data).title).toBe('AI Engineer: UK pay by level');
    expect(JSON.stringify(embedOf(uk.data))).toContain('£55K–£80K');
  });
});

describe('autocomplete', () => {
  it('ranks AI Engineer first for "ai enginer", within 25 choices of 1–100 characters', async () => {
    const cb = await complete('role', 'name', 'ai enginer');
    expect(cb.type).toBe(8);
    const choices = cb.data.choices as Array<{ name: string; value: string }>;
    expect(choices[0]).toEqual({ name: 'AI Engineer', value: 'AI Engineer' });
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length >= 1 && c.name.length <= 100).toBe(true);
  });

  it("offers the user's own text when nothing matches, and completes compare's later options", async () => {
    const nonsense = await complete('role', 'name', 'qwxzv');
    expect(nonsense.data.choices).toEqual([{ name: 'qwxzv', value: 'qwxzv' }]);
    const cb = await h.fake.roundTrip(h.fake.interaction.autocomplete('compare', { name: 'role_b', value: 'rag' }, { role_a: 'AI Engineer' }));
    expect((cb.data.choices as Array<{ name: string }>)[0]?.name).toBe('RAG Engineer');
  });
});

describe('/compare and components', () => {
  it('puts the key figures first, then the skills overlap', async () => {
    const cb = await run('compare', { role_a: 'AI Engineer', role_b: 'ML Engineer' });
    const embed = embedOf(cb.data);
    expect(embed.title).toBe('AI Engineer vs ML Engineer');
    const names = embed.fields?.map((f) => f.name) ?? [];
    expect(names.slice(0, 2)).toEqual(['AI Engineer', 'ML Engineer']);
    expect(embed.fields?.[0]?.inline).toBe(true);
    expect(field(embed, 'AI Engineer')).toMatch(/US mid \$/);
    expect(names.findIndex((n) => n.startsWith('Shared must-have skills'))).toBeGreaterThan(1);
  });

  it('answers a button click like the matching command', async () => {
    const salary = componentsOf(roleCard.data).find((c) => c.label === 'Salary')!;
    const message = h.fake.originalMessage(roleCardInteraction);
    const cb = await h.fake.answer(h.fake.interaction.button(salary.custom_id!, message));
    expect(embedOf(cb.data).title).toBe('AI Engineer: pay by level');
    expect(field(embedOf(cb.data), 'US')).toContain('Mid:');
  });

  it('answers a select like the matching command', async () => {
    const select = componentsOf(roleCard.data).find((c) => c.type === 3)!;
    const option = select.options!.find((o) => o.label === 'ML Engineer')!;
    const cb = await h.fake.answer(h.fake.interaction.select(select.custom_id!, [option.value], h.fake.originalMessage(roleCardInteraction)));
    expect(embedOf(cb.data).title).toBe('AI Engineer vs ML Engineer');
  });

  it('explains a stale or unrecognised button privately', async () => {
    const stale = await h.fake.roundTrip(h.fake.interaction.button('rc0:role?name=%238'));
    expect(isEphemeral(stale.data)).toBe(true);
    expect(embedOf(stale.data).title).toBe('This button has expired');
    expect(embedOf(stale.data).description).toContain('older version');
    const garbage = await h.fake.roundTrip(h.fake.interaction.button('not-ours'));
    expect(embedOf(garbage.data).description).toContain('did not recognise');
  });

  it('answers an unknown command privately', async () => {
    const cb = await run('dance');
    expect(isEphemeral(cb.data)).toBe(true);
    expect(embedOf(cb.data).title).toBe('Unknown command');
  });
});

describe('extension commands', () => {
  it('routes subcommands with the invoker’s permissions, and uses the extension’s autocomplete', async () => {
    const options = [payloads.subcommand('subscribe', { role: 'AI Engineer' })];
    const cb = await run('spotlight', options, { memberPermissions: payloads.MODERATOR_PERMISSIONS });
    expect(embedOf(cb.data).title).toBe('spotlight subscribe');
    expect(embedOf(cb.data).description).toBe('channel=- role=AI Engineer manage=true');
    const ac = await h.fake.roundTrip(h.fake.interaction.autocomplete('spotlight', { name: 'role', value: 'ai' }));
    expect(ac.data.choices).toEqual([{ name: 'Spotlight pick', value: 'pick' }]);
  });
});

describe('slow and failing commands', () => {
  it('defers a slow command, then edits the answer in', async () => {
    slow = gate();
    const sent = h.fake.interaction.chatInput('slow');
    const deferred = await h.fake.roundTrip(sent);
    expect(deferred.type).toBe(5);
    slow.open();
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${sent.token}/messages/@original`));
    expect(edit.status).toBe(200);
    expect(embedOf(edit.body as Record<string, unknown>).title).toBe('Slow answer');
  });

  it('keeps a slow private answer private: the public placeholder is deleted, the answer follows ephemerally', async () => {
    slow = gate();
    const sent = h.fake.interaction.chatInput('slow', { private: 'yes' });
    await h.fake.roundTrip(sent);
    slow.open();
    const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${h.fake.applicationId}/${sent.token}`));
    expect(isEphemeral(followUp.body as Record<string, unknown>)).toBe(true);
    expect(h.fake.requests.some((r) => r.method === 'DELETE' && r.path.includes(sent.token))).toBe(true);
  });

  it('answers a failing command with an error id that is also logged', async () => {
    for (const name of ['boom', 'broken']) {
      const cb = await run(name);
      expect(isEphemeral(cb.data)).toBe(true);
      const id = /Error id (E-[A-Z0-9]{6})/.exec(embedOf(cb.data).description ?? '')?.[1];
      expect(id, name).toBeDefined();
      const logged = await h.logs.waitFor((l) => l.errorId === id);
      expect(logged.level).toBe(50);
    }
  });

  it('answers a malformed interaction with an error id instead of crashing, then keeps answering', async () => {
    const good = h.fake.interaction.button('rc1:role?name=%238');
    const { message: _dropped, ...malformed } = good;
    const sent = h.fake.send(malformed as unknown as APIInteraction);
    const cb = await h.fake.waitForCallback(sent.id);
    expect(isEphemeral(cb.data)).toBe(true);
    const id = /Error id (E-[A-Z0-9]{6})/.exec(embedOf(cb.data).description ?? '')?.[1];
    await h.logs.waitFor((l) => l.errorId === id && l.msg === 'malformed interaction dropped');
    expect(embedOf((await run('role', { name: 'RAG Engineer' })).data).title).toMatch(/RAG Engineer$/);
  });

  it('reads interactions raw: a payload neither RoleCall nor discord.js can answer is logged, and nothing crashes', async () => {
    const good = h.fake.interaction.chatInput('role', { name: 'AI Engineer' });
    const { token: _none, ...tokenless } = good;
    h.fake.send({ ...tokenless, token: '' } as unknown as APIInteraction);
    await h.logs.waitFor((l) => l.msg === 'malformed interaction dropped' && l.interactionId === good.id);
    // A component without its message is answerable: RoleCall answers, and discord.js's own object building is contained.
    const { message: _m, ...bare } = h.fake.interaction.select('rcsel:0', ['rc1:role?name=%238']);
    const cb = await h.fake.waitForCallback(h.fake.send(bare as unknown as APIInteraction).id);
    expect(embedOf(cb.data).description).toMatch(/Error id E-/);
    await h.logs.waitFor((l) => String(l.msg).startsWith('discord.js could not read an interaction'));
    expect(embedOf((await run('role', { name: 'ML Engineer' })).data).title).toMatch(/ML Engineer$/);
  });

  it('survives client error events and keeps answering', async () => {
    h.runtime.client.emit('error', new Error('socket hiccup'));
    await h.logs.waitFor((l) => l.msg === 'discord client error');
    const cb = await run('help');
    expect(embedOf(cb.data).title).toContain('RoleCall');
  });
});

describe('bookkeeping', () => {
  it('logs and counts every interaction with id, platform, command, latency and outcome', async () => {
    const line = await h.logs.waitFor((l) => l.msg === 'interaction' && l.command === 'role' && l.outcome === 'ok');
    expect(line).toMatchObject({ platform: 'discord', interactionId: expect.stringMatching(/^\d{17,19}$/) });
    expect(typeof line.latencyMs).toBe('number');
    const counted = (await h.metrics.commands.get()).values;
    expect(counted.find((v) => v.labels.command === 'role' && v.labels.outcome === 'ok' && v.labels.platform === 'discord')?.value).toBeGreaterThanOrEqual(2);
    expect(counted.some((v) => v.labels.outcome === 'stale')).toBe(true);
    expect(counted.some((v) => v.labels.outcome === 'error')).toBe(true);
  });

  it('never acknowledges an interaction twice', () => {
    const callbacks = h.fake.requests.filter((r) => /\/interactions\/\d+\/[^/]+\/callback$/.test(r.path));
    expect(callbacks.length).toBeGreaterThan(15);
    expect(callbacks.filter((r) => r.status >= 400)).toEqual([]);
    const perInteraction = new Map<string, number>();
    for (const r of callbacks) perInteraction.set(r.path, (perInteraction.get(r.path) ?? 0) + 1);
    expect(Math.max(...perInteraction.values())).toBe(1);
  });

  it('reports itself stopped after stop(), which can be called twice', async () => {
    await h.runtime.stop();
    await h.runtime.stop();
    expect(h.runtime.health()).toEqual({ ok: false, detail: 'stopped' });
  });

  it('sends allowed_mentions { parse: [] } on every message', () => {
    const messages = h.fake.requests.filter((r) => {
      const body = r.body as { type?: number } | null;
      if (r.path.endsWith('/callback')) return body?.type === 4 || body?.type === 7;
      return (r.method === 'PATCH' || r.method === 'POST') && (r.path.includes('/webhooks/') || r.path.includes('/messages'));
    });
    expect(messages.length).toBeGreaterThan(15);
    for (const r of messages) {
      const body = r.body as { data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown };
      expect(body.data?.allowed_mentions ?? body.allowed_mentions, r.path).toEqual({ parse: [] });
    }
  });
});
