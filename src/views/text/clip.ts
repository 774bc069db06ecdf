const ELLIPSIS = '…';

export interface ClipOptions {
  /** Back up to the last space when the cut falls mid-word (unless that loses much of the text). */
  atWord?: boolean;
  /** Repairs the end of the cut text for the platform: a half entity, a lone escape backslash. */
  tidy?: (head: string) => string;
}

/**
 * Cuts `text` to at most `max` characters, ending in "…"; text that fits comes back unchanged.
 * Every renderer shortens with this, each with its own `tidy` for what its markup cannot end in.
 */
export function clip(text: string, max: number, opts: ClipOptions = {}): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const room = max - ELLIPSIS.length;
  let head = text.slice(0, room);
  if (opts.atWord) {
    const space = /\s/.test(text[room] ?? '') ? -1 : head.search(/\s\S*$/);
    if (space > room * 0.6) head = head.slice(0, space);
  }
  head = head.trimEnd();
  return `${opts.tidy ? opts.tidy(head) : head}${ELLIPSIS}`;
}

/** Drops half a surrogate pair from the end, so a cut never leaves a broken character. */
export function dropSplitSurrogate(text: string): string {
  return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
}
