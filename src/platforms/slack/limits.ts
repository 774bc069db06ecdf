/**
 * Slack's Block Kit limits (docs.slack.dev/reference/block-kit). A payload over any of them is
 * rejected whole (invalid_blocks, msg_blocks_too_long), so the renderer stays inside all of them.
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  /** A url button's url. */
  buttonUrl: 3000,
  selectOptions: 100,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  placeholderText: 150,
  tableRows: 100,
  tableColumns: 20,
  /** Characters across all cells of one table (and of all tables in one message). */
  tableChars: 10_000,
  /**
   * Text across all blocks of one message. Slack documents no exact figure; messages are
   * rejected with msg_blocks_too_long from about 13,000 characters, so stay well below.
   */
  messageChars: 12_000,
  /** The top-level `text` is only a notification / accessibility fallback. */
  fallbackText: 3000,
} as const;

/** Characters a block puts on the wire: every string in it. Conservative, and cheap enough. */
export function payloadChars(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + payloadChars(v), 0);
  if (value && typeof value === 'object') {
    let n = 0;
    for (const v of Object.values(value)) n += payloadChars(v);
    return n;
  }
  return 0;
}
