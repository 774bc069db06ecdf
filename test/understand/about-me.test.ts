import { describe, expect, it } from 'vitest';
import { understanding } from '../../src/understand/index.js';
import { testCore } from '../helpers/core.js';

const core = testCore();
const ask = (q: string) => understanding(core).understand(q);
const ml = `#${core.kb.roles.find((r) => r.name === 'ML Engineer')!.number}`;

describe('understanding: questions about the asker', () => {
  it.each([
    ['what should I learn next?', 'path', {}],
    ['What should I study next', 'path', {}],
    ['which skills should i pick up next', 'path', {}],
    ['what am I missing?', 'path', {}],
    ['what skills am I missing for ML Engineer?', 'role', { name: ml }],
    ['what am I missing to become an ML Engineer', 'role', { name: ml }],
    ['how far am I from ML Engineer', 'role', { name: ml }],
    ['how close am I to ML Engineer?', 'role', { name: ml }],
    ['which role fits me?', 'match', {}],
    ['which role fits my skills', 'match', {}],
    ['what roles suit me', 'match', {}],
    ['what would I earn as an ML Engineer', 'salary', { role: ml }],
    ['my salary as ML Engineer', 'salary', { role: ml }],
    ['how much would I make as ML Engineer', 'salary', { role: ml }],
    ['what would I earn as an ML Engineer in india', 'salary', { role: ml, market: 'india' }],
    ['my pay as ML Engineer in the uk', 'salary', { role: ml, market: 'uk' }],
    ['what should i learn next to become ML Engineer', 'path', { to: ml }],
    ['how far am i from becoming an ML Engineer?', 'role', { name: ml }],
    ['what would i get paid as ML Engineer', 'salary', { role: ml }],
    ['which role matches my profile', 'match', {}],
  ])('%j → /%s %j', (q, command, args) => {
    const u = ask(q);
    expect(u.status).toBe('answered');
    if (u.status !== 'answered') return;
    expect(u.invocation).toEqual({ command, args });
  });

  it('never takes "me" for a role', () => {
    for (const q of ['tell me about me', 'which role fits me?', 'what should I learn next?']) expect(ask(q).entities.roles).toEqual([]);
  });
});
