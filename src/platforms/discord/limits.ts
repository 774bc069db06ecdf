/** Discord's documented message limits. Lengths are UTF-16 units, never fewer than Discord counts. */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Characters across all embeds of one message. */
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  optionLabel: 100,
  optionDescription: 100,
  optionValue: 100,
  placeholder: 150,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
} as const;

const ELLIPSIS = '…';

/** Drops a trailing lone backslash (it would escape the ellipsis) and a split surrogate pair. */
function tidyEnd(text: string): string {
  let out = text;
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  const slashes = /\\+$/.exec(out)?.[0].length ?? 0;
  if (slashes % 2 === 1) out = out.slice(0, -1);
  return out;
}

/**
 * Cuts `text` to at most `max` characters, at a word boundary when one is near, ending in "…".
 * Text that fits comes back unchanged.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const room = max - ELLIPSIS.length;
  let head = text.slice(0, room);
  // Mid-word: back up to the last space, unless that would lose much of the text.
  const space = /\s/.test(text[room] ?? '') ? -1 : head.search(/\s\S*$/);
  if (space > room * 0.6) head = head.slice(0, space);
  return `${tidyEnd(head.trimEnd())}${ELLIPSIS}`;
}

/** Breaks one long line into pieces of at most `max`, at spaces where possible. */
function wrapLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    let cut = space > max * 0.5 ? space : max;
    // Never leave an escape backslash or half a surrogate pair at the end of a piece.
    const head = tidyEnd(rest.slice(0, cut));
    cut = head.length > 0 ? head.length : max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Splits text into chunks of at most `max` characters, at line breaks where possible and at
 * spaces inside a line that is too long on its own, so nothing is lost and no chunk breaks the limit.
 */
export function splitLines(text: string, max: number): string[] {
  if (text.length <= max) return text.trim() ? [text] : [];
  const chunks: string[] = [];
  let current = '';
  for (const piece of text.split('\n').flatMap((line) => (line.length > max ? wrapLine(line, max) : [line]))) {
    if (current && current.length + 1 + piece.length > max) {
      chunks.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

/** The first `max` characters without an ellipsis (for values that must stay exact), never half a surrogate pair. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max).replace(/[\ud800-\udbff]$/, '');
}
