import { consoleChat } from './console/index.js';
import { discord } from './discord/index.js';
import { PLATFORM_NAMES, type PlatformName, type SpotlightPlatform } from './names.js';
import type { Platform, ServicePlatform, SpotlightSupport } from './shared/platform.js';
import { slack } from './slack/index.js';
import { web } from './web/index.js';

/**
 * The platform list: every front end, one Platform each, in the order of PLATFORM_NAMES. The
 * composition roots loop over it and reach a platform only through its index.ts (a
 * dependency-cruiser rule), and every index.ts is light, so importing the list loads no SDK.
 * Typed by name, so a name without its platform, or a platform without its name, does not compile.
 */
const byName = { discord, slack, web, console: consoleChat } satisfies { readonly [N in PlatformName]: Platform<N> };

export const platforms: readonly Platform[] = PLATFORM_NAMES.map((name) => byName[name]);

/** The platforms the service starts when they are configured. */
export const servicePlatforms: readonly ServicePlatform[] = platforms.filter((p): p is ServicePlatform => p.mode === 'service');

/** A platform a channel can subscribe to the spotlight on, with what `rolecall spotlight` needs from it. */
export function spotlightPlatform(name: SpotlightPlatform): ServicePlatform<SpotlightPlatform> & { spotlight: SpotlightSupport } {
  return byName[name];
}
