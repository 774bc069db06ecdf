import type { types } from '@slack/bolt';
import { encodeOrDrop } from '../../views/invocation-codec.js';
import { packLines as pack } from '../../views/text/pack.js';
import type { Action, Field, Section } from '../../views/view.js';
import { bold, escapeText, fitEscaped, fitText } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';

/** Block Kit primitives. Every View string passes through escapeText/fitText here. */

export type Block = types.KnownBlock;

/** `verbatim` stops Slack from auto-linking names and bare @words in text we did not mark up. */
export const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text: text || '—', verbatim: true });
const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text: text || '—', emoji: true });

export function headerBlock(title: string): Block {
  return { type: 'header', text: plain(fitText(title.replace(/\s+/g, ' ').trim(), L.headerText)) };
}

export function textSection(text: string): Block {
  return { type: 'section', text: mrkdwn(fitText(text, L.sectionText)) };
}

export function contextBlock(texts: string[]): Block {
  return {
    type: 'context',
    elements: texts.slice(0, L.contextElements).map((t) => plain(fitText(t, L.contextText))),
  };
}

export const divider = (): Block => ({ type: 'divider' });

/** "*Label*\nvalue", escaped and within the field limit. */
export function fieldText(label: string, value: string): string {
  const head = bold(label, 150);
  const room = L.fieldText - head.length - 1;
  const body = fitText(value.trim() || '—', room);
  return head ? `${head}\n${body}` : body;
}

/** Fields in sections of at most ten, keeping inline and full-width runs apart. */
export function fieldSections(fields: readonly Field[]): Block[] {
  const runs: Field[][] = [];
  for (const field of fields) {
    const last = runs[runs.length - 1];
    if (last && Boolean(last[0]!.inline) === Boolean(field.inline) && last.length < L.sectionFields) last.push(field);
    else runs.push([field]);
  }
  return runs.map((run) => ({ type: 'section', fields: run.map((f) => mrkdwn(fieldText(f.label, f.value))) }));
}

/** Escaped lines packed into as few section texts (≤ 3000) as they need. */
export function packLines(lines: readonly string[], max: number = L.sectionText): string[] {
  return pack(
    lines.map((line) => fitEscaped(line, max)),
    max,
  );
}

/** A heading, its paragraph and its bullet items; long sections continue in more blocks. */
export function sectionBlocks(section: Section): Block[] {
  const lines = [bold(section.heading, 300)].filter(Boolean);
  if (section.body?.trim()) lines.push(escapeText(section.body.trim()));
  for (const item of section.items ?? []) lines.push(`• ${escapeText(item)}`);
  return packLines(lines).map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

const encoded = encodeOrDrop;

export const ACTION_PREFIX = 'rc';
export const SHARE_ACTION_ID = `${ACTION_PREFIX}:share`;
/** Matches every action id the renderer emits, for the action listener. */
export const ACTION_ID_PATTERN = /^rc:(?:run|sel|share)\b/;
/**
 * A url button's id: Slack opens the link and still sends a block_actions event, which is only
 * acknowledged (a url button runs nothing).
 */
export const LINK_ACTION_ID_PATTERN = /^rc:link\b/;

/**
 * Buttons and selects carry the encoded Invocation; action ids only need to be unique in
 * the message ("rc:run:<view>.<n>"). The share button, when given, always gets a slot.
 */
export function actionsBlock(
  actions: readonly Action[],
  opts: { index: number; share?: string; maxElements?: number; maxOptions?: number },
): Block | undefined {
  const share = opts.share && opts.share.length <= L.buttonValue ? opts.share : undefined;
  const room = Math.min(opts.maxElements ?? L.actionsElements, L.actionsElements) - (share ? 1 : 0);
  const maxOptions = Math.min(opts.maxOptions ?? L.selectOptions, L.selectOptions);
  const elements: types.ActionsBlockElement[] = [];
  actions.forEach((action, n) => {
    if (elements.length >= room) return;
    const id = `${ACTION_PREFIX}:${action.type === 'button' ? 'run' : action.type === 'link' ? 'link' : 'sel'}:${opts.index}.${n}`;
    if (action.type === 'link') {
      if (action.url.length <= L.buttonUrl && /^https?:\/\//.test(action.url))
        elements.push({ type: 'button', text: plain(fitText(action.label, L.buttonText)), action_id: id, url: action.url });
      return;
    }
    if (action.type === 'button') {
      const value = encoded(action.invoke, L.buttonValue);
      if (!value) return;
      elements.push({
        type: 'button',
        text: plain(fitText(action.label, L.buttonText)),
        action_id: id,
        value,
        ...(action.style === 'primary' ? { style: 'primary' as const } : {}),
      });
      return;
    }
    const options: types.PlainTextOption[] = [];
    for (const option of action.options) {
      if (options.length >= maxOptions) break;
      const value = encoded(option.invoke, L.optionValue);
      if (!value) continue;
      options.push({
        text: plain(fitText(option.label, L.optionText)),
        value,
        ...(option.description ? { description: plain(fitText(option.description, L.optionDescription)) } : {}),
      });
    }
    if (options.length === 0) return;
    elements.push({ type: 'static_select', action_id: id, placeholder: plain(fitText(action.placeholder, L.placeholderText)), options });
  });
  if (share) elements.push({ type: 'button', text: plain('Share in channel'), action_id: SHARE_ACTION_ID, value: share });
  return elements.length ? { type: 'actions', elements } : undefined;
}
