import type { CanPost } from '../src/spotlight/poster.js';
import type { SpotlightService } from '../src/spotlight/service.js';
import type { ChannelKey, Subscription } from '../src/store/spotlight-store.js';
import type { View } from '../src/views/view.js';

/** A refusal's `title` replaces the default "Only channel managers can do that" where the reason is another. */
export type Allowed = { ok: true } | { ok: false; reason: string; title?: string };

/** The service calls /spotlight makes; a narrow view of SpotlightService. */
export type SpotlightManager = Pick<SpotlightService, 'subscription' | 'subscribe' | 'unsubscribe' | 'pause' | 'resume' | 'status' | 'preview' | 'postNow'>;

/** What a front end hands /spotlight, per request, as `ctx.spotlight`. */
export interface SpotlightAccess {
  /** Absent when the spotlight is off in this process (SPOTLIGHT_ENABLED=false). */
  service?: SpotlightManager;
  /** The channel the command was run in (or the CLI's target); absent outside a channel (a DM). */
  channel?: ChannelKey;
  /** May the invoker manage this channel's spotlight? `current` is its subscription, if any. */
  authorize(current: Subscription | undefined): Promise<Allowed>;
  /** Can the bot post in the channel? Checked before subscribing; absent: not checked. */
  canPost?: CanPost;
  /**
   * A front end with no channels (the console) shows the workspace-wide rotation instead: then
   * only preview works, and a bare /spotlight previews.
   */
  featured?: () => View;
}
