import { groupDigits } from '../views/text/numbers.js';
import type { Resolution } from '../core/resolve/resolution.js';

/** Where progress and the closing summary go: standard error, so standard output stays data. */
export interface ProgressSink {
  write(chunk: string): boolean;
  isTTY?: boolean;
}

/** Progress is shown only to a person watching a terminal, and only when the input is large. */
const PROGRESS_EVERY = 2_000;

/** Counts a batch's outcomes and reports them on standard error. */
export class BatchTally {
  lines = 0;
  found = 0;
  ambiguous = 0;
  notFound = 0;

  constructor(private readonly sink: ProgressSink) {}

  add(res: Resolution): void {
    this.lines++;
    if (res.status === 'found') this.found++;
    else if (res.status === 'ambiguous') this.ambiguous++;
    else this.notFound++;
    if (this.sink.isTTY && this.lines % PROGRESS_EVERY === 0) this.sink.write(`\rrolecall: mapped ${groupDigits(this.lines)} titles…`);
  }

  /** "10,000 titles: 9,120 found, 480 ambiguous, 400 not found". */
  summary(): string {
    const n = groupDigits;
    return `${n(this.lines)} title${this.lines === 1 ? '' : 's'}: ${n(this.found)} found, ${n(this.ambiguous)} ambiguous, ${n(this.notFound)} not found`;
  }

  finish(): void {
    const clear = this.sink.isTTY && this.lines >= PROGRESS_EVERY ? '\r\u001b[K' : '';
    this.sink.write(`${clear}rolecall: ${this.summary()}\n`);
  }

  get allFound(): boolean {
    return this.found === this.lines;
  }
}
