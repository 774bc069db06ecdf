import type { Env } from '../../config/env.js';

/** What Discord needs from the configuration to start, in plain words (the Platform's configProblems). */
export function discordConfigProblems(env: Pick<Env, 'DISCORD_TOKEN' | 'DISCORD_APPLICATION_ID'>): string[] {
  return [
    ...(env.DISCORD_TOKEN ? [] : ['DISCORD_TOKEN: required to start the Discord bot']),
    ...(env.DISCORD_APPLICATION_ID ? [] : ['DISCORD_APPLICATION_ID: required to start the Discord bot']),
  ];
}
