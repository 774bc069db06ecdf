import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { SlackSpotlightPoster, spotlightSlackClient } from '../../src/platforms/slack/spotlight-poster.js';
import { SpotlightService } from '../../src/spotlight/service.js';
import { tempStore } from '../spotlight/helpers.js';
import { BOT_TOKEN, SlackHarness } from './harness.js';

const core = createCore();

/** The `text` of every text object in a payload: what Slack shows (values and ids are not shown). */
function displayed(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(displayed);
  if (!value || typeof value !== 'object') return [];
  const obj = value as Record<string, unknown>;
  return [...(typeof obj.text === 'string' ? [obj.text] : []), ...Object.values(obj).flatMap(displayed)];
}
const ADMIN = 'U0ADMIN';
const MEMBER = 'U0MEMBER';
const SUBSCRIBER = 'U0SUBSCRIBER';

describe('/spotlight on Slack, over signed HTTP with the real Bolt app and WebClient', () => {
  let h: SlackHarness;
  let t: ReturnType<typeof tempStore>;
  let service: SpotlightService;

  beforeAll(async () => {
    t = tempStore();
    service = new SpotlightService({ store: t.store, core });
    h = await SlackHarness.start(core, { spotlight: service });
    service.setPoster(new SlackSpotlightPoster(spotlightSlackClient({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: h.api.url })));
    h.api.setUser(ADMIN, { isAdmin: true });
  });
  afterAll(async () => {
    await service?.stop();
    await h?.close();
    await t?.cleanup();
  });

  async function spotlight(text: string, userId: string, channelId = 'C0SPOT'): Promise<{ title: string; text: string; body: Record<string, unknown> }> {
    const sent = await h.sender.command('/spotlight', text, { userId, channelId });
    expect(sent.status).toBe(200);
    const [answer] = await h.responses.waitFor(sent.responseId);
    const body = answer!.body;
    expect(body.response_type).toBe('ephemeral');
    const header = (body.blocks as Array<{ type: string; text?: { text: string } }>).find((b) => b.type === 'header');
    return { title: header?.text?.text ?? '', text: String(body.text), body };
  }

  it('refuses a member who is not a workspace admin, after asking users.info', async () => {
    const before = h.api.callsTo('users.info').length;
    const res = await spotlight('subscribe monday', MEMBER);
    expect(res.title).toBe('Only channel managers can do that');
    expect(res.text).toContain('Only workspace admins and owners, or the person who subscribed this channel');
    expect(
      h.api
        .callsTo('users.info')
        .slice(before)
        .map((c) => c.body.user),
    ).toEqual([MEMBER]);
    expect(await service.subscription({ platform: 'slack', workspaceId: h.api.teamId, channelId: 'C0SPOT' })).toBeUndefined();
    expect((await spotlight('status', MEMBER)).title).toBe('Only channel managers can do that');
  });

  it('subscribes for an admin, checking with an ephemeral message that RoleCall can post there', async () => {
    const res = await spotlight('subscribe monday 15:00 Europe/London layer L5', ADMIN);
    expect(res.title).toBe('Subscribed: weekly role spotlight');
    expect(res.text).toContain('L5 Orchestration, Mondays at 15:00 (Europe/London)');
    const check = h.api.callsTo('chat.postEphemeral').at(-1)!;
    expect(check.body).toMatchObject({ channel: 'C0SPOT', user: ADMIN });
    expect(await service.subscription({ platform: 'slack', workspaceId: h.api.teamId, channelId: 'C0SPOT' })).toMatchObject({
      dayOfWeek: 1,
      localTime: '15:00',
      timezone: 'Europe/London',
      filter: { layer: 'L5' },
      createdBy: ADMIN,
    });
  });

  it('shows status and a private preview to an admin, and posts now with escaped text', async () => {
    expect((await spotlight('status', ADMIN)).title).toBe('Weekly role spotlight');
    const preview = await spotlight('preview', ADMIN);
    expect(preview.title).toMatch(/^Role of the week: /);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    expect((await spotlight('now', ADMIN)).title).toBe('Posted');
    const [post] = h.api.callsTo('chat.postMessage');
    // Form-encoded, as the WebClient sends it: nothing in a spotlight links names or unfurls.
    expect(post!.body).toMatchObject({ channel: 'C0SPOT', link_names: 'false', unfurl_links: 'false' });
    // Every text Slack displays (block texts and the fallback) is escaped: no live <…>, no bare &.
    const texts = [String(post!.body.text), ...displayed(post!.body.blocks)];
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((s) => /[<>]|&(?!amp;|lt;|gt;)/.test(s))).toEqual([]);
    expect((await spotlight('now', ADMIN)).title).toBe('Nothing posted');
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('lets the user who subscribed the channel manage it without being an admin', async () => {
    const channel = { platform: 'slack' as const, workspaceId: h.api.teamId, channelId: 'C0OWNED' };
    await service.subscribe({ channel, createdBy: SUBSCRIBER });
    const before = h.api.callsTo('users.info').length;
    expect((await spotlight('pause', SUBSCRIBER, 'C0OWNED')).title).toBe('Paused');
    expect((await spotlight('status', SUBSCRIBER, 'C0OWNED')).text).toContain('Paused');
    expect(h.api.callsTo('users.info').length).toBe(before);
    expect((await spotlight('resume', MEMBER, 'C0OWNED')).title).toBe('Only channel managers can do that');
    expect((await spotlight('unsubscribe', SUBSCRIBER, 'C0OWNED')).title).toBe('Unsubscribed');
  });

  it('says clearly when RoleCall is not in the channel, and subscribes nothing', async () => {
    h.api.failChannel('C0NOBOT', 'not_in_channel');
    const res = await spotlight('subscribe', ADMIN, 'C0NOBOT');
    expect(res.title).toBe('I cannot post in this channel');
    expect(res.text).toContain('RoleCall is not a member of this channel: invite it with /invite @RoleCall');
    expect(await service.subscription({ platform: 'slack', workspaceId: h.api.teamId, channelId: 'C0NOBOT' })).toBeUndefined();
  });

  it('explains its syntax, and what it did not understand', async () => {
    const help = await spotlight('', MEMBER);
    expect(help.title).toBe('Weekly role spotlight');
    expect(help.text).toContain('channel managers');
    const bad = await spotlight('subscribe someday at noon', ADMIN);
    expect(bad.title).toBe("That /spotlight didn't work");
    expect(bad.text).toContain('did not understand "someday", "noon"');
  });
});
