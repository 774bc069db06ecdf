import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileKey } from '../../src/store/store.js';
import { messageTs, type RecordedCall } from '../fakes/slack/index.js';
import { testCore } from '../helpers/core.js';
import { allStrings, blockTexts, SlackHarness } from './harness.js';

/**
 * /profile on Slack end to end: signed slash commands in, answers through response_url (always
 * ephemeral), mentions answered with chat.postEphemeral: a profile never reaches a public message.
 */
type Block = { type: string; elements?: Array<{ type: string; action_id?: string; value?: string }> };

const core = testCore();
let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start(core);
});
afterAll(async () => {
  await h?.close();
});

const ASKER = 'U0ASKER';
const key = (): ProfileKey => ({ platform: 'slack', workspaceId: h.api.teamId, userId: ASKER });
const saved = () => h.store.profiles.get(key());
const roleName = (id: string) => core.kb.roles.find((r) => r.id === id)!.name;

/** `/profile <text>` → the answer's body, which must be ephemeral. */
async function profile(text: string): Promise<{ body: Record<string, unknown>; text: string }> {
  const sent = await h.sender.command('/profile', text);
  expect(sent.status).toBe(200);
  const [answer] = await h.responses.waitFor(sent.responseId);
  const body = answer!.body;
  expect(body.response_type, `/profile ${text.slice(0, 40)} is ephemeral`).toBe('ephemeral');
  return { body, text: blockTexts(body.blocks) };
}

