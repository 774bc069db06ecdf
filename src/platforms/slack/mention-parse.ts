import { type FollowUp, parseFollowUp } from '../../../commands/compare-follow-up.js';
import { decodeSlackText } from './escape.js';

/**
 * What a mention asks for. Follow-ups (add, drop, salary, path) act on the thread's comparison;
 * anything that is no command, comparison or follow-up is a question in plain words (/ask).
 */
export type MentionIntent = { kind: 'compare'; text: string } | FollowUp | { kind: 'command'; name: string; text: string } | { kind: 'ask'; text: string };

export interface MentionSyntax {
  botUserId: string;
  /** Registry command names, which a mention may start with: "role X", "help". */
  commandNames: readonly string[];
  /** Does the text name two or more roles exactly ("a vs b", "a and b")? Then a bare mention compares them. */
  isComparison(text: string): boolean;
  /** Does /compare's syntax split the text into two or more parts? After "compare", it compares them (and asks about unclear ones). */
  hasParts(text: string): boolean;
}

/** Removes the bot's own mention (`<@U123>` or `<@U123|rolecall>`) wherever it appears. */
export function stripBotMention(text: string, botUserId: string): string {
  const id = botUserId.replace(/[^A-Z0-9]/gi, '');
  return text.replace(new RegExp(`<@${id}(?:\\|[^>]*)?>`, 'g'), ' ');
}

/**
 * Reads a mention: "compare a vs b", "a vs b", a follow-up to the thread's comparison ("add X",
 * "drop X", "salary india", "path": commands/compare-follow-up.ts), "role X", "help", or anything
 * else as a question in plain words.
 */
export function parseMention(raw: string, syntax: MentionSyntax): MentionIntent {
  const text = mentionQuestion(raw, syntax.botUserId);
  if (!text) return { kind: 'command', name: 'help', text: '' };
  const [, first = '', rest = ''] = /^(\S+)\s*(.*)$/s.exec(text) ?? [];
  const word = first.toLowerCase().replace(/^\//, '').replace(/[:,]$/, '');
  const arg = rest.trim();

  // "compare a vs b" is /compare; "compare it with MLOps" is a question (a follow-up).
  if (word === 'compare') return syntax.hasParts(arg) ? { kind: 'compare', text: arg } : { kind: 'ask', text };
  const followUp = parseFollowUp(text);
  if (followUp) return followUp;
  // "pay ML Engineer india" asks /salary, as "salary ML Engineer india" does.
  if (word === 'salary' || word === 'pay') return { kind: 'command', name: 'salary', text: arg };
  // "about ML Engineer" is a question about a role; only "about" on its own is /about.
  if (word === 'about' && arg) return { kind: 'ask', text };
  if (syntax.commandNames.includes(word)) return { kind: 'command', name: word, text: arg };
  if (syntax.isComparison(text)) return { kind: 'compare', text };
  return { kind: 'ask', text };
}

/** A message's text as the person meant it: without the bot's mention, Slack's entities decoded, one line. */
export function mentionQuestion(raw: string, botUserId: string): string {
  return decodeSlackText(stripBotMention(raw, botUserId))
    .replace(/\s+/g, ' ')
    .replace(/^[\s:,.;-]+/, '')
    .trim();
}
