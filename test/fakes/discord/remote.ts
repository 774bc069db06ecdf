import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The fake Discord in a child process, driven over IPC. Benchmarks use it so the bot's process
 * holds only the bot (its RSS is the bot's), and latency is timed where Discord would time it.
 */
export type RoundTripKind = 'role' | 'autocomplete';

export type ServeRequest =
  | { type: 'roundTrips'; id: number; kind: RoundTripKind; values: string[]; warmup: number; runs: number }
  | { type: 'stop' };

export type ServeReply =
  | { type: 'started'; apiUrl: string; token: string; applicationId: string }
  | { type: 'latencies'; id: number; samples: number[] }
  | { type: 'failed'; id?: number; message: string };

export interface RemoteFakeDiscord {
  apiUrl: string;
  token: string;
  applicationId: string;
  /** Sends `runs` interactions one after another (after `warmup` unmeasured ones); resolves with the latencies in ms. */
  roundTrips(kind: RoundTripKind, values: string[], runs: number, warmup?: number): Promise<number[]>;
  stop(): Promise<void>;
}

export async function forkFakeDiscord(): Promise<RemoteFakeDiscord> {
  // execArgv is inherited, so a parent running under tsx gives a child that can load .ts too.
  const child: ChildProcess = fork(fileURLToPath(new URL('./serve.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const replies = new Map<number, { resolve: (s: number[]) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const started = new Promise<Extract<ServeReply, { type: 'started' }>>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fake discord process exited (${String(code)})`)));
    child.on('message', (reply: ServeReply) => {
      if (reply.type === 'started') resolve(reply);
      else if (reply.type === 'latencies') replies.get(reply.id)?.resolve(reply.samples);
      else if (reply.id !== undefined) replies.get(reply.id)?.reject(new Error(reply.message));
      else reject(new Error(reply.message));
    });
  });
  const info = await started;
  return {
    ...info,
    roundTrips(kind, values, runs, warmup = 0) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        replies.set(id, { resolve, reject });
        child.send({ type: 'roundTrips', id, kind, values, runs, warmup } satisfies ServeRequest);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'stop' } satisfies ServeRequest);
      }),
  };
}
