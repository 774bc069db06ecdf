import type { Io } from './io.js';

/** Placeholder until the spotlight store is wired; replaced by the spotlight CLI. */
export async function spotlightCli(_args: string[], _flags: Record<string, unknown>, io: Io): Promise<number> {
  io.stderr.write('rolecall: spotlight is not available yet\n');
  return 2;
}
