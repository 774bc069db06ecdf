import type { types } from '@slack/bolt';
import { monospaceGrid } from '../../views/text/grid.js';
import type { Table } from '../../views/view.js';
import { type Block, fieldText, mrkdwn, packLines } from './blocks.js';
import { bold, escapeText, fitText } from './escape.js';
import { SLACK_LIMITS as L, payloadChars } from './limits.js';

/**
 * Tables: Slack's native `table` block (one per message, messages only, ≤ 100 rows × 20 cells,
 * ≤ 10,000 characters of cells, raw_text cells of at least one character) where it reads well;
 * otherwise a monospaced grid, or one section of fields per row when the grid is too wide.
 */

/** Above these a native table scrolls sideways or turns into a wall of text in the client. */
const WELL = { columns: 6, cellChars: 120 } as const;
/** Widest monospaced line that still reads on a laptop without wrapping. */
const GRID_WIDTH = 72;

const cell = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim() || '—';

function shape(table: Table): string[][] {
  const width = Math.min(table.columns.length, L.tableColumns);
  return [table.columns, ...table.rows].map((row) => Array.from({ length: width }, (_, i) => cell(row[i])));
}

export function tableRendersWell(table: Table): boolean {
  const grid = shape(table);
  const cols = table.columns.length;
  if (cols < 1 || cols > WELL.columns || grid.length > L.tableRows) return false;
  if (grid.some((row) => row.some((c) => c.length > WELL.cellChars))) return false;
  return grid.reduce((n, row) => n + row.reduce((m, c) => m + escapeText(c).length, 0), 0) <= L.tableChars;
}

export function nativeTable(table: Table): types.TableBlock {
  const grid = shape(table).slice(0, L.tableRows);
  return {
    type: 'table',
    column_settings: grid[0]!.map(() => ({ is_wrapped: true })),
    rows: grid.map((row) => row.map((c): types.RawTextElement => ({ type: 'raw_text', text: fitText(c, L.fieldText) }))),
  };
}

/** The grid as aligned, monospaced lines (undefined when too wide to read). */
function gridLines(table: Table): string[] | undefined {
  const grid = monospaceGrid(shape(table), { rule: '-' });
  return grid.width > GRID_WIDTH ? undefined : grid.lines;
}

/**
 * The table as plain lines for the top-level `text` (notifications, screen readers, clients
 * without the table block): the aligned grid, or "Column: value" lines when too wide.
 */
export function tableText(table: Table): string {
  if (table.columns.length === 0) return '';
  const lines = gridLines(table);
  if (lines) return lines.join('\n');
  const [head, ...rows] = shape(table);
  return rows.map((row) => row.map((c, i) => (i === 0 ? c : `${head![i]}: ${c}`)).join(' · ')).join('\n');
}

export function tableFallback(table: Table): Block[] {
  const lines = gridLines(table);
  if (lines) {
    // Code fences take 8 characters of each section's 3000.
    return packLines(lines.map(escapeText), L.sectionText - 8).map((chunk) => ({ type: 'section', text: mrkdwn(`\`\`\`\n${chunk}\n\`\`\``) }));
  }
  const [head, ...rows] = shape(table);
  const labels = head!.slice(1, 1 + L.sectionFields);
  return rows.map((row) => {
    const fields = labels.map((label, i) => mrkdwn(fieldText(label, row[i + 1] ?? '—')));
    const text = mrkdwn(bold(row[0] ?? '—', 300) || '—');
    return fields.length ? { type: 'section', text, fields } : { type: 'section', text };
  });
}

/** The blocks for a table: native when allowed and it reads well, else the fallback. */
export function tableBlocks(table: Table, allowNative: boolean, charsLeft: number): Block[] {
  if (table.columns.length === 0) return [];
  if (allowNative && tableRendersWell(table)) {
    const block = nativeTable(table);
    if (payloadChars(block) <= charsLeft) return [block];
  }
  return tableFallback(table);
}
