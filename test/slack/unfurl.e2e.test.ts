import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { unfurlCall } from '../fakes/slack/index.js';
import { SlackHarness } from './harness.js';

const PUBLIC = 'https://rolecall.example.org/pages';
const eventId = () => `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;

function linkShared(urls: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'link_shared',
    channel: 'C0GENERAL',
    user: 'U0ASKER',
    message_ts: '1733500000.000100',
    links: urls.map((url) => ({ url, domain: new URL(url).hostname })),
    event_ts: '1733500000.000200',
    ...extra,
  };
}

type Block = { type: string; text?: { text: string }; elements?: Array<{ type: string; url?: string; value?: string; action_id?: string }> };

describe('Slack unfurls a link to a page with its compact card (link_shared → chat.unfurl)', () => {
  let h: SlackHarness;
  let off: SlackHarness;
  beforeAll(async () => {
    [h, off] = await Promise.all([SlackHarness.start(createCore(), { publicUrl: PUBLIC }), SlackHarness.start(createCore())]);
  });
  afterAll(async () => {
    await Promise.all([h?.close(), off?.close()]);
  });

  it('unfurls a role, a comparison and a path in one message, by channel and ts', async () => {
    const role = `${PUBLIC}/roles/ai-engineer`;
    const compare = `${PUBLIC}/compare/ai-engineer/ml-engineer`;
    const path = `${PUBLIC}/path/prompt-engineer/ai-engineer?utm_source=x`;
    const before = h.api.unfurls.length;
    const sent = await h.sender.event(linkShared([role, compare, path, 'https://elsewhere.example.com/roles/ai-engineer']), eventId());
    expect(sent.status).toBe(200);
    await h.api.waitForCall('chat.unfurl');
    const call = h.api.unfurls[before]!;
    expect(call).toMatchObject({ channel: 'C0GENERAL', ts: '1733500000.000100' });
    // Only our own pages: the other host is left to Slack.
    expect(Object.keys(call.unfurls).sort()).toEqual([compare, path, role].sort());
    const blocks = call.unfurls[role]!.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: '8. AI Engineer' } });
    expect(JSON.stringify(blocks)).toContain('US salary');
    // Compact: no sections (skills and the rest), and the only button is the link to the page.
    expect(JSON.stringify(blocks)).not.toContain('Must-have skills');
    const buttons = blocks.flatMap((b) => b.elements ?? []).filter((e) => e.type === 'button');
    expect(buttons).toEqual([expect.objectContaining({ url: role })]);
    expect((call.unfurls[compare]!.blocks as Block[])[0]).toMatchObject({ text: { text: 'AI Engineer vs ML Engineer' } });
    expect((call.unfurls[path]!.blocks as Block[])[0]).toMatchObject({ text: { text: 'Prompt Engineer / AI Interaction Specialist → AI Engineer' } });
  });

  it('in the composer, answers by unfurl_id and source', async () => {
    const before = h.api.unfurls.length;
    const url = `${PUBLIC}/roles/ml-engineer`;
    await h.sender.event(linkShared([url], { channel: 'COMPOSER', message_ts: 'U0ASKER-1', unfurl_id: 'C-UNF-1', source: 'composer' }), eventId());
    await h.api.waitForCall('chat.unfurl', { match: (c) => String(c.body.unfurl_id) === 'C-UNF-1' });
    expect(h.api.unfurls[before]).toMatchObject({ unfurlId: 'C-UNF-1', source: 'composer' });
    expect(h.api.unfurls[before]).not.toHaveProperty('channel');
  });

  it('does not unfurl names, unknown ids, hostile paths or the same event twice', async () => {
    const calls = () => h.api.callsTo('chat.unfurl').length;
    const before = calls();
    const id = eventId();
    const junk = [`${PUBLIC}/roles/mle`, `${PUBLIC}/roles/no-such-role`, `${PUBLIC}/roles/..%2f..%2fetc%2fpasswd`, `${PUBLIC}/compare/ai-engineer/ai-engineer`];
    await h.sender.event(linkShared(junk), id);
    // A retry of a handled event is not answered again.
    const url = `${PUBLIC}/roles/ai-engineer`;
    const second = eventId();
    await h.sender.event(linkShared([url]), second);
    await h.sender.event(linkShared([url]), second);
    await h.api.waitForCall('chat.unfurl', { count: before + 1 });
    // The junk event came first and got no unfurl; the repeated one got exactly one.
    expect(calls() - before).toBe(1);
  });

  it('without ROLECALL_PUBLIC_URL, no link is unfurled', async () => {
    await off.sender.event(linkShared([`${PUBLIC}/roles/ai-engineer`]), eventId());
    // A command's answer after the event: anything the event caused would be there by now.
    const sent = await off.sender.command('/role', 'AI Engineer');
    await off.responses.waitFor(sent.responseId);
    expect(off.api.callsTo('chat.unfurl')).toEqual([]);
  });
});

describe("the fake Slack API's chat.unfurl, as documented", () => {
  const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }];
  const unfurls = JSON.stringify({ 'https://a.example/x': { blocks } });

  it('takes channel + ts, or unfurl_id + source, with a URL-encoded JSON map of unfurls', () => {
    expect(unfurlCall({ channel: 'C1', ts: '1.2', unfurls })).toMatchObject({ ok: true, unfurl: { channel: 'C1', ts: '1.2' } });
    expect(unfurlCall({ unfurl_id: 'U', source: 'composer', unfurls })).toMatchObject({ ok: true, unfurl: { unfurlId: 'U', source: 'composer' } });
    expect(unfurlCall({ channel: 'C1', ts: '1.2', unfurls: { 'https://a.example/x': { text: 'legacy attachment' } } }).ok).toBe(true);
  });

  it.each([
    [{ ts: '1.2', unfurls }, 'missing_channel'],
    [{ channel: 'C1', unfurls }, 'missing_ts'],
    [{ unfurl_id: 'U', unfurls }, 'missing_source'],
    [{ source: 'composer', unfurls }, 'missing_unfurl_id'],
    [{ unfurl_id: 'U', source: 'somewhere', unfurls }, 'invalid_source'],
    [{ channel: 'C1', ts: '1.2', unfurls: '{not json' }, 'invalid_unfurls_format'],
    [{ channel: 'C1', ts: '1.2', unfurls: '{}' }, 'invalid_unfurls_format'],
    [{ channel: 'C1', ts: '1.2', unfurls: JSON.stringify({ 'https://a.example/x': { nothing: 1 } }) }, 'invalid_unfurls_format'],
    [{ channel: 'C1', ts: '1.2', unfurls: JSON.stringify({ 'not a url': { blocks } }) }, 'cannot_unfurl_url'],
    [{ channel: 'C1', ts: '1.2', unfurls: JSON.stringify({ 'https://a.example/x': { blocks: [] } }) }, 'invalid_blocks'],
  ])('refuses %j with %s', (body, error) => {
    expect(unfurlCall(body as Record<string, unknown>)).toEqual({ ok: false, error });
  });
});
