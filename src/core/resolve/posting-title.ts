/**
 * Job titles from postings carry a team after a comma, dash, bar or bracket: "Data Engineer,
 * ML Platform", "Member of Technical Staff - Pretraining", "Prompt Engineer (Remote)". The part
 * before it is the title; the part after it is context, never a title of its own.
 */
// One character of context each side keeps the scan linear on any input.
const SEPARATOR = /\s[-–—|:]\s|[,(\[|@–—]/;

export interface TitleParts {
  head: string;
  tail: string;
}

/** Splits at the first separator; undefined when there is none or one side is empty. */
export function splitTitle(raw: string): TitleParts | undefined {
  const m = SEPARATOR.exec(raw);
  if (!m) return undefined;
  const head = raw.slice(0, m.index);
  const tail = raw.slice(m.index + m[0].length);
  if (!/[\p{L}\p{N}]/u.test(head) || !/[\p{L}\p{N}]/u.test(tail)) return undefined;
  return { head, tail };
}
