/** Characters as a monospace font shows them (code points, so an emoji is one). */
const width = (text: string): number => [...text].length;

export interface Grid {
  lines: string[];
  /** The widest line, in characters. */
  width: number;
}

/**
 * A table as aligned monospace lines: columns two spaces apart, trailing space trimmed, and,
 * when `rule` is given, a line of it under the header. Cells are used as given (the caller
 * cleans and escapes them).
 */
export function monospaceGrid(rows: readonly (readonly string[])[], opts: { rule?: string } = {}): Grid {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => width(r[c] ?? ''))));
  const line = (row: readonly string[]) =>
    widths
      .map((w, c) => {
        const cell = row[c] ?? '';
        return cell + ' '.repeat(w - width(cell));
      })
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows.map(line);
  const rule = opts.rule ? [widths.map((w) => opts.rule!.repeat(w)).join('  ')] : [];
  const lines = head === undefined ? [] : [head, ...rule, ...body];
  return { lines, width: widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1) };
}
