import { describe, expect, it, vi } from 'vitest';
import { memoizedResolve } from '../../src/cli/batch.js';
import { createCore } from '../../src/core/index.js';

describe('batch mode resolves each distinct title once', () => {
  const core = createCore();
  const titles = ['AI Engineer', 'ml eng', 'banana', 'AI Engineer', 'ml eng', 'Prompt Engineer', 'AI Engineer', 'banana'];

  it('answers every line exactly as core.resolve does, calling it once per distinct title', () => {
    const spy = vi.spyOn(core, 'resolve');
    const resolve = memoizedResolve(core);
    const answers = titles.map(resolve);
    expect(spy).toHaveBeenCalledTimes(new Set(titles).size);
    spy.mockRestore();
    expect(answers).toEqual(titles.map((t) => core.resolve(t)));
  });

  it('remembers at most its limit of titles, and still answers the ones past it', () => {
    const spy = vi.spyOn(core, 'resolve');
    const resolve = memoizedResolve(core, 2);
    const answers = titles.map(resolve);
    // 'AI Engineer' and 'ml eng' are remembered; 'banana' (twice) and 'Prompt Engineer' are resolved on each of their lines.
    expect(spy).toHaveBeenCalledTimes(2 + 2 + 1);
    spy.mockRestore();
    expect(answers).toEqual(titles.map((t) => core.resolve(t)));
  });
});
