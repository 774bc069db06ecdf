import { encodeOrDrop } from './invocation-codec.js';
import { clip } from './text/clip.js';
import { fieldChars, sectionChars, tableChars, textChars } from './text/screen-chars.js';
import type { Field, Invocation, Section, SelectAction, SelectOption, Table, View } from './view.js';

/*
 * One screen first, one click to the rest. A chat answer (Discord, Slack) opens with what fits
 * one screen: the title, the description, the key figures and the sections that fit, in order.
 * Every other section is a named part behind a "More…" menu whose options run the same command
 * again with `more:<part>`; a part's answer offers the way back and the other parts. Nothing is
 * dropped: the parts together hold every field, section and table row of the full answer, which
 * the CLI, the console and the pages keep showing whole. The Dispatcher applies this, for the
 * chat platforms only.
 */

/** The argument a More… option adds to the command it runs again: the part's index. */
export const MORE_ARG = 'more';
/** Visible characters of a first answer: what a chat screen holds before it scrolls. */
export const SCREEN_CHARS = 1800;
/** A part's own text, so that a part fits a screen too beside its title and footer. */
const PART_CHARS = 1400;
/** Key figures kept on the first screen; beyond this they are a part of their own. */
const FIELD_CHARS = 900;
/** A description longer than this is a part of its own, so the first screen keeps room for the figures. */
const DESCRIPTION_CHARS = SCREEN_CHARS / 2;
/** Discord's select takes 25 options; one of them leads back to the first screen. */
const MAX_PARTS = 24;
const SUMMARY_CHARS = 90;
/** What the renderers add around the text: the footer's wording, Slack's cut note. */
const FRAME_CHARS = 80;
const TABLE_LABEL = 'At a glance';
const FIELDS_LABEL = 'More figures';
const DESCRIPTION_LABEL = 'About this answer';
const BACK_LABEL = 'Back to the first screen';

/** One named piece of an answer behind the More… menu. */
interface ViewPart {
  label: string;
  summary: string;
  description?: string;
  fields: Field[];
  sections: Section[];
  table?: Table;
  chars: number;
}

/** An answer cut for a chat screen: what the first screen keeps, and every part in menu order. */
interface Cut {
  description?: string;
  fields: Field[];
  parts: ViewPart[];
  /** The parts shown on the first screen: `parts[from]` up to, not including, `parts[to]`. */
  from: number;
  to: number;
}

/** The `more` argument taken out of a command's raw input, which the command's schema never sees. */
export function withoutMore(raw: Record<string, unknown>): { more: string | undefined; args: Record<string, unknown> } {
  if (!(MORE_ARG in raw)) return { more: undefined, args: raw };
  const { [MORE_ARG]: more, ...args } = raw;
  return { more: typeof more === 'string' || typeof more === 'number' ? String(more) : undefined, args };
}

function summaryOf(part: Omit<ViewPart, 'summary' | 'chars'>): string {
  const first = part.sections[0];
  const text =
    part.description ?? first?.body ?? first?.items?.[0] ?? (part.fields.length ? part.fields.map((f) => f.label).join(', ') : part.table?.columns.join(', '));
  return clip((text ?? part.label).replace(/\s+/g, ' ').trim(), SUMMARY_CHARS, { atWord: true });
}

function part(label: string, content: Partial<Pick<ViewPart, 'description' | 'fields' | 'sections' | 'table'>>): ViewPart {
  const base = { label, fields: content.fields ?? [], sections: content.sections ?? [], ...content };
  const chars =
    textChars(base.description) +
    base.fields.reduce((n, f) => n + fieldChars(f), 0) +
    base.sections.reduce((n, s) => n + sectionChars(s), 0) +
    (base.table ? tableChars(base.table) : 0);
  return { ...base, summary: summaryOf(base), chars };
}

/** A section too long for one screen, cut between its items into "Heading (part 1 of 3)" and on. */
function sectionPieces(section: Section): Section[] {
  if (sectionChars(section) <= PART_CHARS || (section.items ?? []).length < 2) return [section];
  const pieces: Section[] = [];
  let current: Section = { heading: section.heading, ...(section.body ? { body: section.body } : {}), items: [] };
  for (const item of section.items ?? []) {
    const grown = { ...current, items: [...(current.items ?? []), item] };
    if (sectionChars(grown) > PART_CHARS && (current.body || current.items?.length)) {
      pieces.push(current);
      current = { heading: section.heading, items: [item] };
    } else current = grown;
  }
  pieces.push(current);
  return pieces.map((p, i) => ({ ...p, heading: pieces.length > 1 ? `${section.heading} (part ${i + 1} of ${pieces.length})` : p.heading }));
}

