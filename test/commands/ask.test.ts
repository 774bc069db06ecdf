import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { questionOf } from '../../src/app/question.js';
import { commands } from '../../commands/index.js';
import { type CommandContext, defineCommand } from '../../commands/command.js';
import { encodeInvocation } from '../../src/views/invocation-codec.js';
import type { Action } from '../../src/views/view.js';
import { testCore } from '../helpers/core.js';

const core = testCore();
const dispatcher = new Dispatcher(core);
const ctx = { platform: 'cli' as const };
const ask = (question: string, context: CommandContext = ctx) => dispatcher.run('ask', { question }, context);
const invocations = (actions: Action[]) =>
  actions.flatMap((a) => (a.type === 'button' ? [a.invoke] : a.type === 'select' ? a.options.map((o) => o.invoke) : []));

describe('/ask through the Dispatcher', () => {
  it('runs the understood command in its place: its View opens with the understood line, ends with "pick again"', async () => {
    const result = await ask('mle vs ai engineer salary in india');
    expect(result).toMatchObject({ command: 'compare', outcome: 'ok', data: { kind: 'comparison', roles: [{ id: 'ml-engineer' }, { id: 'ai-engineer' }] } });
    expect(result.view.understood).toBe('Comparing ML Engineer and AI Engineer (pay in India)');
    expect(result.via?.command).toBe('ask');
    const q = questionOf(result)!;
    expect(q.understanding).toMatchObject({ status: 'answered', command: 'compare' });
    expect(q.context).toMatchObject({ version: 1, invocation: { command: 'compare' } });
    const last = result.view.actions.at(-1)!;
    expect(last).toMatchObject({ type: 'select', placeholder: 'Not what you meant? Pick again' });
  });

  it('answers a clarifying question with choices that each run the right command', async () => {
    const result = await ask('ai scientist salary');
    expect(result).toMatchObject({ command: 'ask', outcome: 'ok', view: { kind: 'clarify', private: true } });
    expect(questionOf(result)?.understanding.status).toBe('clarify');
    const choices = invocations(result.view.actions);
    expect(choices.map((c) => c.args.role)).toEqual(['#26', '#27']);
    for (const c of choices) {
      expect(encodeInvocation(c).length).toBeLessThanOrEqual(100);
      const answer = await dispatcher.runEncoded(encodeInvocation(c), ctx);
      expect(answer).toMatchObject({ command: 'salary', outcome: 'ok', view: { kind: 'salary' } });
    }
  });

  it('says what RoleCall covers, with three example questions that ask themselves', async () => {
    const result = await ask('what is the weather in bangalore today');
    expect(result.view).toMatchObject({ kind: 'out_of_scope', private: true });
    expect(result.view.sections[0]!.items).toHaveLength(3);
    const examples = invocations(result.view.actions).filter((i) => i.command === 'ask');
    expect(examples).toHaveLength(3);
    for (const e of examples) {
      const answer = await dispatcher.runEncoded(encodeInvocation(e), ctx);
      expect(answer.outcome).toBe('ok');
      expect(questionOf(answer)?.understanding.status).toBe('answered');
    }
    expect(questionOf(result)?.context).toBeUndefined();
  });

  it('refines the previous question a front end hands over as ctx.conversation', async () => {
    const first = await ask('ML engineer salary');
    const previous = questionOf(first)!.context!;
    const next = await ask('and in india?', { ...ctx, conversation: { previous } });
    expect(next).toMatchObject({ command: 'salary', outcome: 'ok' });
    expect(next.view.understood).toBe('ML Engineer pay in India');
  });

  it('refuses a question past 40,000 characters clearly, and reads any shorter one', async () => {
    expect((await ask('x'.repeat(40_001))).outcome).toBe('invalid');
    expect((await ask(`${'x'.repeat(3990)} hi`)).outcome).toBe('ok');
    expect((await dispatcher.runText('ask', 'how much do ML engineers make in india', ctx)).command).toBe('salary');
  });

  it('follows one redirect, never a second', async () => {
    const loop = defineCommand({
      name: 'loop',
      description: 'redirects to itself',
      usage: '/loop',
      examples: [],
      options: [],
      input: z.object({}),
      parseText: () => ({}),
      run: () => ({ redirect: { command: 'loop', args: {} }, understood: 'again', actions: [], data: { kind: 'spotlight', ok: true } }),
    });
    const result = await new Dispatcher(core, [...commands, loop]).run('loop', {}, ctx);
    expect(result.outcome).toBe('error');
    expect(result.via?.command).toBe('loop');
  });

  it('leads /salary with the level asked about', async () => {
    const result = await dispatcher.run('salary', { role: 'ML Engineer', market: 'india', level: 'entry' }, ctx);
    expect(result.view.description).toMatch(/^Entry level: ₹8–15 LPA in India\. /);
    const staff = await dispatcher.run('salary', { role: 'ML Engineer', level: 'staff' }, ctx);
    expect(staff.view.description).toMatch(/^Staff level is above the reference’s top band; senior: \$175K–\$240K in the US, ₹35–60\+ LPA in India\. /);
  });
});