const buttons = (blocks: unknown) =>
  (blocks as Block[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button' && e.action_id && e.value) as Array<{ action_id: string; value: string }>;

/** Every public message the app posted, as one string. */
const publicText = () =>
  h.api
    .callsTo('chat.postMessage')
    .flatMap((c) => allStrings(c.body))
    .join('\n');

describe('/profile on Slack, every subcommand through response_url, ephemeral', () => {
  it('show with no profile says so', async () => {
    expect((await profile('show')).text).toContain('You have no saved profile');
    expect((await profile('')).text).toContain('You have no saved profile');
  });

  it('set with the text syntax saves every option, keeps unknown skills and says so', async () => {
    const { text } = await profile('set current: Prompt Engineer goal=AI Solutions Architect market india skills: Python, torch, Docker, basket weaving');
    expect(text).toContain('Profile saved');
    expect(text).toContain('kept as you typed them: basket weaving');
    expect(text).toContain(roleName('prompt-engineer'));
    expect(text).toContain(roleName('ai-solutions-architect'));
    expect(await saved()).toMatchObject({
      currentRole: 'prompt-engineer',
      goalRole: 'ai-solutions-architect',
      market: 'india',
      skills: ['python', 'pytorch', 'docker'],
      otherSkills: ['basket weaving'],
    });
  });

  it('asks back an ambiguous role and saves nothing; goal = current is refused', async () => {
    const before = await saved();
    const amb = await profile('set goal: ml');
    expect(amb.text).toContain('Which goal role did you mean?');
    expect(amb.text).toContain('Nothing was saved');
    const same = await profile('set current: ML Engineer goal: ml engineer');
    expect(same.text).toContain('Your goal is your current role');
    expect(await saved()).toEqual(before);
  });

  it('caps 200 skills and a 10,000-character skills option, says so, and saves nothing', async () => {
    const before = await saved();
    const many = await profile(`set skills: ${Array.from({ length: 200 }, (_, i) => `s${i}`).join(',')}`);
    expect(many.text).toContain('At most 50 skills');
    expect(many.text).toMatch(/200 skills/);
    const long = await profile(`set skills: ${'x'.repeat(10_000)}`);
    expect(long.text).toMatch(/at most 1,000 characters; nothing was saved/);
    expect(await saved()).toEqual(before);
  });

  it('learned and forget change one skill', async () => {
    expect((await profile('learned CUDA')).text).toContain('Skill added');
    expect((await profile('forget docker')).text).toContain('Skill removed');
    expect((await profile('forget COBOL')).text).toContain('Not in your profile');
    expect(await saved()).toMatchObject({ skills: ['python', 'pytorch', 'cuda'], otherSkills: ['basket weaving'] });
  });

  it('export gives everything stored as JSON', async () => {
    const { text } = await profile('export');
    expect(text).toContain('Your data');
    const json = /\{[\s\S]*\}/.exec(text.replace(/```/g, ''))?.[0];
    expect(JSON.parse(json ?? 'null')).toMatchObject({
      user: key(),
      profile: { currentRole: 'prompt-engineer', market: 'india', skills: ['python', 'pytorch', 'cuda'], unrecognisedSkills: ['basket weaving'] },
    });
  });

  it('a personalised /role is ephemeral with a "For you" line and offers no Share in channel', async () => {
    const sent = await h.sender.command('/role', 'ML Engineer');
    const [answer] = await h.responses.waitFor(sent.responseId);
    expect(answer!.body.response_type).toBe('ephemeral');
    expect(blockTexts(answer!.body.blocks)).toMatch(/For you[\s\S]*You have \d+ of \d+ must-have skills/);
    expect(buttons(answer!.body.blocks).some((b) => b.action_id === 'rc:share')).toBe(false);
  });

  it('a Share in channel button from before the profile posts the plain card, never the For you line', async () => {
    const other = 'U0SHARER';
    const sent = await h.sender.command('/role', 'ML Engineer', { userId: other, channelId: 'C0SHARE' });
    const [answer] = await h.responses.waitFor(sent.responseId);
    const share = buttons(answer!.body.blocks).find((b) => b.action_id === 'rc:share');
    expect(share, 'a plain card can be shared').toBeDefined();
    // The profile is saved after the button was shown; the click re-runs the command.
    await h.store.profiles.put(
      { platform: 'slack', workspaceId: h.api.teamId, userId: other },
      { skills: ['python'], otherSkills: ['secret hobby'], market: 'uk' },
    );
    const click = await h.sender.click({
      actionId: share!.action_id,
      value: share!.value,
      channelId: 'C0SHARE',
      userId: other,
      container: { ephemeral: true },
    });
    expect(click.status).toBe(200);
    const [post] = await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.channel === 'C0SHARE' });
    expect(blockTexts(post!.body.blocks)).not.toContain('For you');
    expect(blockTexts(post!.body.blocks)).toContain(roleName('ml-engineer'));
  });

  it('delete erases it, and show is empty again', async () => {
    expect((await profile('delete')).text).toContain('Profile deleted');
    expect(await saved()).toBeUndefined();
    expect((await profile('show')).text).toContain('You have no saved profile');
  });
});

describe('a mention asking for the profile in a channel', () => {
  async function mention(text: string, user = ASKER): Promise<RecordedCall> {
    const ts = messageTs();
    const sent = await h.sender.mention({ text: h.mentionText(text), channel: 'C0PUBLIC', ts, user });
    expect(sent.status).toBe(200);
    const [call] = await h.api.waitForCall('chat.postEphemeral', { match: (c) => c.body.thread_ts === ts });
    return call!;
  }

  it('is answered only to the asker (chat.postEphemeral), never in a public message', async () => {
    await profile('set current: Prompt Engineer market: uk skills: python, private-skill-xyz');
    const show = await mention('profile show');
    expect(show.body).toMatchObject({ channel: 'C0PUBLIC', user: ASKER });
    expect(blockTexts(show.body.blocks)).toContain('private-skill-xyz');
    const exported = await mention('profile export');
    expect(blockTexts(exported.body.blocks)).toContain('"unrecognisedSkills"');
    // A personalised answer in the channel is private too.
    const role = await mention('role ML Engineer');
    expect(blockTexts(role.body.blocks)).toContain('For you');
    expect(publicText()).not.toContain('private-skill-xyz');
    expect(publicText()).not.toContain('For you');
  });
});

describe('a comparison picked in a thread, by someone with a profile', () => {
  it('goes to the thread without their "For you" line', async () => {
    const user = 'U0PICKER';
    await h.store.profiles.put({ platform: 'slack', workspaceId: h.api.teamId, userId: user }, { skills: ['python', 'sql'], otherSkills: ['picker-secret'] });
    const threadTs = messageTs();
    await h.sender.mention({ text: h.mentionText('compare data vs ML Engineer'), channel: 'C0THREAD', threadTs, user });
    const [ask] = await h.api.waitForCall('chat.postEphemeral', { match: (c) => c.body.thread_ts === threadTs });
    const menu = allMenus(ask!.body.blocks).find((e) => e.type === 'static_select')!;
    const option = menu.options.find((o) => o.text.text === 'AI Data Engineer')!;
    const click = await h.sender.click({
      kind: 'static_select',
      actionId: menu.action_id,
      value: option.value,
      channelId: 'C0THREAD',
      userId: user,
      container: { ephemeral: true, threadTs },
    });
    expect(click.status).toBe(200);
    const [posted] = await h.api.waitForCall('chat.postMessage', { match: (c) => c.body.thread_ts === threadTs });
    expect(blockTexts(posted!.body.blocks)).toContain('AI Data Engineer vs ML Engineer');
    expect(blockTexts(posted!.body.blocks)).not.toContain('For you');
  });
});

type Menu = { type: string; action_id: string; options: Array<{ text: { text: string }; value: string }> };
const allMenus = (blocks: unknown) =>
  (blocks as Array<{ elements?: Menu[]; accessory?: Menu }>).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);
