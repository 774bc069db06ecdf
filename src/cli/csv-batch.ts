import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import type { Core } from '../core/index.js';
import type { Resolution } from '../core/resolve/resolution.js';
import { BatchTally, type ProgressSink } from './batch-progress.js';
import { memoizedResolve, writeChunk } from './batch.js';

/** The columns CSV mode appends to every input row. */
export const CSV_RESULT_COLUMNS = ['role_number', 'role_name', 'match_status', 'match_score'] as const;

export class CsvInputError extends Error {}

function resultCells(res: Resolution): string[] {
  switch (res.status) {
    case 'found':
      return [String(res.role.number), res.role.name, 'found', res.score.toFixed(2)];
    case 'ambiguous':
      return ['', res.candidates.map((r) => r.name).join(' | '), 'ambiguous', ''];
    case 'not_found':
      return ['', '', 'not_found', ''];
  }
}

/**
 * CSV mode: reads a CSV with a header row, maps the named column onto the roles, and writes
 * every input column back with the result columns appended, row for row, so the output
 * joins back onto the input. Quoted fields with commas, quotes and line breaks are read by a
 * real CSV parser; a BOM is dropped.
 */
export async function runCsvBatch(
  core: Core,
  column: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  progress: ProgressSink,
): Promise<BatchTally> {
  const tally = new BatchTally(progress);
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  const writer = stringify();
  const drained = (async () => {
    for await (const chunk of writer) await writeChunk(output, String(chunk));
  })();
  const resolve = memoizedResolve(core);
  let header: string[] | undefined;
  let index = -1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record;
        index = header.findIndex((h) => h.trim().toLowerCase() === column.trim().toLowerCase());
        if (index < 0) throw new CsvInputError(`the CSV has no "${column}" column (its columns: ${header.join(', ') || 'none'})`);
        writer.write([...header, ...CSV_RESULT_COLUMNS]);
        continue;
      }
      const res = resolve(record[index] ?? '');
      tally.add(res);
      const padded = header.map((_, i) => record[i] ?? '');
      writer.write([...padded, ...record.slice(header.length), ...resultCells(res)]);
    }
    if (!header) throw new CsvInputError('the CSV is empty: it needs a header row naming its columns');
  } catch (err) {
    writer.end();
    await drained;
    if (err instanceof CsvInputError) throw err;
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('CSV_')) throw new CsvInputError(`the CSV could not be read: ${err.message}`);
    throw err;
  }
  writer.end();
  await drained;
  tally.finish();
  return tally;
}
