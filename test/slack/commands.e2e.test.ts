import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineCommand } from '../../commands/command.js';
import { createCore } from '../../src/core/index.js';
import { blockActionsBody, blockActionsPayload, FORM, JSON_TYPE, nowSeconds } from '../fakes/slack/index.js';
import { allStrings, blockTexts, HEALTH_TOKEN, moreChoice, SlackHarness } from './harness.js';

type Block = { type: string; elements?: Array<{ type: string; action_id?: string; value?: string }> };

const boom = defineCommand({
  name: 'boom',
  description: 'Always fails (test only)',
  usage: '/boom',
  examples: [],
  options: [],
  input: z.object({}),
  parseText: () => ({}),
  run() {
    throw new Error('kaboom');
  },
});

function buttons(blocks: unknown): Array<{ action_id: string; value: string }> {
  return (blocks as Block[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e): e is { type: string; action_id: string; value: string } => e.type === 'button' && Boolean(e.action_id && e.value));
}

describe('Slack slash commands, end to end over signed HTTP', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await SlackHarness.start(createCore(), { extraCommands: [boom] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('acks a signed /role AI Engineer at once and answers with the role card via response_url', async () => {
    const sent = await h.sender.command('/role', 'AI Engineer');
    expect(sent.status).toBe(200);
    expect(sent.body).toBe('');
    const [answer] = await h.responses.waitFor(sent.responseId);
    const body = answer!.body;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('AI Engineer');
    const blocks = body.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '8. AI Engineer' } });
    expect(blockTexts(blocks)).toContain('Must-have skills');
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(buttons(blocks).map((b) => b.action_id)).toContain('rc:share');
  });

  it('/compare a vs b answers with both roles side by side', async () => {
    const sent = await h.sender.command('/compare', 'AI Engineer vs ML Engineer');
    expect(sent.status).toBe(200);
    const [answer] = await h.responses.waitFor(sent.responseId);
    const blocks = answer!.body.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'AI Engineer vs ML Engineer' } });
    // The side-by-side table is one choice of the More… menu away.
    const glance = moreChoice(blocks, 'At a glance')!;
    const click = await h.sender.click({ ...glance, container: { ephemeral: true } });
    const [part] = await h.responses.waitFor(click.responseId);
    const table = (part!.body.blocks as Block[]).find((b) => b.type === 'table') as { rows: Array<Array<{ text: string }>> } | undefined;
    expect(table?.rows[0]?.map((c) => c.text)).toEqual(['—', 'AI Engineer', 'ML Engineer']);
  });

  // /compare and /salary lead with a table or keep it one More… choice away. (/roles is a list, no table.)
  it.each([
    ['/compare', 'AI Engineer vs ML Engineer'],
    ['/salary', 'AI Engineer'],
  ])('%s %s shows its table as one native table block within Slack’s limits, its grid in the text fallback', async (command, text) => {
    const sent = await h.sender.command(command, text);
    let [answer] = await h.responses.waitFor(sent.responseId);
    let blocks = answer!.body.blocks as Block[];
    if (!blocks.some((b) => b.type === 'table')) {
      const glance = moreChoice(blocks, 'At a glance');
      expect(glance, 'a table in the answer or an "At a glance" part').toBeDefined();
      const click = await h.sender.click({ ...glance!, container: { ephemeral: true } });
      [answer] = await h.responses.waitFor(click.responseId);
      blocks = answer!.body.blocks as Block[];
    }
    const tables = blocks.filter((b) => b.type === 'table') as unknown as Array<{ rows: Array<Array<{ type: string; text: string }>> }>;
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThanOrEqual(100);
    expect(rows.every((r) => r.length >= 1 && r.length <= 20 && r.every((c) => c.type === 'raw_text' && c.text.length > 0))).toBe(true);
    // Notifications read only `text`: the first data row is there, as the grid shows it.
    const fallback = String(answer!.body.text);
    for (const c of rows[1]!) expect(fallback).toContain(c.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(h.responses.rejected).toEqual([]);
  });

  it('accepts "and", "," and "|" between roles', async () => {
    for (const text of ['RAG Engineer and LLM Engineer', 'RAG Engineer, LLM Engineer', 'RAG Engineer | LLM Engineer']) {
      const sent = await h.sender.command('/compare', text);
      const [answer] = await h.responses.waitFor(sent.responseId);
      expect((answer!.body.blocks as Block[])[0]).toMatchObject({ text: { text: 'RAG Engineer vs LLM Engineer' } });
    }
  });

  it('rejects a wrong signature and a stale timestamp with 401, and answers neither', async () => {
    const before = h.responses.responses.items.length;
    const bad = await h.sender.command('/role', 'AI Engineer', {}, { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' });
    expect(bad.status).toBe(401);
    const stale = await h.sender.command('/role', 'AI Engineer', {}, { timestamp: nowSeconds() - 10 * 60 });
    expect(stale.status).toBe(401);
    // A signed request after them is answered; the rejected ones never were.
    const ok = await h.sender.command('/help', '');
    await h.responses.waitFor(ok.responseId);
    expect(h.responses.responses.filter((r) => r.id === bad.responseId || r.id === stale.responseId)).toHaveLength(0);
    expect(h.responses.responses.items.length).toBe(before + 1);
  });

  it('escapes /role <!channel>: nothing posted anywhere carries a live mention', async () => {
    const sent = await h.sender.command('/role', '<!channel> <!here> <@U0VICTIM> &lt;!everyone&gt;');
    const [answer] = await h.responses.waitFor(sent.responseId);
    const strings = [...allStrings(answer!.body), ...h.api.calls.items.flatMap((c) => allStrings(c.body))];
    for (const s of strings) expect(s).not.toMatch(/<[!@#]/);
    expect(blockTexts(answer!.body.blocks)).toContain('&lt;!channel&gt;');
  });

  it('a button click re-runs its invocation and answers ephemerally', async () => {
    const sent = await h.sender.command('/role', 'AI Engineer');
    const [answer] = await h.responses.waitFor(sent.responseId);
    const salary = buttons(answer!.body.blocks).find((b) => b.action_id.startsWith('rc:run:'))!;
    const click = await h.sender.click({ actionId: salary.action_id, value: salary.value, container: { ephemeral: true } });
    expect(click.status).toBe(200);
    const [reply] = await h.responses.waitFor(click.responseId);
    expect(reply!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect((reply!.body.blocks as Block[])[0]).toMatchObject({ type: 'header' });
  });

  it('Share in channel posts the same answer publicly with chat.postMessage and removes the ephemeral copy', async () => {
    const sent = await h.sender.command('/role', 'RAG Engineer', { channelId: 'C0SHARE' });
    const [answer] = await h.responses.waitFor(sent.responseId);
    const share = buttons(answer!.body.blocks).find((b) => b.action_id === 'rc:share')!;
    const click = await h.sender.click({ actionId: share.action_id, value: share.value, channelId: 'C0SHARE', container: { ephemeral: true } });
    expect(click.status).toBe(200);
    const [post] = await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C0SHARE' });
    expect((post!.body.blocks as Block[])[0]).toMatchObject({ type: 'header', text: { text: '15. RAG Engineer' } });
    expect(buttons(post!.body.blocks).some((b) => b.action_id === 'rc:share')).toBe(false);
    const [cleanup] = await h.responses.waitFor(click.responseId);
    expect(cleanup!.body).toEqual({ delete_original: true });
  });

  it('private answers echoing the user’s own mrkdwn show it as typed, never formatted', async () => {
    const sent = await h.sender.command('/role', '*bold* _italic_ ~strike~ `code`', { channelId: 'C0MRKDWN' });
    const [answer] = await h.responses.waitFor(sent.responseId);
    const echoed = allStrings(answer!.body.blocks).filter((t) => t.includes('bold'));
    expect(echoed.length).toBeGreaterThan(0);
    const z = '\u200b';
    for (const text of echoed) {
      expect(text).toContain(`${z}*${z}bold${z}*${z} ${z}_${z}italic${z}_${z} ${z}~${z}strike${z}~${z} ${z}\`${z}code${z}\`${z}`);
      // No formatting marker stands next to a visible character: none can open or close a span.
      expect(text.replace(/^\*[^*\n]+\*/, '')).not.toMatch(/(?<!\u200b)[_~`]|[_~`](?!\u200b)/);
    }
  });

  it('a replayed Share click (the same signed request again) posts once', async () => {
    const sent = await h.sender.command('/role', 'MLOps Engineer', { channelId: 'C0REPLAY' });
    const [answer] = await h.responses.waitFor(sent.responseId);
    const share = buttons(answer!.body.blocks).find((b) => b.action_id === 'rc:share')!;
    const body = blockActionsBody(
      blockActionsPayload(h.workspace, { actionId: share.action_id, value: share.value, channelId: 'C0REPLAY', container: { ephemeral: true } }),
    );
    expect((await h.sender.post(body, FORM)).status).toBe(200);
    await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C0REPLAY' });
    expect((await h.sender.post(body, FORM)).status).toBe(200);
    await h.logs.waitFor((l) => l.msg === 'repeated share click ignored');
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0REPLAY')).toHaveLength(1);
  });

  it('a share the channel refuses explains how to fix it', async () => {
    h.api.failChannel('C0PRIVATE', 'not_in_channel');
    const sent = await h.sender.command('/role', 'AI Engineer', { channelId: 'C0PRIVATE' });
    const [answer] = await h.responses.waitFor(sent.responseId);
    const share = buttons(answer!.body.blocks).find((b) => b.action_id === 'rc:share')!;
    const click = await h.sender.click({ actionId: share.action_id, value: share.value, channelId: 'C0PRIVATE', container: { ephemeral: true } });
    const [reply] = await h.responses.waitFor(click.responseId);
    expect(blockTexts(reply!.body.blocks)).toContain('/invite @RoleCall');
    h.api.failChannel('C0PRIVATE', undefined);
  });

  it('a failing command answers with an error id that is also in the log, and the app keeps serving', async () => {
    const sent = await h.sender.command('/boom', '');
    const [answer] = await h.responses.waitFor(sent.responseId);
    const id = /Error id (E-[A-Z0-9]{6})/.exec(blockTexts(answer!.body.blocks))?.[1];
    expect(id).toBeDefined();
    const [logged] = await h.logs.waitFor((l) => l.errorId === id);
    expect(logged).toMatchObject({ platform: 'slack', command: 'boom', outcome: 'error' });
    const next = await h.sender.command('/role', 'LLM Engineer');
    expect(next.status).toBe(200);
    await h.responses.waitFor(next.responseId);
  });

  it('answers a stale or malformed button and an unknown command clearly', async () => {
    const stale = await h.sender.click({ actionId: 'rc:run:0.0', value: 'rc0:role?name=%238' });
    const [old] = await h.responses.waitFor(stale.responseId);
    expect(blockTexts(old!.body.blocks)).toContain('This button has expired');
    const unknown = await h.sender.command('/nosuch', 'x');
    const [answer] = await h.responses.waitFor(unknown.responseId);
    expect(blockTexts(answer!.body.blocks)).toContain('Unknown command');
  });

  it('records a metric and a log line per interaction', async () => {
    const sent = await h.sender.command('/roles', 'L5');
    await h.responses.waitFor(sent.responseId);
    const [line] = await h.logs.waitFor((l) => l.command === 'roles' && l.interactionId === sent.triggerId);
    expect(line).toMatchObject({ platform: 'slack', kind: 'command', outcome: 'ok' });
    expect(typeof line!.latencyMs).toBe('number');
    const metrics = await h.metrics.registry.metrics();
    expect(metrics).toMatch(/rolecall_commands_total\{command="roles",platform="slack",outcome="ok"\} 1\b/);
  });

  it('survives bad requests: malformed signed body → 400, unknown Slack path → 404, url_verification answered', async () => {
    expect((await h.sender.post('{not json', JSON_TYPE)).status).toBe(400);
    const nowhere = await fetch(`http://127.0.0.1:${h.http.port}/slack/nowhere`, { method: 'POST', body: 'x' });
    expect(nowhere.status).toBe(404);
    const challenge = await h.sender.post(JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' }), JSON_TYPE);
    expect(JSON.parse(challenge.body)).toEqual({ challenge: 'c-123' });
    const still = await h.sender.command('/role', 'AI Engineer');
    expect(still.status).toBe(200);
    await h.responses.waitFor(still.responseId);
  });

  it('serves /healthz with the Slack component: its state to anyone, its detail to a request with the health token', async () => {
    const url = `http://127.0.0.1:${h.http.port}/healthz`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const open = await res.text();
    expect(JSON.parse(open)).toEqual({ status: 'ok', components: { slack: { ok: true }, store: { ok: true } } });
    expect(open).not.toContain(h.workspace.teamId);
    for (const wrong of ['Bearer nope', `Basic ${HEALTH_TOKEN}`, `Bearer ${HEALTH_TOKEN}x`]) {
      const guessed = (await (await fetch(url, { headers: { authorization: wrong } })).json()) as { components: Record<string, object> };
      expect(guessed.components.slack).toEqual({ ok: true });
    }
    const operator = await fetch(url, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } });
    const body = (await operator.json()) as { components: Record<string, { ok: boolean; detail: string }> };
    expect(body.components.slack).toMatchObject({ ok: true });
    expect(body.components.slack!.detail).toContain('http mode');
    expect(body.components.slack!.detail).toContain(h.workspace.teamId);
  });
});

describe('Slack: the knowledge commands, end to end over signed HTTP', () => {
  let h: SlackHarness;
  type Select = { type: string; action_id: string; placeholder?: { text: string }; options: Array<{ text: { text: string }; value: string }> };
  const selects = (blocks: unknown): Select[] =>
    (blocks as Array<{ type: string; elements?: Select[] }>)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.type === 'static_select');

  beforeAll(async () => {
    h = await SlackHarness.start(createCore());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers /prep, /certs, /projects, /companies and /deepdive within the message limits', async () => {
    const cases: Array<[string, string, string]> = [
      ['/prep', 'MLOps Engineer', 'Interview prep: MLOps / LLMOps Engineer'],
      ['/certs', '', 'Certification roadmap'],
      ['/projects', 'L4', 'Portfolio projects: L4 Fine-tuning &amp; Evaluation'], // Slack text escapes &
      ['/companies', 'india', 'Where to look in India'],
      ['/deepdive', 'roadmap', 'AI Engineer deep-dive: Roadmap into the role'],
      ['/salary', 'AI Engineer uk', 'AI Engineer: UK pay by level'],
    ];
    for (const [command, text, title] of cases) {
      const sent = await h.sender.command(command, text);
      expect(sent.status).toBe(200);
      const [answer] = await h.responses.waitFor(sent.responseId);
      const blocks = answer!.body.blocks as Array<{ type: string }>;
      expect(blocks[0], command).toMatchObject({ type: 'header', text: { text: title } });
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(blockTexts(blocks)).not.toContain('Shortened');
    }
  });

  it('the AI Engineer card’s deep-dive menu opens the chosen part', async () => {
    const sent = await h.sender.command('/role', 'AI Engineer');
    const [answer] = await h.responses.waitFor(sent.responseId);
    const menu = selects(answer!.body.blocks).find((s) => s.placeholder?.text === 'AI Engineer deep-dive…')!;
    const option = menu.options.find((o) => o.text.text === 'Pay: US, UK and India ladders')!;
    const click = await h.sender.click({ actionId: menu.action_id, value: option.value, kind: 'static_select', container: { ephemeral: true } });
    expect(click.status).toBe(200);
    const [reply] = await h.responses.waitFor(click.responseId);
    expect((reply!.body.blocks as Block[])[0]).toMatchObject({ type: 'header', text: { text: 'AI Engineer deep-dive: Pay: US, UK and India ladders' } });
    expect(blockTexts(reply!.body.blocks)).toContain('UK pay ladder');
  });
});
