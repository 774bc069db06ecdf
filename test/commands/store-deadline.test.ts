import { describe, expect, it } from 'vitest';
import { StoreDeadlineError, withDeadline } from '../../commands/store-deadline.js';

describe('withDeadline', () => {
  it('passes a prompt result through, and gives up on a slow one after the budget', async () => {
    expect(await withDeadline(Promise.resolve(7), 100)).toBe(7);
    const started = Date.now();
    const never = new Promise<number>(() => undefined);
    await expect(withDeadline(never, 100)).rejects.toBeInstanceOf(StoreDeadlineError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('leaves no unhandled rejection when the work fails after the deadline', async () => {
    const late = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('late')), 50));
    await expect(withDeadline(late, 10)).rejects.toBeInstanceOf(StoreDeadlineError);
    await new Promise((r) => setTimeout(r, 80));
  });

  it('after a miss, the reads of the next moment give up at once; an answer in time ends that', async () => {
    await expect(withDeadline(new Promise<number>(() => undefined), 50)).rejects.toBeInstanceOf(StoreDeadlineError);
    const started = Date.now();
    await expect(withDeadline(new Promise<number>(() => undefined), 1_000)).rejects.toBeInstanceOf(StoreDeadlineError);
    expect(Date.now() - started).toBeLessThan(200);
    // Even a prompt read is skipped meanwhile: the store was just found stalled.
    await expect(withDeadline(Promise.resolve(1), 1_000)).rejects.toBeInstanceOf(StoreDeadlineError);
    // Once the moment has passed, a read that answers in time clears it.
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await withDeadline(Promise.resolve(2), 1_000)).toBe(2);
    expect(await withDeadline(Promise.resolve(3), 1_000)).toBe(3);
  });
});
