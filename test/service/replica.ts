import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Replica {
  child: ChildProcess;
  /** Resolves with the HTTP port once the service logged that it listens. */
  port: Promise<number>;
  exited: Promise<number | null>;
  logs: Array<Record<string, unknown>>;
  output(): string;
}

/** Runs what `npm start` runs, the bundle in dist/app (built by test/setup/build.ts), as a real process with JSON logs. */
export function startReplica(env: Record<string, string>, nodeArgs: string[] = []): Replica {
  const child = spawn(process.execPath, [...nodeArgs, 'dist/app/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let out = '';
  let pending = '';
  let onPort!: (port: number) => void;
  let onFail!: (err: Error) => void;
  const port = new Promise<number>((resolve, reject) => {
    onPort = resolve;
    onFail = reject;
  });
  // Awaited by tests that need the port; a replica meant to fail at start must not leave this unhandled.
  port.catch(() => undefined);
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry.msg === 'string' && entry.msg.startsWith('http server listening')) onPort(Number(entry.port));
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      onFail(new Error(`replica exited (${code}) before listening:\n${out.slice(-2000)}`));
      resolve(code);
    }),
  );
  return { child, port, exited, logs, output: () => out };
}
