import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createCore } from '../../src/core/index.js';
import { blockTexts, SlackHarness } from './harness.js';

type Block = { type: string; text?: { text?: string } };
const header = (blocks: unknown) => (blocks as Block[])[0]?.text?.text;

describe('Slack: /rolecall <command> …, end to end over signed HTTP', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await SlackHarness.start(createCore());
  });
  afterAll(async () => {
    await h?.close();
  });

  async function answer(command: string, text: string) {
    const sent = await h.sender.command(command, text);
    expect(sent.status).toBe(200);
    const [reply] = await h.responses.waitFor(sent.responseId);
    return { ...reply!.body, triggerId: sent.triggerId } as { response_type: string; blocks: unknown; triggerId: string };
  }

  it('/rolecall salary ML Engineer india answers as /salary ML Engineer india does, logged as salary', async () => {
    const namespaced = await answer('/rolecall', 'salary ML Engineer india');
    expect(namespaced.response_type).toBe('ephemeral');
    expect(header(namespaced.blocks)).toBe('ML Engineer: pay by level');
    expect(blockTexts(namespaced.blocks)).toContain('₹');
    const short = await answer('/salary', 'ML Engineer india');
    // The same answer, Share button included (it re-runs /salary with the same text).
    expect(namespaced.blocks).toEqual(short.blocks);
    const [line] = await h.logs.waitFor((l) => l.interactionId === namespaced.triggerId);
    expect(line).toMatchObject({ platform: 'slack', kind: 'command', command: 'salary', outcome: 'ok' });
  });

  it('/rolecall alone and /rolecall help give the help, its commands spelled /rolecall <command>', async () => {
    const alone = await answer('/rolecall', '');
    expect(header(alone.blocks)).toBe('RoleCall: AI career roles, answered in chat');
    const text = blockTexts(alone.blocks);
    expect(text).toContain('/rolecall salary &lt;role&gt; [us|india|uk]');
    expect(text).toContain('/rolecall compare AI Engineer vs ML Engineer');
    expect(text).not.toMatch(/(^|\s)\/salary\b/);
    const help = await answer('/rolecall', 'help');
    expect(help.blocks).toEqual(alone.blocks);
    // The short command keeps the short spelling.
    expect(blockTexts((await answer('/help', '')).blocks)).toContain('/salary &lt;role&gt;');
  });

  it('/rolecall nosuch says so and lists every command the /rolecall way', async () => {
    const unknown = await answer('/rolecall', 'nosuch x');
    expect(header(unknown.blocks)).toBe('Unknown command');
    const text = blockTexts(unknown.blocks);
    expect(text).toContain('RoleCall has no /rolecall nosuch command.');
    for (const c of commands) expect(text).toContain(`/rolecall ${c.name}`);
    const [line] = await h.logs.waitFor((l) => l.interactionId === unknown.triggerId);
    expect(line).toMatchObject({ outcome: 'unknown_command' });
    // A near miss gets its guess.
    expect(blockTexts((await answer('/rolecall', 'salray AI Engineer')).blocks)).toContain('Did you mean /rolecall salary?');
  });

  it('reaches /ask and /about too, and spells the usage on bad input the /rolecall way', async () => {
    const asked = await answer('/rolecall', 'ask how much do ml engineers make in india');
    expect(blockTexts(asked.blocks)).toContain('ML Engineer: pay by level');
    expect(blockTexts(asked.blocks)).toContain('₹');
    const about = await answer('/rolecall', 'About');
    expect(header(about.blocks)).toBe('About RoleCall');
    const bad = await answer('/rolecall', 'compare AI Engineer');
    expect(blockTexts(bad.blocks)).toContain('Usage: /rolecall compare &lt;role&gt; vs &lt;role&gt;');
  });
});
