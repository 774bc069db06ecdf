import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/core/index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { abortError, type Clock } from '../../src/spotlight/clock.js';
import type { PostOptions, PostResult, PostTarget, SpotlightPoster } from '../../src/spotlight/poster.js';
import type { SpotlightPlatform } from '../../src/store/spotlight-store.js';
import type { View } from '../../src/views/view.js';

let core: Core | undefined;
/** The real knowledge base, loaded once per test file (it takes ~0.5 s). */
export function testCore(): Core {
  core ??= createCore();
  return core;
}

/** A fresh database file in its own temp dir; `cleanup` closes and deletes it. */
export function tempStore(): { store: SqliteStore; path: string; dir: string; reopen: () => SqliteStore; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-spotlight-'));
  const path = join(dir, 'rolecall.db');
  const opened: SqliteStore[] = [SqliteStore.open(path)];
  return {
    store: opened[0]!,
    path,
    dir,
    reopen: () => {
      const s = SqliteStore.open(path);
      opened.push(s);
      return s;
    },
    cleanup: async () => {
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A fake clock whose sleeps complete in virtual time. With `auto` on, whenever every task is
 * blocked (nothing left but timers: checked from setImmediate, after microtasks drain) it jumps
 * to the earliest timer. Posters used with it must not wait on real timers.
 */
export class FakeClock implements Clock {
  private t: number;
  private timers: Timer[] = [];
  private seq = 0;
  private pumping = false;
  /** Every sleep requested, in ms, for asserting backoff. */
  readonly sleeps: number[] = [];

  constructor(
    start: Date | string,
    private readonly auto = true,
  ) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.t += ms;
    this.fireDue();
  }

  get pending(): number {
    return this.timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const onAbort = () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(abortError());
      };
      const timer: Timer = {
        at: this.t + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      if (this.auto) this.pump();
    });
  }

  private fireDue(): void {
    const due = this.timers.filter((x) => x.at <= this.t);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const x of due.sort((a, b) => a.at - b.at || a.seq - b.seq)) x.resolve();
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      if (this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const first = this.timers.shift()!;
      this.t = Math.max(this.t, first.at);
      first.resolve();
      if (this.timers.length > 0) this.pump();
    });
  }
}

export interface PostRecord {
  platform: SpotlightPlatform;
  channelId: string;
  claimId: string;
  title: string;
  at: number;
  messageId: string;
}

/** What a scripted poster does on one call: answer, or hang (forever, or until aborted). */
export type Behaviour = PostResult | 'accept' | 'hang' | 'hang-until-aborted';

export interface FakePosterOptions {
  clock: Clock;
  /** Scripted answers per call, by channel: falls back to 'accept'. */
  script?: (target: PostTarget, call: number) => Behaviour;
  /** The platform's enforced limit: more requests than this in any 1 s window get a 429. */
  limitPerSecond?: number;
  /** The pacing hint the fan-out sees. */
  maxPerSecond?: number;
  /** Virtual time each request takes. */
  latencyMs?: number;
  /** Discord's enforce_nonce: a repeated nonce returns the first message instead of a new one. */
  dedupeNonce?: boolean;
}

/** An in-process stand-in for a platform, recording every accepted post. */
export class FakePoster implements SpotlightPoster {
  readonly posts: PostRecord[] = [];
  readonly calls: Array<{ channelId: string; claimId: string; at: number }> = [];
  rateLimited = 0;
  inFlight = 0;
  maxInFlight = 0;
  readonly maxPerSecond?: number;
  private readonly window: number[] = [];
  private readonly perChannel = new Map<string, number>();

  constructor(
    readonly platform: SpotlightPlatform,
    private readonly opts: FakePosterOptions,
  ) {
    if (opts.maxPerSecond) this.maxPerSecond = opts.maxPerSecond;
  }

  async post(target: PostTarget, view: View, claimId: string, { signal }: PostOptions): Promise<PostResult> {
    const now = () => this.opts.clock.now().getTime();
    const call = (this.perChannel.get(target.channelId) ?? 0) + 1;
    this.perChannel.set(target.channelId, call);
    this.calls.push({ channelId: target.channelId, claimId, at: now() });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.opts.latencyMs) await this.opts.clock.sleep(this.opts.latencyMs);
      const limit = this.opts.limitPerSecond;
      if (limit) {
        while (this.window.length && this.window[0]! <= now() - 1000) this.window.shift();
        if (this.window.length >= limit) {
          this.rateLimited++;
          return { ok: false, kind: 'temporary', reason: '429 rate limited', retryAfterMs: this.window[0]! + 1000 - now() + 1 };
        }
        this.window.push(now());
      }
      const behaviour = this.opts.script?.(target, call) ?? 'accept';
      if (behaviour === 'hang') return await new Promise<PostResult>(() => {});
      if (behaviour === 'hang-until-aborted') {
        return await new Promise<PostResult>((_, reject) => signal.addEventListener('abort', () => reject(abortError()), { once: true }));
      }
      if (behaviour !== 'accept') return behaviour;
      if (this.opts.dedupeNonce) {
        const first = this.posts.find((p) => p.claimId === claimId && p.channelId === target.channelId);
        if (first) return { ok: true, messageId: first.messageId };
      }
      const messageId = `${this.platform}-${this.posts.length + 1}`;
      this.posts.push({ platform: this.platform, channelId: target.channelId, claimId, title: view.title, at: now(), messageId });
      return { ok: true, messageId };
    } finally {
      this.inFlight--;
    }
  }
}

/** Counts of each key, for duplicate checks. */
export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
