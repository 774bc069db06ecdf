import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../observability/metrics.js';
import { PAGE_HEADERS } from '../web/pages.js';

export interface ComponentHealth {
  ok: boolean;
  detail: string;
}

export type HealthReport = Record<string, ComponentHealth>;

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** Slack's request listener in HTTP mode, mounted at /slack/events (and /slack/* for actions). */
  slack?: RequestListener;
  health: () => Promise<HealthReport>;
  metrics: Metrics;
  /** The public page at / (Add to Slack, Add to Discord): server-rendered HTML. */
  landingPage?: string;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  /** Stops accepting connections and closes idle ones; resolves when all requests ended. */
  close(): Promise<void>;
}

/** The one HTTP server: Slack's events in HTTP mode, /healthz and /metrics. */
export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const report = await opts.health().catch((err: Error) => ({ service: { ok: false, detail: err.message } }));
      const ok = Object.values(report).every((c) => c.ok);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', components: report }));
      return;
    }
    if (path === '/metrics' && req.method === 'GET') {
      const body = await opts.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': opts.metrics.registry.contentType });
      res.end(body);
      return;
    }
    if (path === '/' && opts.landingPage !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, PAGE_HEADERS);
      res.end(req.method === 'HEAD' ? undefined : opts.landingPage);
      return;
    }
    if (opts.slack && path?.startsWith('/slack/')) {
      opts.slack(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const server = createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
