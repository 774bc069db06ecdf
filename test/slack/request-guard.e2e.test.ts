import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { appMentionEvent, eventCallbackBody, FORM, JSON_TYPE, slackSignature, slashCommandBody } from '../fakes/slack/index.js';
import { SIGNING_SECRET, SlackHarness } from './harness.js';

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

  describe('bodies no listener takes are answered 400 at once, not after Bolt’s 3 s', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const command = (extra: Array<[string, string]>) => {
      const params = new URLSearchParams(slashCommandBody(h.workspace, { command: '/role', text: 'AI Engineer', responseUrl: h.responses.url('guard') }));
      for (const [k, v] of extra) params.append(k, v);
      return params.toString();
    };
    const payload = (value: unknown) => new URLSearchParams([['payload', JSON.stringify(value)]]).toString();
    it.each([
      ['a form with no command', () => 'team_id=T0&user_id=U0&text=hi', FORM],
      ['repeated text= fields', () => command([['text', 'again']]), FORM],
      ['an event with no event', () => JSON.stringify({ type: 'event_callback', team_id: 'T0' }), JSON_TYPE],
      ['an unknown body type', () => JSON.stringify({ type: 'mystery' }), JSON_TYPE],
      [
        'a mention whose text is an object',
        () => eventCallbackBody(h.workspace, { ...appMentionEvent(h.workspace, { text: 'x' }), text: { a: 1 } }),
        JSON_TYPE,
      ],
      ['a view_submission', () => payload({ type: 'view_submission', view: { id: 'V1' } }), FORM],
      ['an unknown payload type', () => payload({ type: 'nonsense' }), FORM],
      ['a click on a control RoleCall never sent', () => payload({ type: 'block_actions', actions: [{ action_id: 'other-app' }] }), FORM],
      ['10,000-deep JSON', () => deep, JSON_TYPE],
    ])('%s', async (_name, body, type) => {
      const res = await h.sender.post(body(), type);
      expect(res.status).toBe(400);
      expect(res.ms).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toBe(0);
    });

    it('the same bodies unsigned get 401, so a forger learns nothing of the shape rules', async () => {
      const res = await h.sender.post(JSON.stringify({ type: 'mystery' }), JSON_TYPE, { signature: `v0=${'0'.repeat(64)}` });
      expect(res.status).toBe(401);
    });
  });

  describe('signature headers are parsed strictly', () => {
    it('a signature with a stray trailing character is refused', async () => {
      const body = command();
      const ts = now();
      // The real signature with "=" appended, which Bolt alone would accept.
      const real = await h.sender.post(body, FORM, { timestamp: ts, signature: `${slackSignature(SIGNING_SECRET, ts, body)}=` });
      expect(real.status).toBe(401);
    });

    it('a fractional timestamp is refused even when signed as sent', async () => {
      const res = await h.sender.post(command(), FORM, { timestamp: now() + 0.5 });
      expect(res.status).toBe(401);
    });

    it('a well-formed signed command is still answered', async () => {
      const res = await h.sender.post(command(), FORM);
      expect(res.status).toBe(200);
    });

    function command() {
      return slashCommandBody(h.workspace, { command: '/role', text: 'AI Engineer', responseUrl: h.responses.url('guard') });
    }
  });
});
