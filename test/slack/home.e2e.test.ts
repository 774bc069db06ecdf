import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/index.js';
import { notice } from '../../src/views/cards/notice.js';
import type { RecordedCall } from '../fakes/slack/index.js';
import { blockTexts, SlackHarness } from './harness.js';

type Block = {
  type: string;
  text?: { text: string };
  accessory?: { type: string; action_id: string; options: Array<{ text: { text: string }; value: string }> };
};

const viewOf = (call: RecordedCall) => call.body.view as { type: string; blocks: Block[] };
const headers = (blocks: Block[]) => blocks.filter((b) => b.type === 'header').map((b) => b.text!.text);

describe('Slack App Home, end to end', () => {
  let core: Core;
  let h: SlackHarness;

  beforeAll(async () => {
    core = createCore();
    h = await SlackHarness.start(core);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('publishes the Home tab on app_home_opened: spotlight fallback, roles by layer, how to use', async () => {
    const sent = await h.sender.homeOpened('U0HOME');
    expect(sent.status).toBe(200);
    const [call] = await h.api.waitForCall('views.publish', { match: (c) => c.body.user_id === 'U0HOME' });
    const view = viewOf(call!);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(headers(view.blocks)).toEqual(expect.arrayContaining(['This week’s spotlight', 'Browse roles by layer']));
    expect(blockTexts(view.blocks)).toContain('No spotlight this week yet');
    const layers = view.blocks.filter((b) => b.accessory?.type === 'static_select');
    expect(layers.map((b) => b.text!.text.split('\n')[0])).toEqual([
      '*L6 Application*',
      '*L5 Orchestration*',
      '*L4 Fine-tuning &amp; Evaluation*',
      '*L3 Inference &amp; Serving*',
      '*L2 Foundation Model*',
      '*L1 Infrastructure &amp; Hardware*',
      '*Cross-cutting*',
    ]);
    const optionCount = layers.reduce((n, b) => n + b.accessory!.options.length, 0);
    expect(optionCount).toBe(core.kb.roles.length);
    expect(blockTexts(view.blocks)).toContain('/compare');
  });

  it('a role picked on the Home tab is shown at the top of the tab', async () => {
    const [call] = await h.api.waitForCall('views.publish', { match: (c) => c.body.user_id === 'U0HOME' });
    const layer = viewOf(call!).blocks.find((b) => b.accessory?.type === 'static_select')!;
    const option = layer.accessory!.options[0]!;
    const click = await h.sender.click({
      kind: 'static_select',
      actionId: layer.accessory!.action_id,
      value: option.value,
      userId: 'U0HOME',
      container: { home: true },
    });
    expect(click.status).toBe(200);
    const calls = await h.api.waitForCall('views.publish', { count: 2, match: (c) => c.body.user_id === 'U0HOME' });
    const top = viewOf(calls[1]!).blocks[0]!;
    expect(top).toMatchObject({ type: 'header' });
    expect(top.text!.text).toContain(option.text.text);
  });
});

describe('Slack App Home with a spotlight', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    const spotlight = { ...notice('Spotlight: RAG Engineer', 'Grounds LLM answers in your own data.', 'info', false), kind: 'spotlight' as const };
    h = await SlackHarness.start(createCore(), { spotlightPreview: async () => spotlight });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows this week’s spotlight View', async () => {
    await h.sender.homeOpened('U0SPOT');
    const [call] = await h.api.waitForCall('views.publish', { match: (c) => c.body.user_id === 'U0SPOT' });
    const blocks = viewOf(call!).blocks;
    expect(headers(blocks)).toContain('Spotlight: RAG Engineer');
    expect(blockTexts(blocks)).not.toContain('No spotlight this week yet');
  });
});
