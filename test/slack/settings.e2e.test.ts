import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { messageTs } from '../fakes/slack/index.js';
import { SlackHarness } from './harness.js';

/** /settings on Slack over signed HTTP with the real Bolt app: admins only, and the settings answers follow. */
const ADMIN = 'U0ADMIN';
const MEMBER = 'U0MEMBER';

describe('/settings on Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(createCore());
    h.api.setUser(ADMIN, { isAdmin: true });
  });
  afterAll(async () => {
    await h?.close();
  });
  const workspace = () => ({ platform: 'slack' as const, workspaceId: h.api.teamId });

  async function slash(command: string, text: string, userId: string, channelId = 'C0GENERAL') {
    const sent = await h.sender.command(command, text, { userId, channelId });
    expect(sent.status).toBe(200);
    const [answer] = await h.responses.waitFor(sent.responseId);
    return { text: String(answer!.body.text), body: answer!.body };
  }

  it('refuses a member who is not an admin, after asking users.info, and changes nothing', async () => {
    const res = await slash('/settings', 'set market india', MEMBER);
    expect(res.text).toContain('Only workspace admins and owners can change RoleCall’s settings');
    expect(h.api.callsTo('users.info').map((c) => c.body.user)).toContain(MEMBER);
    expect(await h.store.settings.get(workspace())).toBeUndefined();
  });

  it('saves an admin’s settings; /salary then uses the workspace’s market and says so', async () => {
    const res = await slash('/settings', 'set market india answer_in C0CAREERS', ADMIN);
    expect(res.text).toContain('Settings saved');
    expect((await h.store.settings.get(workspace()))?.settings).toMatchObject({ market: 'india', answerIn: ['C0CAREERS'] });
    const salary = await slash('/salary', 'ML Engineer', MEMBER);
    expect(JSON.stringify(salary.body.blocks)).toContain("India, this workspace's default");
  });

  it('answers no mention outside answer_in’s channels, and answers one inside', async () => {
    const outside = await h.sender.mention({ text: h.mentionText('ml engineer salary'), channel: 'C0GENERAL', ts: messageTs() });
    expect(outside.status).toBe(200);
    await h.logs.waitFor((l) => l.outcome === 'not_this_channel');
    const ts = messageTs();
    await h.sender.mention({ text: h.mentionText('ml engineer salary'), channel: 'C0CAREERS', ts });
    await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C0CAREERS' && c.body.thread_ts === ts });
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0GENERAL')).toHaveLength(0);
    expect(h.api.callsTo('chat.postEphemeral').filter((c) => c.body.channel === 'C0GENERAL')).toHaveLength(0);
  });
});
