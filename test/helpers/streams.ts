import { PassThrough, Readable } from 'node:stream';

/** In-memory stdin/stdout/stderr for running the CLI in process. */
export function memoryIo(input = '', tty = false) {
  const stdin = Object.assign(Readable.from([input]), { isTTY: tty });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  return { io: { stdin, stdout, stderr }, stdout: () => out.join(''), stderr: () => err.join('') };
}
