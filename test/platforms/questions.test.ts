import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { createLogger } from '../../src/observability/logger.js';
import { RateLimiter } from '../../src/platforms/shared/rate-limit.js';
import { MemoryConversations, QuestionDesk, type ConversationMemory } from '../../src/platforms/shared/questions.js';
import type { ConversationKey } from '../../src/store/store.js';
import { testCore } from '../helpers/core.js';
import { tempStore } from '../spotlight/helpers.js';

const key: ConversationKey = { platform: 'slack', workspaceId: 'T1', conversationId: 'D1', userId: 'U1' };
const ctx = { platform: 'slack' as const, invoker: { userId: 'U1', workspaceId: 'T1', channelId: 'D1' } };

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination: sink }) };
}

describe('the rate limit: 10 questions a minute per person, one notice, then silence', () => {
  it('counts per person in a fixed window, on the clock it is given', () => {
    let now = 0;
    const limiter = new RateLimiter({ max: 10, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 10; i++) expect(limiter.take('a').kind).toBe('ok');
    now = 15_000;
    expect(limiter.take('a')).toEqual({ kind: 'notice', retryInMs: 45_000 });
    expect(limiter.take('a')).toEqual({ kind: 'silent' });
    expect(limiter.take('b').kind).toBe('ok');
    now = 60_000;
    expect(limiter.take('a').kind).toBe('ok');
  });
});

describe('QuestionDesk: /ask with the conversation’s context', () => {
  const dispatcher = new Dispatcher(testCore());

  it('keeps the context after an answer in the Store, and a follow-up reads it (another desk: a replica)', async () => {
    const t = tempStore();
    try {
      const first = new QuestionDesk({ dispatcher, memory: t.store.conversations });
      const a = await first.ask(key, 'ml engineer salary in the us', ctx);
      expect(a.kind === 'answer' && a.result.command).toBe('salary');
      const kept = (await t.store.conversations.get(key)) as { at: number };
      expect(kept).toMatchObject({ version: 1, invocation: { command: 'salary' } });
      const replica = new QuestionDesk({ dispatcher, memory: t.reopen().conversations });
      const b = await replica.ask(key, 'and in india?', ctx);
      expect(b.kind === 'answer' && b.result.view.understood).toMatch(/ML Engineer.*India|India.*ML Engineer/);
      // Forgetting the person (a profile erased) ends the follow-ups.
      expect(await t.store.conversations.forgetUser('slack', 'T1', 'U1')).toBe(1);
      const c = await replica.ask(key, 'and in india?', ctx);
      expect(c.kind === 'answer' && c.result.view.understood).not.toMatch(/ML Engineer/);
    } finally {
      await t.cleanup();
    }
  });

  it('ignores a context this version cannot read, and answers when the Store fails', async () => {
    const { lines, logger } = capture();
    const broken: ConversationMemory = {
      get: async () => {
        throw new Error('database is locked');
      },
      put: async () => {
        throw new Error('disk full');
      },
    };
    const desk = new QuestionDesk({ dispatcher, memory: broken, logger });
    const a = await desk.ask(key, 'what does a RAG engineer do', ctx);
    expect(a.kind === 'answer' && a.result.outcome).toBe('ok');
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      "could not read the conversation's context; the question is answered without it",
      "could not write the conversation's context; the question is answered without it",
    ]);
    const junk = new MemoryConversations();
    await junk.put(key, { version: 99, nonsense: true }, new Date(Date.now() + 60_000));
    const b = await new QuestionDesk({ dispatcher, memory: junk }).ask(key, 'and in india?', ctx);
    expect(b.kind === 'answer' && b.result.command).toBe('ask');
  });

  it('never logs the question text at info level or above', async () => {
    const { lines, logger } = capture();
    const desk = new QuestionDesk({ dispatcher, memory: new MemoryConversations(), logger, rate: { max: 1, windowMs: 60_000 } });
    await desk.ask(key, 'secret-wombat ml engineer salary', ctx);
    await desk.ask(key, 'secret-wombat again', ctx);
    await desk.ask(key, 'secret-wombat and again', ctx);
    expect(lines.map((l) => l.msg)).toEqual(['question over the rate limit', 'question over the rate limit']);
    expect(JSON.stringify(lines)).not.toContain('secret-wombat');
  });
});
