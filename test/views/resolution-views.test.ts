import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { testCore } from '../helpers/core.js';

const dispatcher = new Dispatcher(testCore());
const run = (name: string) => dispatcher.run('role', { name }, { platform: 'cli' as const });

describe('not-found card for titles outside AI', () => {
  it('offers the AI role with a note instead of answering with it', async () => {
    const { view } = await run('Technical Writer');
    expect(view.kind).toBe('not_found');
    expect(view.title).toBe('"Technical Writer" is not an AI role');
    expect(view.description).toMatch(/does not say AI/);
    expect(view.actions.map((a) => a.type === 'button' && a.label)).toEqual(['AI Technical Writer / Developer Relations Engineer']);
  });

  it('keeps the plain not-found card for other misses, with no irrelevant buttons', async () => {
    const { view } = await run('Frontend Engineer');
    expect(view.title).toBe('No role matches "Frontend Engineer"');
    expect(view.actions).toEqual([]);
  });

  it('answers the same title when it says AI, even in a team suffix', async () => {
    expect((await run('Technical Writer - AI Platform')).view.title).toMatch(/AI Technical Writer/);
    expect((await run('Senior Product Manager, AI/ML')).view.title).toMatch(/AI Product Manager/);
  });
});
