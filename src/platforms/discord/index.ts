import { isDiscordConfigured } from '../../config/env.js';
import type { ServicePlatform } from '../shared/platform.js';
import { discordConfigProblems } from './config.js';

const ID = /^\d{17,20}$/;

/**
 * Discord, as the platform list sees it. Light on purpose: the SDK modules load with `import()`
 * in `start` and `spotlight.open`, so importing this loads neither discord.js nor @discordjs/rest.
 */
export const discord: ServicePlatform<'discord'> = {
  name: 'discord',
  label: 'Discord',
  mode: 'service',
  configured: isDiscordConfigured,
  configProblems: discordConfigProblems,
  setup: 'DISCORD_TOKEN and DISCORD_APPLICATION_ID for Discord',
  async landingLinks(env) {
    if (!env.DISCORD_APPLICATION_ID) return [];
    const { inviteUrl, userInstallUrl } = await import('./invite.js');
    return [
      { label: 'Add to server', href: inviteUrl(env.DISCORD_APPLICATION_ID) },
      { label: 'Add to my apps', href: userInstallUrl(env.DISCORD_APPLICATION_ID) },
    ];
  },
  async start(ctx) {
    const { startDiscordPlatform } = await import('./start.js');
    return startDiscordPlatform(ctx);
  },
  spotlight: {
    tokenVariable: 'DISCORD_TOKEN',
    variables: ['DISCORD_TOKEN', 'DISCORD_API_URL'],
    target: {
      syntax: 'discord:<guild id>/<channel id>',
      hint: '17–20 digits each',
      problem: (guildId, channelId) =>
        !ID.test(guildId)
          ? `"${guildId}" is no Discord guild id: Discord ids are 17–20 digits`
          : !ID.test(channelId)
            ? `"${channelId}" is no Discord channel id: Discord ids are 17–20 digits`
            : undefined,
    },
    checkNeedsMember: false,
    async open(opts) {
      const { openDiscordSpotlight } = await import('./spotlight-client.js');
      return openDiscordSpotlight(opts);
    },
  },
};
