import { ApplicationCommandOptionType, type APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { Core } from '../../core/index.js';
import { plainText } from './escape.js';
import { clip, cut, DISCORD_LIMITS as L } from './limits.js';

/** Reading a slash command's options, and the choices autocomplete answers with. */

export type Choice = APIApplicationCommandOptionChoice<string>;

/** An option as the payload carries it (`data.options`), nested under subcommands. */
export interface OptionLike {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean | undefined;
  options?: readonly OptionLike[] | undefined;
}

/** Chat-input options as the command's raw input; subcommands become `subcommand` / `subcommandGroup`. */
export function optionsToRaw(options: readonly OptionLike[]): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  const walk = (list: readonly OptionLike[]) => {
    for (const o of list) {
      if (o.type === ApplicationCommandOptionType.SubcommandGroup) entries.push(['subcommandGroup', o.name]);
      else if (o.type === ApplicationCommandOptionType.Subcommand) entries.push(['subcommand', o.name]);
      else entries.push([o.name, o.value]);
      if (o.options) walk(o.options);
    }
  };
  walk(options);
  // fromEntries defines own properties, so an option named "__proto__" cannot reach the prototype.
  return Object.fromEntries(entries);
}

/** The option being typed in an autocomplete request, wherever it sits under subcommands. */
export function focusedOption(options: readonly OptionLike[]): { name: string; value: string } | undefined {
  for (const o of options) {
    if (o.focused) return { name: o.name, value: o.value === undefined ? '' : String(o.value) };
    const inner = o.options ? focusedOption(o.options) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** Role names ranked by the core's resolver; the user's own text when nothing matches. */
export function roleChoices(core: Core, typed: string): Choice[] {
  const query = typed.trim();
  const roles = core.suggest(query, L.choices);
  if (roles.length > 0) return roles.map((r) => ({ name: r.name, value: r.name }));
  return query ? [{ name: query, value: query }] : [];
}

/** At most 25 choices, unique values, names 1–100 and values ≤ 100 characters. */
export function tidyChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    const value = cut(c.value, L.choiceValue);
    if (!value.trim() || seen.has(value) || out.length >= L.choices) continue;
    seen.add(value);
    out.push({ name: clip(plainText(c.name), L.choiceName).trim() || value, value });
  }
  return out;
}
