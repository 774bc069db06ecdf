import { escapeMarkdown } from '@discordjs/formatters';

/**
 * View strings are plain text. These make them safe for the Discord surface they land on, so echoed
 * user input never pings anyone or formats. `allowed_mentions: { parse: [] }` on every message is the
 * second guard: even a mention that slipped through here could not notify.
 */

const ZWSP = '\u200b';

/**
 * Breaks @everyone / @here and the <@id>, <@!id>, <@&id>, <#id>, </cmd:id>, <:emoji:id>, <t:…>
 * syntaxes with a zero-width space, so they render as the literal text that was typed.
 */
export function neutraliseMentions(text: string): string {
  if (!text.includes('@') && !text.includes('<')) return text;
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/:]|a:|t:|id:)/g, `<${ZWSP}`);
}

/**
 * For text Discord renders as markdown (embed title, description, field names and values).
 * escapeMarkdown (@discordjs/formatters, discord.js's own) does the inline syntax; headings and
 * lists are opted in, and block quotes and subtext ("> ", "-# ") it leaves alone are escaped here.
 */
export function escapeText(text: string): string {
  // Line by line: escapeMarkdown's lookbehinds make it quadratic in line length, and every
  // special character is escaped either way. Lines with nothing it could change skip it, which
  // is most of them and makes rendering a role card several times faster.
  return text
    .split('\n')
    .map((line) => {
      const safe = neutraliseMentions(line);
      return MARKDOWN_SYNTAX.test(safe) ? escapeMaskedLinks(escapeMarkdown(safe, MARKDOWN).replace(/^(\s*)(>|-#)/, '$1\\$2')) : safe;
    })
    .join('\n');
}

/**
 * Masked links are escaped by `escapeMaskedLinks`, not by escapeMarkdown: its pattern is greedy, so
 * on a line with several `[text](url)` only the first was escaped and the rest stayed live links.
 */
const MARKDOWN = { heading: true, bulletedList: true, numberedList: true, maskedLink: false } as const;

/**
 * Escapes every `[` that could open a masked link: each one before the line's last `](`. Runs
 * after escapeMarkdown, so a backslash typed before a `[` is already doubled and escapes nothing.
 */
export function escapeMaskedLinks(line: string): string {
  const last = line.lastIndexOf('](');
  if (last < 0) return line;
  return line.slice(0, last).replaceAll('[', '\\[') + line.slice(last);
}

/** Every character escapeMarkdown (with the options above) or the quote rule acts on. */
const MARKDOWN_SYNTAX = /[\\`*_~|[]|^\s*(?:[-#>]|\d+\.)/;

/**
 * For text Discord shows verbatim (button and option labels, placeholders, footers, autocomplete
 * names): markdown is not rendered there, so escaping would show backslashes; mentions are still
 * neutralised, and line breaks flattened.
 */
export function plainText(text: string): string {
  return neutraliseMentions(text.replace(/\s*\n\s*/g, ' '));
}
