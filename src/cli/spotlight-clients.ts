import type { Env } from '../config/env.js';
import { spotlightPlatform } from '../platforms/index.js';
import type { SpotlightPlatform } from '../platforms/names.js';
import type { SpotlightClient } from '../platforms/shared/platform.js';
import type { PostCheck, SpotlightPoster } from '../spotlight/poster.js';
import type { ChannelKey } from '../store/spotlight-store.js';
import type { Store } from '../store/store.js';
import { TokenCipher } from '../store/token-cipher.js';

/**
 * REST-only platform clients for `rolecall spotlight`, one per platform asked for, from the same
 * variables as the service, with no gateway login or socket (each platform's `spotlight.open`).
 * Each token is tried once up front, so a rejected one is one clear line instead of a paused
 * channel per subscription.
 */

export interface PlatformClients {
  posters: SpotlightPoster[];
  /** Platforms asked for whose token is not set here: their spotlights are left to another run. */
  unconfigured: SpotlightPlatform[];
  /** Platforms whose token was rejected or could not be tried, with the reason. */
  problems: string[];
  /** Can the bot post in the channel? `by` is the member the check is shown to, where the platform needs one. */
  canPost(channel: ChannelKey, by?: string): Promise<PostCheck>;
  close(): void;
}

export interface ClientOptions {
  /** Pacing overrides (tests, benchmarks); null turns pacing off. */
  maxPerSecond?: Partial<Record<SpotlightPlatform, number | null>>;
}

/** The variable whose token posts on `platform`: "DISCORD_TOKEN is not set here". */
export function tokenVariable(platform: SpotlightPlatform): string {
  return spotlightPlatform(platform).spotlight.tokenVariable;
}

/** `store` holds "Add to Slack" installations, whose tokens ROLECALL_ENCRYPTION_KEY seals. */
export async function openPlatformClients(env: Env, platforms: readonly SpotlightPlatform[], store: Store, opts: ClientOptions = {}): Promise<PlatformClients> {
  const cipher = env.ROLECALL_ENCRYPTION_KEY ? TokenCipher.fromText(env.ROLECALL_ENCRYPTION_KEY, env.ROLECALL_ENCRYPTION_KEY_PREVIOUS) : undefined;
  const opened = await Promise.all(
    platforms.map(async (platform): Promise<[SpotlightPlatform, SpotlightClient]> => {
      const maxPerSecond = opts.maxPerSecond?.[platform];
      const client = await spotlightPlatform(platform).spotlight.open({
        env,
        store,
        ...(cipher ? { cipher } : {}),
        ...(maxPerSecond === undefined ? {} : { maxPerSecond }),
      });
      return [platform, client];
    }),
  );
  const ready = new Map<SpotlightPlatform, Extract<SpotlightClient, { status: 'ready' }>>();
  const unconfigured: SpotlightPlatform[] = [];
  const problems: string[] = [];
  for (const [platform, client] of opened) {
    if (client.status === 'ready') ready.set(platform, client);
    else if (client.status === 'unconfigured') unconfigured.push(platform);
    else problems.push(client.reason);
  }
  const canPost = (channel: ChannelKey, by?: string): Promise<PostCheck> =>
    ready.get(channel.platform)?.canPost(channel, by) ??
    Promise.resolve({ ok: false, reason: `no working ${spotlightPlatform(channel.platform).label} client` });
  return {
    posters: [...ready.values()].map((c) => c.poster),
    unconfigured,
    problems,
    canPost,
    close() {
      for (const client of ready.values()) client.close();
    },
  };
}
