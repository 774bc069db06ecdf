import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The fake Discord in a child process, driven over IPC. Benchmarks use it so the bot's process
 * holds only the bot (its RSS is the bot's), and latency is timed where Discord would time it.
 */
/** 'compare' values are "Role A|Role B"; its latency runs to the final answer, chart attached. */
export type RoundTripKind = 'role' | 'autocomplete' | 'compare';

export type ServeRequest =
  | { type: 'roundTrips'; id: number; kind: RoundTripKind; values: string[]; warmup: number; runs: number }
  | { type: 'channels'; id: number; count: number; globalRateLimit: number | null }
  | { type: 'deliveries'; id: number }
  | { type: 'stop' };

/** What the fake saw of channel posts since `channels` was called (for the spotlight bench). */
export interface Deliveries {
  /** Messages created per channel (a nonce repeat returns the first message and creates none). */
  perChannel: Record<string, number>;
  requests: number;
  /** Requests answered 429 (the global limit). */
  rateLimited: number;
  /** performance.timeOrigin-based ms of the first and last message created. */
  firstAt: number | null;
  lastAt: number | null;
}

export type ServeReply =
  | { type: 'started'; apiUrl: string; token: string; applicationId: string; guildId: string; publicKeyHex: string }
  | { type: 'latencies'; id: number; samples: number[] }
  | { type: 'channels'; id: number; ids: string[] }
  | { type: 'deliveries'; id: number; deliveries: Deliveries }
  | { type: 'failed'; id?: number; message: string };

export interface RemoteFakeDiscord {
  apiUrl: string;
  token: string;
  applicationId: string;
  guildId: string;
  /** The key Discord signs HTTP interactions with: give it to the bot as DISCORD_PUBLIC_KEY. */
  publicKeyHex: string;
  /** Adds `count` text channels and sets the global rate limit (null: off); resolves with their ids. */
  channels(count: number, globalRateLimit: number | null): Promise<string[]>;
  /** Posts, requests and 429s since channels() was called. */
  deliveries(): Promise<Deliveries>;
  /** Sends `runs` interactions one after another (after `warmup` unmeasured ones); resolves with the latencies in ms. */
  roundTrips(kind: RoundTripKind, values: string[], runs: number, warmup?: number): Promise<number[]>;
  stop(): Promise<void>;
}

export async function forkFakeDiscord(): Promise<RemoteFakeDiscord> {
  // execArgv is inherited, so a parent running under tsx gives a child that can load .ts too.
  const child: ChildProcess = fork(fileURLToPath(new URL('./serve.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Each request id expects the reply type `ask` was called for; the value is typed there.
  const replies = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const started = new Promise<Extract<ServeReply, { type: 'started' }>>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fake discord process exited (${String(code)})`)));
    child.on('message', (reply: ServeReply) => {
      if (reply.type === 'started') resolve(reply);
      else if (reply.type === 'latencies') replies.get(reply.id)?.resolve(reply.samples);
      else if (reply.type === 'channels') replies.get(reply.id)?.resolve(reply.ids);
      else if (reply.type === 'deliveries') replies.get(reply.id)?.resolve(reply.deliveries);
      else if (reply.id !== undefined) replies.get(reply.id)?.reject(new Error(reply.message));
      else reject(new Error(reply.message));
    });
  });
  const { type: _started, ...info } = await started;
  const ask = <T>(request: ServeRequest & { id: number }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      replies.set(request.id, { resolve: (value) => resolve(value as T), reject });
      child.send(request);
    });
  return {
    ...info,
    roundTrips: (kind, values, runs, warmup = 0) => ask<number[]>({ type: 'roundTrips', id: nextId++, kind, values, runs, warmup }),
    channels: (count, globalRateLimit) => ask<string[]>({ type: 'channels', id: nextId++, count, globalRateLimit }),
    deliveries: () => ask<Deliveries>({ type: 'deliveries', id: nextId++ }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'stop' } satisfies ServeRequest);
      }),
  };
}
