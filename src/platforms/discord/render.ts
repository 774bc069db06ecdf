import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from 'discord-api-types/v10';
import type { Action, ButtonAction, Invocation, LinkAction, SelectAction, Table, View } from '../../views/view.js';
import { encodeOrDrop } from '../../views/invocation-codec.js';
import { monospaceGrid } from '../../views/text/grid.js';
import { escapeText, plainText } from './escape.js';
import { clip, DISCORD_LIMITS as L, splitLines } from './limits.js';

/*
 * Messages are built as typed API JSON (discord-api-types) rather than with EmbedBuilder / ButtonBuilder:
 * the builders' validators (which throw and catch internally) took over three quarters of the time
 * to render a role card, and the limits below already hold by construction.
 * test/discord/render.test.ts checks every limit against Discord's documented rules.
 */
type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A message body as the API takes it: POST /channels/{id}/messages or an interaction response. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: MessageRow[];
  /** Always { parse: [] }: nothing in a RoleCall message may notify anyone. */
  allowed_mentions: { parse: [] };
  flags?: MessageFlags.Ephemeral;
}

export interface RenderOptions {
  /** 'channel' (a spotlight post) never sets the ephemeral flag, which only interactions accept. */
  target?: 'interaction' | 'channel';
}

const TONE_COLOUR: Record<View['tone'], number> = { info: 0x5865f2, success: 0x57f287, warning: 0xfee75c, error: 0xed4245 };
/** Prefix of select menus' custom ids; the chosen option's value carries the invocation. */
export const SELECT_ID_PREFIX = 'rcsel:';
const SHORTENED = ' · Shortened to fit Discord';
/** Widest table line that still reads on a phone without wrapping. */
const MAX_TABLE_WIDTH = 60;
const MIN_USEFUL_VALUE = 40;
const TABLE_FIELD = 'At a glance';
const BLANK = '\u200b';

/** Renders a View into one Discord message that is within every documented limit. */
export function renderForDiscord(view: View, opts: RenderOptions = {}): DiscordMessage {
  const message: DiscordMessage = {
    embeds: [renderEmbed(view)],
    components: renderComponents(view.actions),
    allowed_mentions: { parse: [] },
  };
  if (view.private && (opts.target ?? 'interaction') === 'interaction') message.flags = MessageFlags.Ephemeral;
  return message;
}

/**
 * Escapes text cut to `max` first: escaping only lengthens text, and escaping what could never be
 * shown would only cost time.
 */
const esc = (text: string, max: number) => escapeText(clip(text, max));

interface Budget {
  left: number;
  fields: APIEmbedField[];
  dropped: boolean;
}

/** Adds one field if it fits; a value that does not fit is cut when enough room is left to be useful. */
function addField(b: Budget, name: string, value: string, inline: boolean): boolean {
  if (b.fields.length >= L.fields || b.left < name.length + 1) {
    b.dropped = true;
    return false;
  }
  let v = value;
  if (name.length + v.length > b.left) {
    if (b.left - name.length < MIN_USEFUL_VALUE) {
      b.dropped = true;
      return false;
    }
    v = clip(v, b.left - name.length);
    b.dropped = true;
  }
  b.fields.push({ name, value: v, inline });
  b.left -= name.length + v.length;
  return v === value;
}

/** A long value continues in further fields named "… (cont.)" rather than being cut. */
function addSplitField(b: Budget, label: string, text: string, inline: boolean): void {
  const name = clip(esc(label, L.fieldName), L.fieldName) || BLANK;
  const chunks = splitLines(text.trim() ? text : '—', L.fieldValue);
  const more = clip(`${esc(label, L.fieldName)} (cont.)`, L.fieldName);
  for (const [i, chunk] of chunks.entries()) {
    if (!addField(b, i === 0 ? name : more, chunk, inline && chunks.length === 1)) break;
  }
}

function sectionText(body: string | undefined, items: string[] | undefined): string {
  const lines = body ? [esc(body, L.embedTotal)] : [];
  let size = lines[0]?.length ?? 0;
  for (const item of items ?? []) {
    if (size > L.embedTotal) break; // the rest could not be shown anyway
    const line = `• ${esc(item, L.fieldValue)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** The table as a monospace block, or undefined when it would not fit a field or a phone's width. */
export function tableBlock(table: Table): string | undefined {
  const cell = (s: string) => plainText(s).replace(/`/g, "'").slice(0, 24);
  const grid = monospaceGrid([table.columns, ...table.rows].map((r) => r.map(cell)));
  if (grid.width > MAX_TABLE_WIDTH) return undefined;
  const lines = grid.lines;
  const block = ['```', ...lines, '```'].join('\n');
  return block.length <= L.fieldValue ? block : undefined;
}

/**
 * Priority when space runs out: title and footer, then the key-figure fields, the description
 * (at most half of what is left when fields follow), the sections, and last the table.
 */
