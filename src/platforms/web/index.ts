import type { Env } from '../../config/env.js';
import { pageUrl } from '../../views/page-url.js';
import type { ServicePlatform } from '../shared/platform.js';

const configured = (env: Env): boolean => Boolean(env.ROLECALL_PUBLIC_URL);

/**
 * The public pages, as the platform list sees it: a service platform whose routes are the role,
 * comparison and path pages, with no poster and no spotlight. It is on whenever
 * ROLECALL_PUBLIC_URL is set, since that is the address every page links under; with no chat
 * platform configured the service runs it alone, so a community can host the pages by themselves.
 * Light on purpose: the pages (and vega, which their charts load) come with `import()` in `start`.
 */
export const web: ServicePlatform<'web'> = {
  name: 'web',
  label: 'Pages',
  mode: 'service',
  configured,
  // ROLECALL_PUBLIC_URL is checked as a URL where it is declared (src/config/env.ts); nothing else is needed.
  configProblems: () => [],
  setup: 'ROLECALL_PUBLIC_URL (the public address) to serve only the pages for every role',
  async landingLinks(env) {
    return env.ROLECALL_PUBLIC_URL ? [{ label: 'Browse the roles', href: pageUrl(env.ROLECALL_PUBLIC_URL, { kind: 'roles' }) }] : [];
  },
  async start(ctx) {
    const { startWebPlatform } = await import('./start.js');
    return startWebPlatform(ctx);
  },
};
