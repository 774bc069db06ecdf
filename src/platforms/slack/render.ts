import type { View } from '../../views/view.js';
import { viewSummary } from '../../views/view.js';
import { actionsBlock, type Block, contextBlock, divider, fieldSections, headerBlock, sectionBlocks, textSection } from './blocks.js';
import { fitText } from './escape.js';
import { SLACK_LIMITS as L, payloadChars } from './limits.js';
import { tableBlocks, tableText } from './table.js';

/** A Slack message body: Block Kit plus the plain-text fallback for notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** Home tabs take 100 blocks and no table block; messages take 50. */
  surface?: 'message' | 'home';
  /** Value for a "Share in channel" button (see share.ts). */
  share?: string;
  /** Budgets, when several Views share one message. */
  maxBlocks?: number;
  maxChars?: number;
  /** Only one native table fits in a message. */
  allowTable?: boolean;
  /** Keeps action ids unique when several Views share one message. */
  index?: number;
}

const SHORTENED = 'Shortened to fit Slack’s message limits.';
/** Option and element caps tried in turn until the actions fit their share of the budget. */
const ACTION_CAPS = [
  { maxElements: 25, maxOptions: 100 },
  { maxElements: 25, maxOptions: 25 },
  { maxElements: 10, maxOptions: 10 },
  { maxElements: 5, maxOptions: 5 },
] as const;

function fittedActions(view: View, opts: RenderOptions, maxChars: number): Block | undefined {
  let block: Block | undefined;
  for (const caps of ACTION_CAPS) {
    block = actionsBlock(view.actions, { index: opts.index ?? 0, share: opts.share, ...caps });
    if (!block || payloadChars(block) <= maxChars / 3) return block;
  }
  return block;
}

/**
 * View → blocks within every limit. The header, description, actions and footer always come;
 * the table, then fields, then sections fill what is left, in that priority; anything cut is
 * flagged with a short note rather than silently dropped.
 */
export function renderBlocks(view: View, opts: RenderOptions = {}): Block[] {
  const surface = opts.surface ?? 'message';
  const maxBlocks = opts.maxBlocks ?? (surface === 'home' ? L.homeBlocks : L.messageBlocks);
  const maxChars = opts.maxChars ?? L.messageChars;

  // What a question was understood as opens the answer, quietly, as plain text above the header.
  const head: Block[] = [...(view.understood ? [contextBlock([view.understood])] : []), headerBlock(view.title)];
  if (view.description?.trim()) {
    head.push(textSection(view.description.slice(0, Math.min(L.sectionText, Math.floor(maxChars / 4)))));
  }
  const tail: Block[] = [];
  const actions = fittedActions(view, opts, maxChars);
  if (actions) tail.push(actions);
  if (view.footer) tail.push(contextBlock([`Data as of ${view.footer.asOf} · ${view.footer.source}`]));
  const note = contextBlock([SHORTENED]);

  let blocksLeft = maxBlocks - head.length - tail.length - 1;
  let charsLeft = maxChars - payloadChars([head, tail, note]);
  let cut = false;
  // Lazy candidates: a huge View stops costing anything once the budget is spent.
  const take = (candidates: Iterable<Block>): Block[] => {
    const kept: Block[] = [];
    for (const block of candidates) {
      const size = payloadChars(block);
      if (blocksLeft < 1 || size > charsLeft) {
        cut = true;
        break;
      }
      kept.push(block);
      blocksLeft -= 1;
      charsLeft -= size;
    }
    return kept;
  };
  const nativeOk = surface === 'message' && opts.allowTable !== false;
  const table = view.table ? take(tableBlocks(view.table, nativeOk, charsLeft)) : [];
  const fields = take(fieldSections(view.fields));
  const sections = take(
    (function* () {
      for (const section of view.sections) yield* sectionBlocks(section);
    })(),
  );
  return [...head, ...fields, ...table, ...sections, ...(cut ? [note] : []), ...tail];
}

/**
 * The notification text: each View's summary, and the grid of the table shown as a native
 * table block (`tableOf`), since clients that only read `text` would otherwise miss it.
 */
export function fallbackText(views: readonly View[], tableOf?: View): string {
  const grid = tableOf?.table ? tableText(tableOf.table) : '';
  return fitText([...views.map(viewSummary), ...(grid ? [grid] : [])].join('\n'), L.fallbackText);
}

const hasTable = (blocks: readonly Block[]): boolean => blocks.some((b) => b.type === 'table');

export function renderView(view: View, opts: RenderOptions = {}): SlackMessage {
  const blocks = renderBlocks(view, opts);
  return { text: fallbackText([view], hasTable(blocks) ? view : undefined), blocks };
}

/** Several Views in one message (a thread's salary or path round-up), split fairly. */
export function renderViews(views: readonly View[], opts: RenderOptions = {}): SlackMessage {
  // Slack rejects a message with neither text nor blocks; an empty list is a caller's bug.
  if (views.length === 0) throw new RangeError('renderViews needs at least one View');
  if (views.length === 1) return renderView(views[0]!, opts);
  const maxBlocks = opts.maxBlocks ?? (opts.surface === 'home' ? L.homeBlocks : L.messageBlocks);
  const maxChars = opts.maxChars ?? L.messageChars;
  const n = Math.max(1, Math.min(views.length, Math.floor((maxBlocks + 1) / 6)));
  const shown = views.slice(0, n);
  const per = { maxBlocks: Math.floor((maxBlocks - (n - 1)) / n), maxChars: Math.floor(maxChars / n) };
  let tableUsed = opts.allowTable === false;
  let tableOf: View | undefined;
  const blocks: Block[] = [];
  shown.forEach((view, index) => {
    // Slack takes one table block per message: later Views' tables fall back to the grid.
    const part = renderBlocks(view, { ...opts, ...per, share: undefined, index, allowTable: !tableUsed });
    if (!tableUsed && hasTable(part)) tableOf = view;
    tableUsed ||= hasTable(part);
    if (index > 0) blocks.push(divider());
    blocks.push(...part);
  });
  return { text: fallbackText(shown, tableOf), blocks };
}