function renderEmbed(view: View): APIEmbed {
  const title = clip(esc(view.title, L.title), L.title) || 'RoleCall';
  const footer = view.footer ? clip(plainText(`${view.footer.source} · data as of ${view.footer.asOf}`), L.footer - SHORTENED.length) : '';
  // What a question was understood as opens the answer ("Comparing AI Engineer and ML Engineer"):
  // the embed's author line, plain text in Discord (no markdown, no mentions), within the title's 256.
  const understood = view.understood ? clip(plainText(view.understood), L.title) : '';
  const b: Budget = { left: L.embedTotal - title.length - understood.length - footer.length - SHORTENED.length, fields: [], dropped: false };

  const description = view.description ? esc(view.description, L.description) : '';
  const hasMore = view.fields.length + view.sections.length > 0;
  const descriptionRoom = Math.min(L.description, hasMore ? Math.floor(b.left / 2) : b.left);
  const shownDescription = clip(description, descriptionRoom);
  if (shownDescription !== description) b.dropped = true;
  b.left -= shownDescription.length;

  const full = () => b.fields.length >= L.fields || b.left < MIN_USEFUL_VALUE;
  for (const f of view.fields) {
    if (full()) b.dropped = true;
    else addSplitField(b, f.label, esc(f.value, L.embedTotal), Boolean(f.inline));
  }
  for (const s of view.sections) {
    if (full()) b.dropped = true;
    else addSplitField(b, s.heading, sectionText(s.body, s.items), false);
  }
  // The table repeats figures the fields carry, so it is shown only when it fits whole.
  const block = view.table ? tableBlock(view.table) : undefined;
  if (block && b.fields.length < L.fields && b.left >= TABLE_FIELD.length + block.length) addField(b, TABLE_FIELD, block, false);

  const embed: APIEmbed = { title, color: TONE_COLOUR[view.tone] };
  if (understood) embed.author = { name: understood };
  if (shownDescription) embed.description = shownDescription;
  if (b.fields.length > 0) embed.fields = b.fields;
  const footerText = `${footer}${b.dropped ? SHORTENED : ''}`.replace(/^ · /, '');
  if (footerText) embed.footer = { text: footerText };
  return embed;
}

// Over 100 characters (Discord's custom_id limit): the action is left out rather than rejected by Discord.
const customId = (invoke: Invocation): string | undefined => encodeOrDrop(invoke);

function buttonFor(action: ButtonAction, used: Set<string>): APIButtonComponentWithCustomId | undefined {
  const id = customId(action.invoke);
  if (!id || used.has(id)) return undefined; // Discord rejects duplicate custom ids in a message
  used.add(id);
  return {
    type: ComponentType.Button,
    custom_id: id,
    label: clip(plainText(action.label), L.buttonLabel).trim() || 'Open',
    style: action.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
  };
}

/** A link button (ButtonStyle.Link): it opens the URL and sends no interaction. */
function linkFor(action: LinkAction): APIButtonComponentWithURL | undefined {
  if (action.url.length > L.buttonUrl || !/^https?:\/\//.test(action.url)) return undefined;
  return { type: ComponentType.Button, style: ButtonStyle.Link, url: action.url, label: clip(plainText(action.label), L.buttonLabel).trim() || 'Open' };
}

function selectFor(action: SelectAction, index: number): APIStringSelectComponent | undefined {
  const values = new Set<string>();
  const options: APISelectMenuOption[] = [];
  for (const option of action.options) {
    const value = customId(option.invoke);
    if (!value || values.has(value) || options.length >= L.selectOptions) continue;
    values.add(value);
    const description = option.description ? clip(plainText(option.description), L.optionDescription).trim() : '';
    options.push({ label: clip(plainText(option.label), L.optionLabel).trim() || value, value, ...(description ? { description } : {}) });
  }
  if (options.length === 0) return undefined;
  const placeholder = clip(plainText(action.placeholder), L.placeholder).trim();
  return { type: ComponentType.StringSelect, custom_id: `${SELECT_ID_PREFIX}${index}`, ...(placeholder ? { placeholder } : {}), options };
}

/** Buttons share rows of five in order; each select takes a row; at most five rows. */
function renderComponents(actions: Action[]): MessageRow[] {
  const rows: MessageRow[] = [];
  const used = new Set<string>();
  let buttons: APIButtonComponent[] = [];
  const flush = () => {
    if (buttons.length > 0 && rows.length < L.rows) rows.push({ type: ComponentType.ActionRow, components: buttons });
    buttons = [];
  };
  actions.forEach((action, index) => {
    if (action.type === 'button' || action.type === 'link') {
      const button = action.type === 'link' ? linkFor(action) : buttonFor(action, used);
      if (button) buttons.push(button);
      if (buttons.length === L.buttonsPerRow) flush();
      return;
    }
    flush();
    const select = selectFor(action, index);
    if (select && rows.length < L.rows) rows.push({ type: ComponentType.ActionRow, components: [select] });
  });
  flush();
  return rows;
}
