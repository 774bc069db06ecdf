import type { Field, Section, Table } from '../view.js';

/*
 * How many characters a piece of a View takes once a chat renderer has written it, estimated
 * from the neutral View alone and never below what Discord's embeds or Slack's blocks show:
 * Slack writes & < > as entities (up to five characters), Discord escapes markdown with a
 * backslash, both add bold markers, bullets and line breaks. The one-screen budget
 * (src/views/more.ts) is spent with these, and test/views/one-screen.test.ts checks the
 * rendered answers against it.
 */

const ENTITY = /[&<>]/g;
const MARKDOWN = /[\\*_~`|[\]#>-]/g;

/** One string as rendered: escapes counted at their widest. */
export function textChars(text: string | undefined): number {
  if (!text) return 0;
  return text.length + (text.match(ENTITY)?.length ?? 0) * 4 + (text.match(MARKDOWN)?.length ?? 0);
}

/** "*Label*\nvalue", or a field's name and value. */
export function fieldChars(field: Field): number {
  return textChars(field.label) + textChars(field.value) + 4;
}

/** "*Heading*\nbody\n• item\n• item". */
export function sectionChars(section: Section): number {
  const items = (section.items ?? []).reduce((n, item) => n + textChars(item) + 3, 0);
  return textChars(section.heading) + 4 + (section.body ? textChars(section.body) + 1 : 0) + items;
}

/** A monospaced grid (Discord) or a native table (Slack): every cell padded to its column's width. */
export function tableChars(table: Table): number {
  const rows = [table.columns, ...table.rows];
  const widths = table.columns.map((_, i) => Math.max(...rows.map((row) => textChars(row[i]))));
  const line = widths.reduce((n, w) => n + w + 3, 0);
  // The heading it sits under, the code fences and a rule under the column names.
  return 40 + (rows.length + 1) * line;
}
