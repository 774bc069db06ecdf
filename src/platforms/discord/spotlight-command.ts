import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type SlashCommandSubcommandBuilder } from 'discord.js';
import type { Choice } from '../../../commands/command.js';
import { DIFFICULTY_CHOICES, LAYER_CHOICES } from '../../../commands/roles.js';
import { DAY_NAMES } from '../../spotlight/input.js';
import type { DiscordCommandExtension } from './extension.js';
import { spotlightHooks } from './spotlight-access.js';

/**
 * /spotlight as deployed: the slash command with subcommands (registered by discord:deploy
 * through extensions.ts). The command itself (commands/spotlight.ts) runs through the
 * Dispatcher like any other; its access and autocomplete at run time are in spotlight-access.ts.
 */

const choicesOf = (choices: readonly Choice[]) => [...choices.map((c) => ({ name: c.label, value: c.value })), { name: 'All (no filter)', value: 'all' }];

function subscribeOptions(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return s
    .setName('subscribe')
    .setDescription('Post one role spotlight here every week (run again to change it)')
    .addStringOption((o) =>
      o
        .setName('day')
        .setDescription('Day of the week (default Monday)')
        .addChoices(...DAY_NAMES.map((d) => ({ name: d, value: d.toLowerCase() }))),
    )
    .addStringOption((o) => o.setName('time').setDescription('Local time, 24-hour HH:MM (default 15:00)').setMinLength(4).setMaxLength(5))
    .addStringOption((o) => o.setName('timezone').setDescription('IANA timezone, e.g. Europe/London (default UTC)').setAutocomplete(true).setMaxLength(64))
    .addStringOption((o) =>
      o
        .setName('layer')
        .setDescription('Only roles in this layer of the AI stack')
        .addChoices(...choicesOf(LAYER_CHOICES)),
    )
    .addStringOption((o) =>
      o
        .setName('difficulty')
        .setDescription('Only roles of this entry difficulty')
        .addChoices(...choicesOf(DIFFICULTY_CHOICES)),
    )
    .addBooleanOption((o) => o.setName('thread').setDescription('Open a discussion thread with one question under each weekly post'));
}

/**
 * Default member permissions: Manage Channels. (The field needs every bit it names, so it cannot
 * say "Manage Channels or Manage Server"; the run-time check accepts either, and server admins
 * can widen who sees the command under Server Settings → Integrations.)
 */
export const spotlightSlashCommand = new SlashCommandBuilder()
  .setName('spotlight')
  .setDescription('Weekly role spotlight for this channel (channel managers)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addSubcommand(subscribeOptions)
  .addSubcommand((s) => s.setName('unsubscribe').setDescription('Stop the weekly spotlight in this channel'))
  .addSubcommand((s) => s.setName('pause').setDescription('Pause the weekly spotlight until resumed'))
  .addSubcommand((s) => s.setName('resume').setDescription('Resume a paused spotlight (retries this week’s if it failed)'))
  .addSubcommand((s) => s.setName('status').setDescription('Schedule, next post and recent weeks'))
  .addSubcommand((s) => s.setName('preview').setDescription('The next spotlight, shown only to you'))
  .addSubcommand((s) => s.setName('now').setDescription('Post this week’s spotlight now, unless it was posted'))
  .toJSON();

export const spotlightExtension: DiscordCommandExtension = { ...spotlightHooks, data: spotlightSlashCommand };
