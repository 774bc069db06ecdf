import { writeFile } from 'node:fs/promises';
import type { View } from '../views/view.js';
import type { Io } from './io.js';

/**
 * Writes the answer's chart for --png / --svg. The text answer has already been printed, so a
 * chart that cannot be drawn or written costs only the file: the reason goes to stderr and the
 * caller exits non-zero. Returns whether every requested file was written.
 */
export async function writeChart(view: View, files: { png?: string | undefined; svg?: string | undefined }, io: Pick<Io, 'stderr'>): Promise<boolean> {
  if (!view.chart) {
    io.stderr.write('rolecall: this answer has no chart, so no file was written\n');
    return true;
  }
  try {
    const { renderChart } = await import('../charts/index.js');
    const chart = await renderChart(view.chart);
    if (files.png) await writeFile(files.png, chart.png);
    if (files.svg) await writeFile(files.svg, chart.svg);
    for (const file of [files.png, files.svg].filter(Boolean)) io.stderr.write(`rolecall: chart written to ${file}\n`);
    return true;
  } catch (err) {
    io.stderr.write(`rolecall: could not write the chart: ${err instanceof Error ? err.message : String(err)}\n`);
    return false;
  }
}
