import { SlashCommandBuilder } from 'discord.js';
import { commands as registry, type CommandDefinition, type OptionSpec } from '../../../commands/index.js';
import { MAX_OPTION_LENGTH } from '../../../commands/command.js';
import type { DiscordCommandExtension, SlashCommandJSON } from './extension.js';
import { discordExtensions } from './extensions.js';
import { EVERYWHERE } from './installs.js';
import { clip, DISCORD_LIMITS as L } from './limits.js';

/** Slash-command JSON for `discord:deploy`, built with discord.js's builders; never loaded to answer interactions. */

const description = (text: string) => clip(text, L.commandDescription) || '—';

function addOption(builder: SlashCommandBuilder, spec: OptionSpec): void {
  switch (spec.kind) {
    case 'role':
      // Role names are completed from the resolver; typed text up to the schema's limit is still accepted.
      builder.addStringOption((o) =>
        o.setName(spec.name).setDescription(description(spec.description)).setRequired(spec.required).setAutocomplete(true).setMaxLength(MAX_OPTION_LENGTH),
      );
      return;
    case 'text':
      builder.addStringOption((o) =>
        o.setName(spec.name).setDescription(description(spec.description)).setRequired(spec.required).setMaxLength(Math.min(spec.maxLength, 6000)),
      );
      return;
    case 'choice':
      builder.addStringOption((o) =>
        o
          .setName(spec.name)
          .setDescription(description(spec.description))
          .setRequired(spec.required)
          .addChoices(...spec.choices.slice(0, L.choices).map((c) => ({ name: clip(c.label, L.choiceName), value: c.value.slice(0, L.choiceValue) }))),
      );
      return;
  }
}

/** The slash command for one registry command: options in order, required ones first (Discord's rule). */
export function slashCommandFor(def: CommandDefinition): SlashCommandJSON {
  const builder = new SlashCommandBuilder()
    .setName(def.name)
    .setDescription(description(def.description))
    .setContexts(...EVERYWHERE.contexts)
    .setIntegrationTypes(...EVERYWHERE.integrationTypes);
  const ordered = [...def.options.filter((o) => o.required), ...def.options.filter((o) => !o.required)];
  for (const spec of ordered) addOption(builder, spec);
  return builder.toJSON();
}

/**
 * Everything `discord:deploy` registers: the registry's commands in order, each generated from its
 * definition unless an extension of that name replaces it (/spotlight), then any other extensions.
 */
export function buildSlashCommands(
  definitions: readonly CommandDefinition[] = registry,
  extensions: readonly DiscordCommandExtension[] = discordExtensions,
): SlashCommandJSON[] {
  const extra = new Map(extensions.map((e) => [e.data.name, e.data]));
  const names = new Set(definitions.map((d) => d.name));
  return [...definitions.map((d) => extra.get(d.name) ?? slashCommandFor(d)), ...[...extra.values()].filter((e) => !names.has(e.name))];
}
