import * as z from 'zod';

/**
 * A workspace's settings (a Discord server, a Slack workspace), kept by /settings: the single
 * source of their shape. The store keeps them (src/store/settings-store.ts).
 */

/** The markets a workspace can default to (the salary command's, without "both"). */
export const SettingsMarket = z.enum(['us', 'india', 'uk'], { error: 'expected a market: us, india or uk' });
export type SettingsMarket = z.infer<typeof SettingsMarket>;

export const Visibility = z.enum(['public', 'private'], { error: 'expected a visibility: public or private' });
export type Visibility = z.infer<typeof Visibility>;

/** A Discord snowflake or a Slack channel id ("C0123ABC"); nothing else is a channel. */
export const ChannelId = z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'expected a channel id such as C0123ABC or 123456789012345678');

/** Caps that keep one workspace's row small. */
export const MAX_ANSWER_CHANNELS = 50;
export const MAX_CHANNEL_OVERRIDES = 200;

export const WorkspaceSettings = z.object({
  /** /salary's market when the question names none and the asker's profile has none. */
  market: SettingsMarket.optional(),
  /** Whether answers go to the asker alone (private) or the channel (public); absent: each platform's own default. */
  visibility: Visibility.optional(),
  /** Per channel id, the visibility there instead of `visibility`. */
  channelVisibility: z
    .record(ChannelId, Visibility)
    .refine((r) => Object.keys(r).length <= MAX_CHANNEL_OVERRIDES, `at most ${MAX_CHANNEL_OVERRIDES} channel overrides`)
    .default({}),
  /** The channels where RoleCall answers mentions and questions; absent: every channel. */
  answerIn: z.array(ChannelId).min(1).max(MAX_ANSWER_CHANNELS, `at most ${MAX_ANSWER_CHANNELS} channels`).optional(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;