/** Neighbours merged, the shortest pair first, until there are at most `max`. */
function merged(parts: ViewPart[], max: number): ViewPart[] {
  const out = [...parts];
  while (out.length > Math.max(1, max)) {
    let at = 0;
    for (let i = 1; i + 1 < out.length; i++) if (out[i]!.chars + out[i + 1]!.chars < out[at]!.chars + out[at + 1]!.chars) at = i;
    const [a, b] = [out[at]!, out[at + 1]!];
    const table = a.table ?? b.table;
    out.splice(at, 2, part(`${a.label} · ${b.label}`, { sections: [...a.sections, ...b.sections], ...(table ? { table } : {}) }));
  }
  return out;
}

function cutView(view: View): Cut {
  // A long description and the figures beyond the first few are parts of their own, first in the menu.
  const moved: ViewPart[] = [];
  const longDescription = textChars(view.description) > DESCRIPTION_CHARS;
  if (longDescription && view.description) moved.push(part(DESCRIPTION_LABEL, { description: view.description }));
  let kept = 0;
  for (let used = 0; kept < view.fields.length; kept++) {
    used += fieldChars(view.fields[kept]!);
    if (used > FIELD_CHARS) break;
  }
  const fields = view.fields.slice(0, kept);
  if (kept < view.fields.length) moved.push(part(FIELDS_LABEL, { fields: view.fields.slice(kept) }));
  const flow = view.sections.flatMap(sectionPieces).map((s) => part(s.heading, { sections: [s] }));
  if (view.table) flow.push(part(TABLE_LABEL, { table: view.table }));
  const parts = [...moved, ...merged(flow, MAX_PARTS - moved.length)];

  const description = longDescription ? undefined : view.description;
  let used =
    FRAME_CHARS +
    textChars(view.title) +
    textChars(view.understood) +
    textChars(description) +
    fields.reduce((n, f) => n + fieldChars(f), 0) +
    (view.footer ? textChars(view.footer.source) + textChars(view.footer.asOf) : 0);
  // The sections (and the table after them) flow onto the first screen in their order, while they fit.
  const from = moved.length;
  let to = from;
  while (to < parts.length && used + parts[to]!.chars <= SCREEN_CHARS) used += parts[to++]!.chars;
  return { ...(description ? { description } : {}), fields, parts, from, to };
}

const partArgs = (asked: Invocation, index: number): Invocation => ({ command: asked.command, args: { ...asked.args, [MORE_ARG]: String(index) } });

/** The More… menu: each part not on screen, and the way back from a part; undefined when one option cannot be encoded. */
function menu(cut: Cut, asked: Invocation, current: number | undefined): SelectAction | undefined {
  const options: SelectOption[] = [];
  if (current !== undefined) options.push({ label: BACK_LABEL, invoke: asked });
  cut.parts.forEach((p, i) => {
    if ((i < cut.from || i >= cut.to) && i !== current) options.push({ label: p.label, description: p.summary, invoke: partArgs(asked, i) });
  });
  if (options.some((o) => encodeOrDrop(o.invoke) === undefined)) return undefined;
  return { type: 'select', placeholder: current === undefined ? 'More of this answer…' : 'The rest of this answer…', options };
}

/**
 * The answer as a chat screen shows it: the first screen, or part `more` of it. `asked` is the
 * command and raw input that gave `view`; the menu's options run it again with `more`. The View
 * comes back unchanged when it fits one screen, and undefined when its menu cannot be encoded
 * (a custom id over 100 characters): the caller then shows it whole rather than lose any of it.
 */
export function onScreen(view: View, asked: Invocation, more?: string): View | undefined {
  const cut = cutView(view);
  if (cut.from === 0 && cut.to === cut.parts.length) return view;
  const index = more !== undefined && /^\d{1,2}$/.test(more) ? Number(more) : undefined;
  if (index === undefined || (index >= cut.from && index < cut.to) || index >= cut.parts.length) {
    const select = menu(cut, asked, undefined);
    if (!select) return undefined;
    const onFirst = cut.parts.slice(cut.from, cut.to);
    const table = onFirst.find((p) => p.table)?.table;
    const { table: _table, description: _description, ...rest } = view;
    return {
      ...rest,
      ...(cut.description ? { description: cut.description } : {}),
      fields: cut.fields,
      sections: onFirst.flatMap((p) => p.sections),
      ...(table ? { table } : {}),
      actions: [...view.actions, select],
    };
  }
  const select = menu(cut, asked, index);
  if (!select) return undefined;
  const shown = cut.parts[index]!;
  return {
    kind: view.kind,
    title: view.title,
    ...(shown.description ? { description: shown.description } : {}),
    fields: shown.fields,
    sections: shown.sections,
    ...(shown.table ? { table: shown.table } : {}),
    actions: [...view.actions, select],
    tone: view.tone,
    ...(view.footer ? { footer: view.footer } : {}),
    ...(view.private ? { private: true } : {}),
    ...(view.page ? { page: view.page } : {}),
  };
}
