/**
 * Joins lines into as few chunks of at most `max` characters (newline-separated) as they need.
 * Every line must already fit `max`: the caller shortens or wraps a longer one its own way.
 */
export function packLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}
