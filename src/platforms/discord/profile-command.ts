import { SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import { MAX_OPTION_LENGTH } from '../../../commands/command.js';
import { MAX_SKILL_LENGTH, MAX_SKILLS_TEXT } from '../../../commands/profile-data.js';
import type { DiscordCommandExtension } from './extension.js';
import { EVERYWHERE } from './installs.js';

/**
 * /profile as deployed: subcommands, built with discord.js's builders (deploy only). The command
 * itself (commands/profile.ts) runs through the Dispatcher; its role options are completed from
 * the resolver (no hook: that is the handler's default) and its answers are ephemeral.
 */

const role = (name: string, description: string) => (o: SlashCommandStringOption) =>
  o.setName(name).setDescription(description).setAutocomplete(true).setMaxLength(MAX_OPTION_LENGTH);

export const profileSlashCommand = new SlashCommandBuilder()
  .setName('profile')
  .setDescription('Your saved career profile: personalises every answer (only you see it)')
  .setContexts(...EVERYWHERE.contexts)
  .setIntegrationTypes(...EVERYWHERE.integrationTypes)
  .addSubcommand((s) => s.setName('show').setDescription('Your saved profile'))
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription('Save your roles, market and skills (an option left out keeps its value; none clears it)')
      .addStringOption(role('current', 'Your current role (none clears it)'))
      .addStringOption(role('goal', 'The role you want next (none clears it)'))
      .addStringOption((o) =>
        o
          .setName('market')
          .setDescription('Your market')
          .addChoices({ name: 'US', value: 'us' }, { name: 'India', value: 'india' }, { name: 'UK', value: 'uk' }, { name: 'None (clear)', value: 'none' }),
      )
      .addStringOption((o) =>
        o.setName('skills').setDescription('Your skills, separated by commas (replaces the saved list; none clears it)').setMaxLength(MAX_SKILLS_TEXT),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('learned')
      .setDescription('Add one skill to your profile')
      .addStringOption((o) => o.setName('skill').setDescription('The skill').setRequired(true).setMaxLength(MAX_SKILL_LENGTH)),
  )
  .addSubcommand((s) =>
    s
      .setName('forget')
      .setDescription('Remove one skill from your profile')
      .addStringOption((o) => o.setName('skill').setDescription('The skill').setRequired(true).setMaxLength(MAX_SKILL_LENGTH)),
  )
  .addSubcommand((s) => s.setName('export').setDescription('Everything RoleCall stores about you, as JSON'))
  .addSubcommand((s) => s.setName('delete').setDescription('Erase your profile completely'))
  .toJSON();

export const profileExtension: DiscordCommandExtension = { data: profileSlashCommand };
