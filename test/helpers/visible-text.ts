import type { DiscordMessage } from '../../src/platforms/discord/render.js';
import type { Block } from '../../src/platforms/slack/blocks.js';

/*
 * How much text a rendered answer puts on the screen: what a person reads, as the renderer wrote
 * it (escapes and markup included, so never fewer than Discord or Slack show), measured against
 * SCREEN_CHARS (src/views/more.ts). Controls (buttons, selects) are not counted.
 */

/** Every embed's author, title, description, field names and values, and footer. */
export function discordVisibleText(message: DiscordMessage): string[] {
  const out: string[] = [];
  for (const embed of message.embeds) {
    for (const text of [embed.author?.name, embed.title, embed.description, embed.footer?.text]) if (text) out.push(text);
    for (const field of embed.fields ?? []) out.push(field.name, field.value);
  }
  return out;
}

interface TextObject {
  text: string;
}

/** Every header, section (text and fields), context and table cell text of a message's blocks. */
export function slackVisibleText(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const add = (t: TextObject | undefined) => {
    if (t?.text) out.push(t.text);
  };
  for (const block of blocks) {
    if (block.type === 'header') add(block.text);
    else if (block.type === 'section') {
      add(block.text);
      for (const field of block.fields ?? []) add(field);
    } else if (block.type === 'context') {
      for (const element of block.elements) if ('text' in element) add(element as TextObject);
    } else if ((block as { type: string }).type === 'table') {
      for (const row of (block as unknown as { rows: Array<Array<{ text?: string }>> }).rows) for (const cell of row) if (cell.text) out.push(cell.text);
    }
  }
  return out;
}

export const visibleLength = (texts: readonly string[]): number => texts.reduce((n, t) => n + t.length, 0);
