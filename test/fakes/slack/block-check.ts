/**
 * Slack's checks on table blocks (docs.slack.dev/reference/block-kit/blocks/table-block): at
 * most 100 rows of at most 20 cells, cells raw_text (non-empty text) or rich_text, at most 20
 * column settings, one table per message, none on the Home tab. Slack answers invalid_blocks
 * for any of them; the fakes answer the same, so a renderer bug fails its test.
 */
export type BlockError = 'invalid_blocks';

const ALIGN = new Set(['left', 'center', 'right']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function cellOk(cell: unknown): boolean {
  if (!isObj(cell)) return false;
  if (cell.type === 'raw_text') return typeof cell.text === 'string' && cell.text.length > 0;
  if (cell.type === 'rich_text') return Array.isArray(cell.elements);
  return false;
}

function settingOk(setting: unknown): boolean {
  if (!isObj(setting)) return false;
  if (setting.align !== undefined && !ALIGN.has(String(setting.align))) return false;
  return setting.is_wrapped === undefined || typeof setting.is_wrapped === 'boolean';
}

function tableOk(block: Record<string, unknown>): boolean {
  const { rows, column_settings: settings } = block;
  if (!Array.isArray(rows) || rows.length < 1 || rows.length > 100) return false;
  if (!rows.every((row) => Array.isArray(row) && row.length >= 1 && row.length <= 20 && row.every(cellOk))) return false;
  return settings === undefined || (Array.isArray(settings) && settings.length <= 20 && settings.every(settingOk));
}

/** The error Slack would answer for these blocks, or undefined when the tables in them pass. */
export function tableBlockError(blocks: unknown, surface: 'message' | 'home' = 'message'): BlockError | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'invalid_blocks';
  const tables = blocks.filter((b) => isObj(b) && b.type === 'table') as Record<string, unknown>[];
  if (tables.length === 0) return undefined;
  if (surface === 'home') return 'invalid_blocks';
  if (tables.length > 1) return 'invalid_blocks';
  return tables.every(tableOk) ? undefined : 'invalid_blocks';
}
