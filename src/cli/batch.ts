import { createInterface } from 'node:readline';
import type { Core } from '../core/index.js';
import { ResolutionSerializer } from './json-contract.js';

/**
 * Batch mode: one query per input line → one JSON object per output line, same order.
 * Output is written in chunks to keep 10,000 lines fast. Resolves true when every line was found.
 */
export async function runBatch(core: Core, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<{ lines: number; found: number }> {
  const serializer = new ResolutionSerializer();
  const rl = createInterface({ input, crlfDelay: Infinity });
  let buffer: string[] = [];
  let lines = 0;
  let found = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = `${buffer.join('\n')}\n`;
    buffer = [];
    if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  };
  for await (const line of rl) {
    const res = core.resolve(line);
    lines++;
    if (res.status === 'found') found++;
    buffer.push(serializer.serialize(res));
    if (buffer.length >= 500) await flush();
  }
  await flush();
  return { lines, found };
}
