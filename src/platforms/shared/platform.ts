import type { RequestListener } from 'node:http';
import type { Dispatcher } from '../../app/dispatch.js';
import type { Env } from '../../config/env.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { PostCheck, SpotlightPoster } from '../../spotlight/poster.js';
import type { SpotlightService } from '../../spotlight/service.js';
import type { ChannelKey } from '../../store/spotlight-store.js';
import type { Store } from '../../store/store.js';
import type { ProfileAccess } from '../../../commands/command.js';
import type { TokenCipher } from '../../store/token-cipher.js';
import type { LandingLink } from '../../web/pages.js';
import type { PlatformName, SpotlightPlatform } from '../names.js';

/**
 * The one contract every front end implements. Each `src/platforms/<name>/index.ts` exports one
 * Platform, the list in `src/platforms/index.ts` holds them, and the composition roots (the
 * service, the CLI, `npm start`) loop over that list. An index.ts stays light: it loads its SDK
 * with `import()` inside `start` (and `spotlight.open`), so importing the list loads no SDK.
 */

/** A route on the service's one HTTP server, which reads and caps every body before routing. */
export interface HttpRoute {
  /** An exact path (`/discord/interactions`), or a prefix ending in `/` (`/slack/`) taking every path below it. */
  path: string;
  listener: RequestListener;
}

export interface PlatformHealth {
  ok: boolean;
  detail: string;
}

/** What the service hands each platform it starts. */
export interface ServiceContext {
  env: Env;
  /** The one Dispatcher every front end runs commands through (`dispatcher.core` is the core). */
  dispatcher: Dispatcher;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  /** The weekly spotlight, when SPOTLIGHT_ENABLED: /spotlight manages it, the platform's poster posts it. */
  spotlight?: SpotlightService;
  /** Seals tokens in the store (ROLECALL_ENCRYPTION_KEY), when set: "Add to Slack" installations. */
  cipher?: TokenCipher;
}

/** What `npm start` hands the platform it runs in the foreground of a terminal. */
export interface TerminalContext {
  env: Env;
  dispatcher: Dispatcher;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number };
  color: boolean;
  /** Saved profiles (/profile), when the database (ROLECALL_DB) could be opened. */
  profiles?: ProfileAccess;
}

/** A started platform. */
export interface RunningPlatform {
  /** Mounted on the service's HTTP server. */
  routes: readonly HttpRoute[];
  /** Posts the weekly spotlight on this platform (when the spotlight is on). */
  poster?: SpotlightPoster;
  /** Must answer at once: /healthz serves it. */
  health(): PlatformHealth | Promise<PlatformHealth>;
  /**
   * Settles once the platform is connected (a gateway login); rejects when it cannot connect.
   * The service serves /healthz meanwhile and fails its start if this rejects.
   */
  ready?: Promise<void>;
  /** A foreground platform (the console chat): resolves when the person leaves. */
  done?: Promise<void>;
  /** Stops taking interactions and lets those in flight finish; safe to call twice. */
  stop(): Promise<void>;
}

/** How `rolecall spotlight` names a channel on this platform: `discord:<guild id>/<channel id>`. */
export interface SpotlightTarget {
  /** `discord:<guild id>/<channel id>` */
  syntax: string;
  /** What the ids look like, for the usage error: `17–20 digits each`. */
  hint: string;
  /** Why these cannot be this platform's ids, in words; undefined when they can. */
  problem(workspaceId: string, channelId: string): string | undefined;
}

export interface SpotlightClientOptions {
  env: Env;
  store: Store;
  cipher?: TokenCipher;
  /** A pacing override (tests, benchmarks); null turns pacing off. */
  maxPerSecond?: number | null;
}

/** A REST-only client for `rolecall spotlight`: no gateway login, no socket. */
export type SpotlightClient =
  | { status: 'ready'; poster: SpotlightPoster; canPost(channel: ChannelKey, by?: string): Promise<PostCheck>; close(): void }
  /** Its token is not set in this process: its spotlights are left to a run that has it. */
  | { status: 'unconfigured' }
  /** Its token was rejected or could not be tried, with the reason. */
  | { status: 'failed'; reason: string };

/** What `rolecall spotlight` needs from a platform that posts the weekly spotlight. */
export interface SpotlightSupport {
  /** The variable holding the token that posts: `DISCORD_TOKEN`. */
  tokenVariable: string;
  /** Every variable it reads, for the usage text. */
  variables: readonly string[];
  target: SpotlightTarget;
  /** Its post check is shown to a member of the channel (Slack): without one (`--by`) nothing is checked. */
  checkNeedsMember: boolean;
  /** Tries the token once, so a rejected one is one clear line rather than a paused channel per subscription. */
  open(opts: SpotlightClientOptions): Promise<SpotlightClient>;
}

interface PlatformBase<N extends PlatformName> {
  readonly name: N;
  /** For people: "Discord". */
  readonly label: string;
  /** Are its variables set? The service starts every service platform that is. */
  configured(env: Env): boolean;
  /** Its own configuration problems in plain words ("VARIABLE: what is wrong"); none when it can start. */
  configProblems(env: Env): string[];
  /** The variables that turn it on, for `npm start` with nothing configured. */
  readonly setup?: string;
  /** Its buttons on the landing page at `/`, from the configuration alone. */
  landingLinks?(env: Env): Promise<readonly LandingLink[]>;
}

/**
 * A platform in SPOTLIGHT_PLATFORMS (names.ts) must say what `rolecall spotlight` needs from it, and
 * one outside it must not: the compiler holds the names and the platforms' support equal.
 */
type SpotlightPart<N extends PlatformName> = N extends SpotlightPlatform ? { readonly spotlight: SpotlightSupport } : { readonly spotlight?: undefined };

/** Started by the service when configured; serves routes, posts the spotlight, reports health. */
export type ServicePlatform<N extends PlatformName = PlatformName> = PlatformBase<N> &
  SpotlightPart<N> & {
    readonly mode: 'service';
    start(ctx: ServiceContext): Promise<RunningPlatform>;
  };

/** Run by `npm start` in the foreground when no service platform is configured and a terminal is attached. */
export interface TerminalPlatform<N extends PlatformName = PlatformName> extends PlatformBase<N> {
  readonly mode: 'terminal';
  start(ctx: TerminalContext): Promise<RunningPlatform>;
}

export type Platform<N extends PlatformName = PlatformName> = ServicePlatform<N> | TerminalPlatform<N>;
