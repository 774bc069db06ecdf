import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/index.js';
import { messageTs, type RecordedCall } from '../fakes/slack/index.js';
import { BOT_TOKEN, SlackHarness } from './harness.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function buttons(blocks: unknown): Array<{ action_id: string; value: string }> {
  return (blocks as Array<{ elements?: Array<{ type: string; action_id: string; value: string }> }>).flatMap((b) =>
    (b.elements ?? []).filter((e) => e.type === 'button'),
  );
}

describe('charts on Slack', () => {
  let core: Core;
  let h: SlackHarness;
  let broken: SlackHarness;

  beforeAll(async () => {
    core = createCore();
    h = await SlackHarness.start(core);
    broken = await SlackHarness.start(core, { renderChart: () => Promise.reject(new Error('renderer exploded')) });
  });
  afterAll(async () => {
    await h?.close();
    await broken?.close();
  });

  /** The three steps of one upload, in the order the fake saw them. */
  async function uploadFlow(harness: SlackHarness, channel: string): Promise<{ getUrl: RecordedCall; upload: RecordedCall; complete: RecordedCall }> {
    const [complete] = await harness.api.waitForCall('files.completeUploadExternal', { match: (c) => c.body.channel_id === channel, timeoutMs: 20_000 });
    const id = (complete!.body.files as Array<{ id: string }>)[0]!.id;
    const getUrl = harness.api.callsTo('files.getUploadURLExternal').find((c) => c.response.file_id === id)!;
    const upload = harness.api.callsTo('upload').find((c) => c.body.file_id === id)!;
    expect(getUrl.at).toBeLessThanOrEqual(upload.at);
    expect(upload.at).toBeLessThanOrEqual(complete!.at);
    return { getUrl, upload, complete: complete! };
  }

  it('a thread answer gets its chart in the same thread, uploaded after the text with the external upload flow', async () => {
    const channel = 'C0THREADCHART';
    const thread = messageTs();
    const sent = await h.sender.mention({ text: h.mentionText('compare AI Engineer vs ML Engineer'), channel, threadTs: thread });
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3000);
    const { getUrl, upload, complete } = await uploadFlow(h, channel);
    const [text] = h.api.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
    expect(text!.at).toBeLessThanOrEqual(getUrl.at);
    expect(getUrl.body).toMatchObject({ filename: 'compare-ai-engineer-vs-ml-engineer.png', alt_text: expect.stringContaining('ML Engineer mid $149K–$200K') });
    expect(upload.status).toBe(200);
    expect(complete.body).toMatchObject({ channel_id: channel, thread_ts: thread });
    expect(complete.response).toMatchObject({ ok: true, files: [{ mimetype: 'image/png', title: 'Pay by level: AI Engineer vs ML Engineer' }] });
    const stored = h.api.uploads.files.get(String(getUrl.response.file_id))!;
    expect(stored.bytes!.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(stored.bytes!.length).toBe(Number(getUrl.body.length));
  });

  it('a private slash answer stays text; Share in channel posts the text, then the chart into the channel', async () => {
    const channel = 'C0SHARECHART';
    const sent = await h.sender.command('/salary', 'AI Engineer india', { channelId: channel });
    const [answer] = await h.responses.waitFor(sent.responseId);
    expect(h.api.callsTo('files.getUploadURLExternal').filter((c) => String(c.body.filename).startsWith('salary-'))).toEqual([]);
    const share = buttons(answer!.body.blocks).find((b) => b.action_id === 'rc:share')!;
    const click = await h.sender.click({ actionId: share.action_id, value: share.value, channelId: channel, container: { ephemeral: true } });
    expect(click.status).toBe(200);
    const { getUrl, complete } = await uploadFlow(h, channel);
    const [text] = h.api.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
    expect(text!.at).toBeLessThanOrEqual(getUrl.at);
    expect(getUrl.body).toMatchObject({ filename: 'salary-ai-engineer.png', alt_text: expect.stringContaining('senior ₹35–60+ LPA') });
    expect(complete.body.channel_id).toBe(channel);
    expect(complete.body.thread_ts).toBeUndefined();
  });

  it('a chart that fails to render leaves the text answer in the thread and logs the error', async () => {
    const channel = 'C0BROKEN';
    const thread = messageTs();
    await broken.sender.mention({ text: broken.mentionText('salary ML Engineer'), channel, threadTs: thread });
    const [text] = await broken.api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === channel });
    expect(String(text!.body.text)).toContain('ML Engineer');
    const [line] = await broken.logs.waitFor((l) => l.msg === 'chart not posted; the text answer stands');
    expect(line).toMatchObject({ chart: 'salary-range', channel });
    expect(broken.api.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('the fake holds Slack’s rules: no completing before the bytes arrive, no completing twice', async () => {
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: h.api.url, retryConfig: { retries: 0 } });
    const issued = (await client.files.getUploadURLExternal({ filename: 'x.png', length: 8 })) as { upload_url: string; file_id: string };
    await expect(client.files.completeUploadExternal({ files: [{ id: issued.file_id }], channel_id: 'C0RULES' })).rejects.toMatchObject({
      data: { error: 'file_upload_not_complete' },
    });
    expect((await fetch(issued.upload_url, { method: 'POST', body: PNG_MAGIC })).status).toBe(200);
    await expect(client.files.completeUploadExternal({ files: [{ id: issued.file_id }], channel_id: 'C0RULES' })).resolves.toMatchObject({ ok: true });
    await expect(client.files.completeUploadExternal({ files: [{ id: issued.file_id }], channel_id: 'C0RULES' })).rejects.toMatchObject({
      data: { error: 'file_not_found' },
    });
    await expect(client.files.getUploadURLExternal({ filename: '', length: 8 })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });
});
