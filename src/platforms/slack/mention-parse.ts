import { type MarketChoice, parseMarket } from '../../core/schema/common.js';
import { decodeSlackText } from './escape.js';

/** What a mention asks for. Refinements (add, drop, salary, path) act on the thread's comparison. */
export type MentionIntent =
  | { kind: 'compare'; text: string }
  | { kind: 'add'; role: string }
  | { kind: 'drop'; role: string }
  | { kind: 'salary'; market?: MarketChoice }
  | { kind: 'path' }
  | { kind: 'command'; name: string; text: string };

export interface MentionSyntax {
  botUserId: string;
  /** Registry command names, which a mention may start with: "role X", "help". */
  commandNames: readonly string[];
  /** Does the text name two or more roles ("a vs b", "a and b")? The compare command decides. */
  isComparison(text: string): boolean;
}

/** Removes the bot's own mention (`<@U123>` or `<@U123|rolecall>`) wherever it appears. */
export function stripBotMention(text: string, botUserId: string): string {
  const id = botUserId.replace(/[^A-Z0-9]/gi, '');
  return text.replace(new RegExp(`<@${id}(?:\\|[^>]*)?>`, 'g'), ' ');
}

function market(rest: string): MarketChoice | undefined | false {
  const m = /^(?:in\s+)?([a-z]+)?$/i.exec(rest.trim());
  if (!m) return false;
  if (!m[1]) return undefined;
  return parseMarket(m[1]) ?? false;
}

/**
 * Reads a mention: "compare a vs b", "a vs b", "add X", "drop X", "salary india", "path",
 * "role X", "help", or anything else as a role name.
 */
export function parseMention(raw: string, syntax: MentionSyntax): MentionIntent {
  const text = decodeSlackText(stripBotMention(raw, syntax.botUserId))
    .replace(/\s+/g, ' ')
    .replace(/^[\s:,.;-]+/, '')
    .trim();
  if (!text) return { kind: 'command', name: 'help', text: '' };
  const [, first = '', rest = ''] = /^(\S+)\s*(.*)$/s.exec(text) ?? [];
  const word = first.toLowerCase().replace(/^\//, '').replace(/[:,]$/, '');
  const arg = rest.trim();

  if (word === 'compare') return { kind: 'compare', text: arg };
  if (word === 'add' || word === 'plus') return { kind: 'add', role: arg };
  if (word === 'drop' || word === 'remove') return { kind: 'drop', role: arg };
  if (word === 'salary' || word === 'pay') {
    const m = market(arg);
    if (m !== false) return m ? { kind: 'salary', market: m } : { kind: 'salary' };
    return { kind: 'command', name: 'salary', text: arg };
  }
  if (word === 'path' && !arg) return { kind: 'path' };
  if (syntax.commandNames.includes(word)) return { kind: 'command', name: word, text: arg };
  if (syntax.isComparison(text)) return { kind: 'compare', text };
  return { kind: 'command', name: 'role', text };
}
