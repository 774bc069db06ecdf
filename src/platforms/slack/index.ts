import { isSlackConfigured, isSlackOAuth } from '../../config/env.js';
import type { ServicePlatform } from '../shared/platform.js';
import { slackConfigProblems } from './config.js';

/**
 * Slack, as the platform list sees it. Light on purpose: Bolt and the Web API client load with
 * `import()` in `start` and `spotlight.open`, so importing this loads no Slack package.
 */
export const slack: ServicePlatform<'slack'> = {
  name: 'slack',
  label: 'Slack',
  mode: 'service',
  configured: isSlackConfigured,
  configProblems: slackConfigProblems,
  setup:
    'SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) for one Slack workspace, ' +
    'or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and ROLECALL_ENCRYPTION_KEY for "Add to Slack"',
  async landingLinks(env) {
    if (!isSlackOAuth(env)) return [];
    // Only in "Add to Slack" mode, where Slack starts (and loads these modules) anyway.
    const { INSTALL_PATH } = await import('./oauth.js');
    return [{ label: 'Add to Slack', href: INSTALL_PATH }];
  },
  async start(ctx) {
    const { startSlackPlatform } = await import('./start.js');
    return startSlackPlatform(ctx);
  },
  spotlight: {
    tokenVariable: 'SLACK_BOT_TOKEN',
    variables: ['SLACK_BOT_TOKEN', 'SLACK_API_URL'],
    target: {
      syntax: 'slack:<team id>/<channel id>',
      hint: 'e.g. slack:T0123ABCD/C0456EFGH',
      // As Slack writes them: a letter, then 8 or more capitals and digits (T024BE7LD, C024BE91L).
      problem: (teamId, channelId) =>
        !/^[TE][A-Z0-9]{8,}$/.test(teamId)
          ? `"${teamId}" is no Slack team id: they start with T (or E) and 8 or more capitals and digits follow, e.g. T0123ABCD`
          : !/^[CGD][A-Z0-9]{8,}$/.test(channelId)
            ? `"${channelId}" is no Slack channel id: they start with C, G or D and 8 or more capitals and digits follow, e.g. C0456EFGH`
            : undefined,
    },
    // With only chat:write, the post check is an ephemeral message to a member of the channel.
    checkNeedsMember: true,
    async open(opts) {
      const { openSlackSpotlight } = await import('./spotlight-client.js');
      return openSlackSpotlight(opts);
    },
  },
};
