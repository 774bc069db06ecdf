/**
 * Records things as they arrive and lets a test await them instead of sleeping:
 * `await rec.waitFor((x) => x.method === 'chat.postMessage')`.
 */
export interface WaitOptions {
  /** How many matching items to wait for (default 1). */
  count?: number;
  timeoutMs?: number;
}

interface Waiter<T> {
  match: (item: T) => boolean;
  count: number;
  resolve: (items: T[]) => void;
}

export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];

  constructor(private readonly describe: (item: T) => string = (item) => JSON.stringify(item).slice(0, 200)) {}

  push(item: T): void {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => {
      const hits = this.items.filter(w.match);
      if (hits.length < w.count) return true;
      w.resolve(hits);
      return false;
    });
  }

  filter(match: (item: T) => boolean): T[] {
    return this.items.filter(match);
  }

  /** Resolves with every matching item once there are `count` of them; rejects on timeout. */
  waitFor(match: (item: T) => boolean = () => true, opts: WaitOptions = {}): Promise<T[]> {
    const count = opts.count ?? 1;
    const hits = this.items.filter(match);
    if (hits.length >= count) return Promise.resolve(hits);
    const timeoutMs = opts.timeoutMs ?? 15_000;
    return new Promise<T[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.items.map(this.describe).join('\n  ') || '(nothing)';
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${count} matching item(s); recorded:\n  ${seen}`));
      }, timeoutMs);
      const waiter: Waiter<T> = {
        match,
        count,
        resolve: (items) => {
          clearTimeout(timer);
          resolve(items);
        },
      };
      this.waiters.push(waiter);
    });
  }

  clear(): void {
    this.items.length = 0;
  }
}
