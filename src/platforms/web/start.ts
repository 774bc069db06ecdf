import type { HttpRoute, RunningPlatform, ServiceContext } from '../shared/platform.js';
import { createWebPages } from './site.js';

/**
 * Starts the pages in the service: their routes on the one HTTP server, rendered from the same
 * Dispatcher the chat platforms use. The index and every role page render in the background
 * (`warm`), so start-up does not wait for vega; a request before then renders its page itself.
 */
export async function startWebPlatform(ctx: ServiceContext): Promise<RunningPlatform> {
  const { env, dispatcher } = ctx;
  const publicUrl = env.ROLECALL_PUBLIC_URL;
  // The list starts this platform only when the URL is set (index.ts `configured`).
  if (!publicUrl) throw new Error('ROLECALL_PUBLIC_URL is not set');
  const logger = ctx.logger.child({ component: 'web' });
  const pages = createWebPages({
    core: dispatcher.core,
    dispatcher,
    publicUrl,
    onError: (err, context) => logger.error({ err, ...context }, `a page's ${context.what} could not be rendered`),
  });
  let warmed = false;
  const warming = pages.warm().then(
    () => {
      warmed = true;
    },
    (err: unknown) => logger.error({ err }, 'the pages could not be rendered ahead of time; each renders on its first request'),
  );
  // WEB_ROUTES' prefixes end in '/', which is how the HTTP server's routes say "everything below".
  const routes: HttpRoute[] = pages.routes.map((r) => ({ path: r.path, listener: pages.listener }));
  return {
    routes,
    health: () => ({ ok: true, detail: `serving the pages (data ${pages.snapshot}${warmed ? '' : ', still rendering ahead'})` }),
    async stop() {
      // Nothing to close: the HTTP server ends open requests; only let the background render settle.
      await warming;
    },
  };
}
