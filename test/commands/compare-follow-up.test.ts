import { assert, describe, expect, it } from 'vitest';
import { type FollowUpWords, type KeptComparison, parseFollowUp, refineComparison } from '../../commands/compare-follow-up.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { testCore } from '../helpers/core.js';

const core = testCore();
const words: FollowUpWords = { place: 'chat', say: (w) => `"${w}"`, start: 'by typing' };
const id = (name: string) => {
  const res = core.resolve(name);
  if (res.status !== 'found') throw new Error(`no role ${name}`);
  return res.role.id;
};
const ref = (name: string) => `#${core.kb.role(id(name)).number}`;
const kept = (names: string[], market: KeptComparison['market'] = 'both'): KeptComparison => ({ roles: names.map(id), market });
const refine = (current: KeptComparison | undefined, text: string) => refineComparison(core, current, parseFollowUp(text)!, words);

describe('parseFollowUp', () => {
  it('reads add, drop, salary with a market, and a bare path; anything else is no follow-up', () => {
    expect(parseFollowUp('add RAG Engineer')).toEqual({ kind: 'add', role: 'RAG Engineer' });
    expect(parseFollowUp('plus MLOps')).toEqual({ kind: 'add', role: 'MLOps' });
    expect(parseFollowUp('remove the second')).toEqual({ kind: 'drop', role: 'the second' });
    expect(parseFollowUp('salary in US')).toEqual({ kind: 'salary', market: 'us' });
    expect(parseFollowUp('pay')).toEqual({ kind: 'salary' });
    expect(parseFollowUp('path')).toEqual({ kind: 'path' });
    for (const text of ['salary ML Engineer india', 'salary uk', 'path AI Engineer to MLOps', 'role MLOps', 'AI Engineer vs ML Engineer']) {
      expect(parseFollowUp(text), text).toBeUndefined();
    }
  });
});

describe('refineComparison', () => {
  const two = kept(['AI Engineer', 'ML Engineer']);

  it('adds a role by running /compare with it, and adopts what /compare compared', async () => {
    const step = refine(two, 'add RAG Engineer');
    expect(step).toEqual({
      command: 'compare',
      kind: 'run',
      runs: [{ command: 'compare', args: { role_a: ref('AI Engineer'), role_b: ref('ML Engineer'), role_c: 'RAG Engineer' } }],
      adopt: true,
    });
    assert(step.kind === 'run');
    const result = await new Dispatcher(core).runInvocation(step.runs[0]!, { platform: 'cli' });
    expect(result.data).toMatchObject({ kind: 'comparison', roles: [{ id: id('AI Engineer') }, { id: id('ML Engineer') }, { id: id('RAG Engineer') }] });
  });

  it('refuses an add with no role, a role already compared, and a fifth role', () => {
    expect(refine(two, 'add')).toMatchObject({ kind: 'answer', ok: false, view: { title: 'Which role?', description: 'Say "add RAG Engineer".' } });
    expect(refine(two, 'add ML Engineer')).toMatchObject({
      kind: 'answer',
      ok: false,
      view: { title: 'Already compared', description: "ML Engineer is already in this chat's comparison." },
    });
    const four = kept(['AI Engineer', 'ML Engineer', 'RAG Engineer', 'LLM Engineer']);
    expect(refine(four, 'add MLOps')).toMatchObject({
      kind: 'answer',
      ok: false,
      view: { title: 'That is the most', description: 'A comparison takes at most 4 roles. Drop one first: "drop AI Engineer".' },
    });
  });

  it('drops a role by name or by its place, keeps the rest and compares them again', () => {
    const three = kept(['AI Engineer', 'ML Engineer', 'RAG Engineer'], 'india');
    const rest = { role_a: ref('AI Engineer'), role_b: ref('RAG Engineer') };
    const expected = { command: 'compare', kind: 'run', keep: kept(['AI Engineer', 'RAG Engineer'], 'india'), runs: [{ command: 'compare', args: rest }] };
    expect(refine(three, 'drop ML Engineer')).toEqual(expected);
    expect(refine(three, 'drop the second')).toEqual(expected);
    expect(refine(three, 'remove 2nd one')).toEqual(expected);
    expect(refine(three, 'drop last')).toMatchObject({ keep: kept(['AI Engineer', 'ML Engineer'], 'india') });
    expect(refine(three, 'drop the fourth')).toMatchObject({ kind: 'answer', ok: false, view: { title: 'Not in this comparison' } });
  });

  it('dropping to one role keeps it and says so, publicly; dropping a role not compared changes nothing', () => {
    expect(refine(two, 'drop ML Engineer')).toMatchObject({
      command: 'compare',
      keep: kept(['AI Engineer']),
      kind: 'answer',
      ok: true,
      view: { title: 'Dropped ML Engineer', description: 'Only AI Engineer is left. Add another: "add <role>".', private: false },
    });
    const other = refine(two, 'drop MLOps');
    expect(other).toMatchObject({
      kind: 'answer',
      ok: false,
      view: { title: 'Not in this comparison', description: 'This chat compares AI Engineer, ML Engineer. Drop one of those.' },
    });
    expect(other.keep).toBeUndefined();
  });

  it('salary runs /salary per role; a market given becomes the comparison’s', () => {
    expect(refine(two, 'salary india')).toEqual({
      command: 'salary',
      kind: 'run',
      keep: kept(['AI Engineer', 'ML Engineer'], 'india'),
      runs: [
        { command: 'salary', args: { role: ref('AI Engineer'), market: 'india' } },
        { command: 'salary', args: { role: ref('ML Engineer'), market: 'india' } },
      ],
    });
    const same = refine(kept(['AI Engineer', 'ML Engineer'], 'us'), 'salary');
    expect(same).toMatchObject({ runs: [{ args: { market: 'us' } }, { args: { market: 'us' } }] });
    expect(same.keep).toBeUndefined();
  });

  it('path runs /path from the first role to each other one, and needs two', () => {
    const three = kept(['Prompt Engineer', 'AI Engineer', 'AI Solutions Architect']);
    expect(refine(three, 'path')).toEqual({
      command: 'path',
      kind: 'run',
      runs: [
        { command: 'path', args: { from: ref('Prompt Engineer'), to: ref('AI Engineer') } },
        { command: 'path', args: { from: ref('Prompt Engineer'), to: ref('AI Solutions Architect') } },
      ],
    });
    expect(refine(kept(['AI Engineer']), 'path')).toMatchObject({ command: 'path', kind: 'answer', ok: false, view: { title: 'Add a role first' } });
  });

  it('explains every follow-up when there is no comparison, or none of its roles is left in the data', () => {
    for (const [text, command] of [
      ['add MLOps', 'compare'],
      ['drop MLOps', 'compare'],
      ['salary', 'salary'],
      ['path', 'path'],
    ]) {
      for (const current of [undefined, { roles: ['no-such-role'], market: 'both' as const }]) {
        expect(refine(current, text!)).toMatchObject({
          command,
          kind: 'answer',
          ok: false,
          view: { title: 'No comparison in this chat yet', description: 'Start one by typing "AI Engineer vs ML Engineer".' },
        });
      }
    }
  });
});
