import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { componentsOf, startHarness, type Harness } from '../discord/harness.js';
import { SlackHarness } from '../slack/harness.js';

/**
 * With ROLECALL_PUBLIC_URL, every role card, comparison and path answer links to its page: a link
 * button on Discord (style 5), a url button on Slack. Without it nothing changes.
 */
const PUBLIC = 'https://rolecall.example.org/pages';
const core = createCore();

type SlackElement = { type: string; action_id?: string; url?: string; value?: string; text?: { text: string } };
const slackButtons = (blocks: unknown) =>
  (blocks as Array<{ type: string; elements?: SlackElement[] }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('Discord: a link button to the page', () => {
  let linked: Harness;
  let plain: Harness;
  beforeAll(async () => {
    [linked, plain] = await Promise.all([startHarness(core, { publicUrl: PUBLIC }), startHarness(core)]);
  });
  afterAll(async () => {
    await Promise.all([linked?.stop(), plain?.stop()]);
  });

  const links = async (h: Harness, name: string, options: Record<string, string>) => {
    const cb = await h.fake.roundTrip(h.fake.interaction.chatInput(name, options));
    return (componentsOf(cb.data) as Array<{ style?: number; url?: string; label?: string; custom_id?: string }>).filter((c) => c.style === 5);
  };

  it.each([
    ['role', { name: 'AI Engineer' }, `${PUBLIC}/roles/ai-engineer`],
    ['compare', { role_a: 'AI Engineer', role_b: 'mle' }, `${PUBLIC}/compare/ai-engineer/ml-engineer`],
    ['path', { from: 'Prompt Engineer', to: 'AI Engineer' }, `${PUBLIC}/path/prompt-engineer/ai-engineer`],
  ])('/%s carries a link button to its page, with no custom id', async (name, options, url) => {
    const found = await links(linked, name, options);
    expect(found).toEqual([{ type: 2, style: 5, url, label: 'View page' }]);
  });

  it('without ROLECALL_PUBLIC_URL there is no link button', async () => {
    expect(await links(plain, 'role', { name: 'AI Engineer' })).toEqual([]);
  });

  it('an answer without a page (a list, an unknown role) carries no link', async () => {
    expect(await links(linked, 'roles', {})).toEqual([]);
    expect(await links(linked, 'role', { name: 'zzzz qqqq' })).toEqual([]);
  });
});

describe('Slack: a url button to the page', () => {
  let linked: SlackHarness;
  let plain: SlackHarness;
  beforeAll(async () => {
    [linked, plain] = await Promise.all([SlackHarness.start(core, { publicUrl: PUBLIC }), SlackHarness.start(core)]);
  });
  afterAll(async () => {
    await Promise.all([linked?.close(), plain?.close()]);
  });

  const answer = async (h: SlackHarness, command: string, text: string) => {
    const sent = await h.sender.command(command, text);
    expect(sent.status).toBe(200);
    const [reply] = await h.responses.waitFor(sent.responseId);
    return slackButtons(reply!.body.blocks).filter((e) => e.url !== undefined);
  };

  it.each([
    ['/role', 'AI Engineer', `${PUBLIC}/roles/ai-engineer`],
    ['/compare', 'AI Engineer vs ML Engineer vs mlops', `${PUBLIC}/compare/ai-engineer/ml-engineer/mlops-llmops-engineer`],
    ['/path', 'Prompt Engineer to AI Engineer', `${PUBLIC}/path/prompt-engineer/ai-engineer`],
  ])('%s %s carries a url button to its page', async (command, text, url) => {
    const found = await answer(linked, command, text);
    expect(found).toEqual([
      { type: 'button', text: { type: 'plain_text', text: 'View page', emoji: true }, action_id: expect.stringMatching(/^rc:link:/), url },
    ]);
    // A url button carries no command to run.
    expect(found[0]!.value).toBeUndefined();
  });

  it('a click on the url button is only acknowledged: nothing runs, nothing is posted', async () => {
    const [link] = await answer(linked, '/role', 'AI Engineer');
    const click = await linked.sender.click({ actionId: link!.action_id!, value: '' });
    expect(click.status).toBe(200);
    // Another command's answer arrives after anything the click could have caused.
    await answer(linked, '/role', 'ML Engineer');
    expect(linked.responses.responses.filter((r) => r.id === click.responseId)).toEqual([]);
  });

  it('without ROLECALL_PUBLIC_URL there is no url button', async () => {
    expect(await answer(plain, '/role', 'AI Engineer')).toEqual([]);
  });
});
