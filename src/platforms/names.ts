/**
 * The names of RoleCall's front ends, kept apart from the platform list (./index.ts) so that the
 * store and the commands, which sit below the platforms, can name them without importing one.
 * The list holds exactly one Platform per name, and those that post the weekly spotlight are
 * exactly SPOTLIGHT_PLATFORMS: the compiler checks both there, and a test checks the store's
 * CHECK constraints against SPOTLIGHT_PLATFORMS. `web` (the public pages) is a platform with
 * routes and no chat: it posts no spotlight, so the store's constraints do not name it.
 */

export const PLATFORM_NAMES = ['discord', 'slack', 'web', 'console'] as const;

export type PlatformName = (typeof PLATFORM_NAMES)[number];

/** The platforms a channel can subscribe to the spotlight on: `spotlight_subscriptions.platform`. */
export const SPOTLIGHT_PLATFORMS = ['discord', 'slack'] as const satisfies readonly PlatformName[];

export type SpotlightPlatform = (typeof SPOTLIGHT_PLATFORMS)[number];
