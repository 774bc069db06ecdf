import { type Env, isSlackOAuth } from '../../config/env.js';

/** What Slack needs from the configuration to start, in plain words (the Platform's configProblems). */
export function slackConfigProblems(env: Env): string[] {
  const oauth = isSlackOAuth(env);
  const socket = Boolean(env.SLACK_APP_TOKEN) && !oauth;
  return [
    ...(env.SLACK_BOT_TOKEN || oauth ? [] : ['SLACK_BOT_TOKEN: required to start Slack (or SLACK_CLIENT_ID for "Add to Slack" installs)']),
    ...(socket || env.SLACK_SIGNING_SECRET ? [] : ['SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)']),
    ...(oauth && !env.ROLECALL_ENCRYPTION_KEY ? ['ROLECALL_ENCRYPTION_KEY: required with SLACK_CLIENT_ID, to seal installed workspaces’ tokens'] : []),
  ];
}
