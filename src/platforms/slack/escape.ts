import { clip } from '../../views/text/clip.js';

const ZWSP = '\u200b';

/**
 * Slack reads `&`, `<` and `>` as control characters in every text field: `<!channel>`,
 * `<!here>`, `<@U123>` and `<https://x|label>` are live syntax. View strings are plain text
 * (and often echo what a user typed), so every one of them goes through `escapeText`.
 *
 * mrkdwn has no escape for its formatting characters (`*bold*`, `_italic_`, `~strike~`,
 * `` `code` ``, `> quote`), so each gets a zero-width space on both sides: whether Slack takes
 * that space as a word character or as white space, the marker can then neither open nor close
 * a span, and the text shows as typed.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, `${ZWSP}$&${ZWSP}`)
    .replace(/^(\s*)&gt;/gm, `$1${ZWSP}&gt;`);
}

/** Slack sends typed `&<>` as entities in command and event text; decode them before parsing. */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Escapes, then shortens to `max` characters (of the escaped form, which is what Slack
 * measures) with an ellipsis, never cutting an entity such as `&amp;` in half.
 */
export function fitText(text: string, max: number): string {
  return fitEscaped(escapeText(text), max);
}

/** Shortens text that is already escaped (joined pieces), with the same entity care. */
export function fitEscaped(escaped: string, max: number): string {
  return clip(escaped, max, { tidy: (head) => head.replace(/&[a-z]{0,4}$/, '') });
}

/** Bold in mrkdwn, for headings and labels we build (the text inside is escaped). */
export function bold(text: string, max = 200): string {
  const inner = fitText(text.replace(/\s+/g, ' ').trim(), max);
  return inner ? `*${inner}*` : '';
}
