import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Core } from '../core/index.js';
import type { Resolution } from '../core/resolve/resolution.js';
import { ResolutionSerializer } from './json-contract.js';
import { BatchTally, type ProgressSink } from './batch-progress.js';

/** Writes a chunk, waiting for the stream to drain when it asks us to. */
export async function writeChunk(output: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!output.write(chunk)) await once(output, 'drain');
}

/** Distinct titles remembered per batch: bounded, so a million unique lines cannot grow it without end. */
const MEMO_LIMIT = 50_000;

/**
 * core.resolve, remembering each distinct title's answer: a batch of job postings names the same
 * titles again and again ("Data Scientist" thousands of times), and each is resolved once.
 */
export function memoizedResolve(core: Core, limit = MEMO_LIMIT): (query: string) => Resolution {
  const memo = new Map<string, Resolution>();
  return (query) => {
    let res = memo.get(query);
    if (res === undefined) {
      res = core.resolve(query);
      if (memo.size < limit) memo.set(query, res);
    }
    return res;
  };
}

/**
 * Batch mode: one query per input line (blank lines skipped) → one JSON object per output line, same order.
 * Output is written in chunks to keep 10,000 lines fast; the tally reports on standard error.
 */
export async function runBatch(core: Core, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, progress: ProgressSink): Promise<BatchTally> {
  const serializer = new ResolutionSerializer();
  const tally = new BatchTally(progress);
  const resolve = memoizedResolve(core);
  const rl = createInterface({ input, crlfDelay: Infinity });
  let buffer: string[] = [];
  for await (const line of rl) {
    // A blank line is spacing, not a title.
    if (!line.trim()) continue;
    const res = resolve(line);
    tally.add(res);
    buffer.push(serializer.serialize(res));
    if (buffer.length >= 500) {
      await writeChunk(output, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  }
  if (buffer.length) await writeChunk(output, `${buffer.join('\n')}\n`);
  tally.finish();
  return tally;
}
