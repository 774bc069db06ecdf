import { clip as shorten, dropSplitSurrogate } from '../../views/text/clip.js';
import { packLines } from '../../views/text/pack.js';

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
  /** A link button's url. */
  buttonUrl: 512,
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

/** Drops a trailing lone backslash (it would escape the ellipsis) and a split surrogate pair. */
function tidyEnd(text: string): string {
  const out = dropSplitSurrogate(text);
  const slashes = /\\+$/.exec(out)?.[0].length ?? 0;
  return slashes % 2 === 1 ? out.slice(0, -1) : out;
}

/**
 * Cuts `text` to at most `max` characters, at a word boundary when one is near, ending in "…".
 * Text that fits comes back unchanged.
 */
export function clip(text: string, max: number): string {
  return shorten(text, max, { atWord: true, tidy: tidyEnd });
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
  return packLines(
    text.split('\n').flatMap((line) => (line.length > max ? wrapLine(line, max) : [line])),
    max,
  );
}

/** The first `max` characters without an ellipsis (for values that must stay exact), never half a surrogate pair. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : dropSplitSurrogate(text.slice(0, max));
}
