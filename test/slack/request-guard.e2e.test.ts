import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { appMentionEvent, eventCallbackBody, FORM, JSON_TYPE } from '../fakes/slack/index.js';
import { SlackHarness } from './harness.js';

const now = () => Math.floor(Date.now() / 1000);

describe('Slack requests Bolt would mishandle are refused by our receiver wrapper', () => {
  let h: SlackHarness;
  let unhandled = 0;
  const onUnhandled = () => unhandled++;
  beforeAll(async () => {
    h = await SlackHarness.start(createCore());
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await h?.close();
  });

  it.each([
    ['JSON null', 'null', JSON_TYPE],
    ['a JSON array', '[]', JSON_TYPE],
    ['a JSON number', '42', JSON_TYPE],
    ['form payload=null', 'payload=null', FORM],
  ])('a signed body of %s gets 400, with no unhandled rejection', async (_name, body, type) => {
    const res = await h.sender.post(body, type);
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toBe(0);
  });

  it.each([
    ['10 minutes ahead', 600],
    ['a day ahead', 86_400],
  ])('a validly signed event timestamped %s gets 401 and no answer', async (_name, skew) => {
    const before = h.api.callsTo('chat.postMessage').length;
    const res = await h.sender.mention({ text: h.mentionText('AI Engineer'), channel: 'C0FUTURE' }, { timestamp: now() + skew });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.api.callsTo('chat.postMessage').length).toBe(before);
  });

  it('a stale timestamp is still refused (Bolt), and one within the window is answered', async () => {
    const stale = await h.sender.mention({ text: h.mentionText('AI Engineer'), channel: 'C0PAST' }, { timestamp: now() - 600 });
    expect(stale.status).toBe(401);
    const skewed = await h.sender.mention({ text: h.mentionText('AI Engineer'), channel: 'C0NOW' }, { timestamp: now() + 60 });
    expect(skewed.status).toBe(200);
    await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C0NOW' });
  });

  it('an ordinary event body is untouched by the guard', async () => {
    const body = eventCallbackBody(h.workspace, appMentionEvent(h.workspace, { text: h.mentionText('MLE'), channel: 'C0OK' }), 'EvGUARDOK');
    expect((await h.sender.post(body, JSON_TYPE)).status).toBe(200);
  });
});
