import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { messageTs, type RecordedCall } from '../fakes/slack/index.js';
import { allStrings, blockTexts, moreChoice, SlackHarness } from './harness.js';

type Block = { type: string; text?: { text: string }; rows?: Array<Array<{ text: string }>>; elements?: Array<Record<string, unknown>> };

const headers = (call: RecordedCall) => (call.body.blocks as Block[]).filter((b) => b.type === 'header').map((b) => b.text!.text);
const tableOf = (call: RecordedCall) => (call.body.blocks as Block[]).find((b) => b.type === 'table')?.rows?.[0]?.map((c) => c.text);

describe('Slack thread comparisons through mentions, end to end', () => {
  let h: SlackHarness;
  const channel = 'C0CAREERS';
  const thread = messageTs();

  /** Sends a mention in the thread and resolves with RoleCall's reply there. */
  async function say(text: string, method: 'chat.postMessage' | 'chat.postEphemeral' = 'chat.postMessage', threadTs = thread) {
    const before = h.api.callsTo(method).filter((c) => c.body.thread_ts === threadTs).length;
    const sent = await h.sender.mention({ text: h.mentionText(text), channel, threadTs });
    expect(sent.status).toBe(200);
    const calls = await h.api.waitForCall(method, { count: before + 1, match: (c) => c.body.thread_ts === threadTs });
    return calls[calls.length - 1]!;
  }

  /** The comparison's side-by-side table: its More… menu's "At a glance", chosen in the thread (posted there for everyone). */
  async function tableHead(reply: RecordedCall) {
    const glance = moreChoice(reply.body.blocks, 'At a glance');
    if (!glance) return tableOf(reply);
    const before = h.api.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === thread).length;
    await h.sender.click({ ...glance, channelId: channel, container: { threadTs: thread } });
    const calls = await h.api.waitForCall('chat.postMessage', { count: before + 1, match: (c) => c.body.thread_ts === thread });
    return tableOf(calls[calls.length - 1]!);
  }

  beforeAll(async () => {
    h = await SlackHarness.start(createCore());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers "compare AI Engineer vs ML Engineer" in the thread with both roles side by side', async () => {
    const reply = await say('compare AI Engineer vs ML Engineer');
    expect(reply.body).toMatchObject({ channel, thread_ts: thread });
    expect(headers(reply)[0]).toBe('AI Engineer vs ML Engineer');
    expect(await tableHead(reply)).toEqual(['—', 'AI Engineer', 'ML Engineer']);
    expect(String(reply.body.text)).toContain('AI Engineer vs ML Engineer');
  });

  it('refines the thread’s comparison: add, drop, salary india, path', async () => {
    const added = await say('add RAG Engineer');
    expect(headers(added)[0]).toBe('AI Engineer vs ML Engineer vs RAG Engineer');
    expect(await tableHead(added)).toEqual(['—', 'AI Engineer', 'ML Engineer', 'RAG Engineer']);

    const dropped = await say('drop ML Engineer');
    expect(headers(dropped)[0]).toBe('AI Engineer vs RAG Engineer');

    const salary = await say('salary india');
    expect(headers(salary)).toEqual(['AI Engineer: pay by level', 'RAG Engineer: pay by level']);
    const text = blockTexts(salary.body.blocks);
    expect(text).toContain('*India*');
    expect(text).not.toContain('*US*');
    expect((salary.body.blocks as Block[]).filter((b) => b.type === 'table').length).toBeLessThanOrEqual(1);

    const path = await say('path');
    expect(headers(path)[0]).toMatch(/AI Engineer/);
    expect(headers(path)[0]).toMatch(/RAG Engineer/);
  });

  it('keeps the thread’s comparison across a restart (new app, same database file)', async () => {
    await h.restart();
    const added = await say('add LLM Engineer');
    expect(headers(added)[0]).toBe('AI Engineer vs RAG Engineer vs LLM Engineer');
  });

  it('starts a thread on a bare "@RoleCall A vs B" (thread_ts = the mention’s ts)', async () => {
    const ts = messageTs();
    const sent = await h.sender.mention({ text: h.mentionText('Prompt Engineer vs AI Engineer'), channel: 'C0NEW', ts });
    expect(sent.status).toBe(200);
    const [reply] = await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C0NEW' && c.body.thread_ts === ts });
    expect(headers(reply!)[0]).toMatch(/Prompt Engineer.* vs AI Engineer/);
  });

  it('never answers a retried event twice (X-Slack-Retry-Num, same event_id)', async () => {
    const threadTs = messageTs();
    const first = await h.sender.mention({ text: h.mentionText('role MLOps'), channel, threadTs });
    await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.thread_ts === threadTs });
    const retry = await h.sender.event(first.event, first.eventId, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    await h.logs.waitFor((l) => l.msg === 'duplicate slack event ignored' && l.id === first.eventId);
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === threadTs)).toHaveLength(1);
  });

  it('retries a 429 from the Web API after its Retry-After, then posts', async () => {
    const threadTs = messageTs();
    h.api.rateLimitNext('chat.postMessage', 1);
    await h.sender.mention({ text: h.mentionText('compare LLM Engineer vs NLP Engineer'), channel, threadTs });
    const calls = await h.api.waitForCall('chat.postMessage', { count: 2, match: (c) => c.body.thread_ts === threadTs, timeoutMs: 20_000 });
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('answers "role X" publicly and "help" privately (ephemeral) in the thread', async () => {
    const role = await say('role MLOps');
    expect(headers(role)[0]).toContain('MLOps');
    const help = await say('help', 'chat.postEphemeral');
    expect(help.body).toMatchObject({ channel, user: 'U0ASKER', thread_ts: thread });
    expect(headers(help)[0]).toContain('RoleCall');
  });

  it('escapes echoed text from a mention: no live mention is ever posted', async () => {
    const reply = await say('role <!here> <@U0VICTIM>', 'chat.postEphemeral');
    expect(blockTexts(reply.body.blocks)).toContain('&lt;!here&gt;');
    for (const s of h.api.calls.items.flatMap((c) => allStrings(c.body))) expect(s).not.toMatch(/<[!@#]/);
  });

  it('explains a refinement in a thread that has no comparison yet', async () => {
    const reply = await say('add RAG Engineer', 'chat.postEphemeral', messageTs());
    expect(headers(reply)[0]).toBe('No comparison in this thread yet');
  });

  it('a candidate picked from the thread’s "which role?" menu becomes the thread’s comparison', async () => {
    const threadTs = messageTs();
    const ask = await say('compare data vs ML Engineer', 'chat.postEphemeral', threadTs);
    const menu = (ask.body.blocks as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.type === 'static_select') as
      | { action_id: string; options: Array<{ text: { text: string }; value: string }> }
      | undefined;
    const option = menu!.options.find((o) => o.text.text === 'AI Data Engineer')!;
    const click = await h.sender.click({
      kind: 'static_select',
      actionId: menu!.action_id,
      value: option.value,
      channelId: channel,
      container: { ephemeral: true, threadTs },
    });
    expect(click.status).toBe(200);
    const [posted] = await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.thread_ts === threadTs });
    expect(headers(posted!)[0]).toBe('AI Data Engineer vs ML Engineer');
    const added = await say('add AI Engineer', 'chat.postMessage', threadTs);
    expect(headers(added)[0]).toBe('AI Data Engineer vs ML Engineer vs AI Engineer');
  });
});
