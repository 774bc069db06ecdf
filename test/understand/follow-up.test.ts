import { describe, expect, it } from 'vitest';
import { type AskContext, CONTEXT_TTL_MS, contextAfter, understanding } from '../../src/understand/index.js';
import { AskContext as AskContextSchema } from '../../src/understand/types.js';
import { testCore } from '../helpers/core.js';

const core = testCore();
const u = understanding(core);

/** Asks each question in turn, keeping the context as a front end would (through JSON, as a store keeps it). */
function conversation(questions: string[], start = 1_000_000) {
  let ctx: AskContext | undefined;
  let now = start;
  return questions.map((q) => {
    const r = u.understand(q, ctx, now);
    const next = contextAfter(r, now);
    if (next) ctx = AskContextSchema.parse(JSON.parse(JSON.stringify(next)));
    now += 60_000;
    return r;
  });
}
const inv = (r: ReturnType<typeof u.understand>) => (r.status === 'answered' ? r.invocation : r.status);

describe('follow-ups refine the last answer', () => {
  it('"and in india?", "what about senior?", "compare it with MLOps", "the second one"', () => {
    const [, india, senior, compared, second] = conversation([
      'ML engineer salary',
      'and in india?',
      'what about senior?',
      'compare it with MLOps',
      'the second one',
    ]);
    expect(inv(india!)).toEqual({ command: 'salary', args: { role: '#23', market: 'india' } });
    expect(inv(senior!)).toEqual({ command: 'salary', args: { role: '#23', market: 'india', level: 'senior' } });
    expect(inv(compared!)).toEqual({ command: 'compare', args: { role_a: '#23', role_b: '#22' } });
    expect(inv(second!)).toEqual({ command: 'role', args: { name: '#22' } });
    expect(india!.evidence.at(-1)).toMatchObject({ kind: 'follow-up', value: 'refines salary' });
  });

  it('picks among a clarifying question’s choices and a list’s roles', () => {
    const [, first] = conversation(['ai scientist', 'the first one']);
    expect(inv(first!)).toEqual({ command: 'role', args: { name: '#26' } });
    const [list, second] = conversation(['easiest ai jobs', 'the second one']);
    expect(list!.status === 'answered' && list!.list.length).toBeGreaterThan(2);
    expect(second!.status === 'answered' && second!.invocation.command).toBe('role');
  });

  it('adds to and drops from a comparison', () => {
    const [, added, dropped] = conversation(['compare mle and ai engineer', 'add rag engineer', 'drop the second']);
    expect(inv(added!)).toEqual({ command: 'compare', args: { role_a: '#23', role_b: '#8', role_c: '#15' } });
    expect(inv(dropped!)).toEqual({ command: 'compare', args: { role_a: '#23', role_b: '#15' } });
  });

  it('fills a missing role from the last answer, and changes filters of a list', () => {
    const [, prep, certs] = conversation(['what does a prompt engineer do', 'how do I prepare for it', 'certifications?']);
    expect(inv(prep!)).toEqual({ command: 'prep', args: { role: '#11' } });
    expect(inv(certs!)).toEqual({ command: 'certs', args: { role: '#11' } });
    const [, l3, hard] = conversation(['roles in L5', 'what about L3?', 'and the hard ones']);
    expect(inv(l3!)).toEqual({ command: 'roles', args: { layer: 'L3' } });
    expect(inv(hard!)).toEqual({ command: 'roles', args: { layer: 'L3', difficulty: 'advanced' } });
  });

  it('answers a new question as new, whatever came before', () => {
    const [, fresh] = conversation(['ML engineer salary in india', 'what does a RAG engineer do']);
    expect(inv(fresh!)).toEqual({ command: 'role', args: { name: '#15' } });
  });

  it('forgets a context older than 30 minutes', () => {
    const ctx = contextAfter(u.understand('ML engineer salary', undefined, 0), 0)!;
    expect(inv(u.understand('and in india?', ctx, CONTEXT_TTL_MS - 1))).toEqual({ command: 'salary', args: { role: '#23', market: 'india' } });
    expect(u.understand('and in india?', ctx, CONTEXT_TTL_MS + 1).status).toBe('out_of_scope');
  });

  it('keeps no context after an out-of-scope answer, and a zod-typed one otherwise', () => {
    expect(contextAfter(u.understand('hi'), 5)).toBeUndefined();
    const ctx = contextAfter(u.understand('ai scientist'), 5)!;
    expect(AskContextSchema.safeParse(ctx).success).toBe(true);
    expect(ctx).toMatchObject({ version: 1, at: 5, invocation: null });
    expect(AskContextSchema.safeParse({ ...ctx, version: 2 }).success).toBe(false);
  });

  it('ignores an ordinal past the end of the list', () => {
    const [, r] = conversation(['ai scientist', 'the fifth one']);
    expect(r!.status).not.toBe('answered');
  });
});
