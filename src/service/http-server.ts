import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../observability/metrics.js';
import type { HttpRoute } from '../platforms/shared/platform.js';
import { readCappedBody } from '../platforms/shared/request-body.js';
import { PAGE_HEADERS } from '../web/pages.js';
import { type ConnectionLimits, guardConnections } from './connection-guard.js';

export { bodyOf } from '../platforms/shared/request-body.js';

export interface ComponentHealth {
  ok: boolean;
  detail: string;
}

export type HealthReport = Record<string, ComponentHealth>;

/** Limits every route gets, so no route can be made to buffer a huge body or hold a socket forever. */
export interface HttpLimits extends ConnectionLimits {
  /** Largest request body accepted, in bytes; larger ones get 413 before they are buffered. */
  maxBodyBytes: number;
  /** Time to receive the request headers (slow-loris). */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above. */
  checkIntervalMs: number;
}

/**
 * Slack's payloads are at most a few hundred KB (a block_actions payload with a full message),
 * Discord's interactions less: 1 MiB leaves room and bounds memory. Slack expects an answer in
 * 3 s, so a request still arriving after 10 s is not one worth waiting for. A connection silent
 * for 5 s was not opened to ask anything; 100 connections from one address is more than Slack,
 * Discord or a load balancer's pool holds, and far less than a flood.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  firstByteTimeoutMs: 5_000,
  maxConnectionsPerAddress: 100,
};

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** The platforms' routes: Slack's /slack/ in HTTP mode, Discord's /discord/interactions (DISCORD_PUBLIC_KEY). */
  routes?: readonly HttpRoute[];
  /** Must answer at once (it reads state kept up to date elsewhere, never a slow dependency). */
  health: () => Promise<HealthReport>;
  metrics: Metrics;
  limits?: Partial<HttpLimits>;
  /** The public page at / (Add to Slack, Add to Discord): server-rendered HTML. */
  landingPage?: string;
  /**
   * ROLECALL_HEALTH_TOKEN: a request to /healthz that sends it as a bearer token sees each
   * component's detail. Everyone else sees only whether each is ok: the details name the
   * database, the Slack team and bot, and raw errors.
   */
  healthToken?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries the health token; compared in constant time. */
function isOperator(req: IncomingMessage, token: string | undefined): boolean {
  const header = req.headers.authorization;
  if (!token || typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

/** The report as the public sees it: each component's state, no detail. */
const publicReport = (report: HealthReport): Record<string, { ok: boolean }> =>
  Object.fromEntries(Object.entries(report).map(([name, c]) => [name, { ok: c.ok }]));

export interface RunningHttpServer {
  server: Server;
  port: number;
  /** Stops accepting connections and closes idle ones; resolves when all requests ended. */
  close(): Promise<void>;
}

function tooLarge(res: ServerResponse, max: number): void {
  // Closing the connection stops the client from sending the rest; it would only be thrown away.
  res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
  res.end(`request body larger than ${max} bytes`);
}

/** Every path the server answers, for the start-up log line: `/`, `/healthz`, `/metrics`, then the platforms' (`/slack/*`). */
export function routeList(opts: Pick<HttpServerOptions, 'routes' | 'landingPage'>): string[] {
  const platforms = (opts.routes ?? []).map((r) => (r.path.endsWith('/') ? `${r.path}*` : r.path));
  return [...(opts.landingPage === undefined ? [] : ['/']), '/healthz', '/metrics', ...platforms];
}

const matches = (route: HttpRoute, path: string) => (route.path.endsWith('/') ? path.startsWith(route.path) : path === route.path);

/**
 * The one HTTP server: the landing page at /, /healthz, /metrics, and the platforms' routes (Slack's
 * events in HTTP mode, Discord's HTTP interactions). Every request with a body is read here, up to
 * `maxBodyBytes` (Content-Length checked first, streamed bytes counted), before any route sees
 * it; routes read it with `bodyOf(req)` (Bolt finds it as `req.rawBody`).
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...opts.limits };
  const routes = opts.routes ?? [];
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const report = await opts.health().catch((err: Error) => ({ service: { ok: false, detail: err.message } }));
      const ok = Object.values(report).every((c) => c.ok);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      const components = isOperator(req, opts.healthToken) ? report : publicReport(report);
      res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', components }));
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
    const platform = path === undefined ? undefined : routes.find((r) => matches(r, path));
    if (platform) {
      platform.listener(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readCappedBody(req, limits.maxBodyBytes);
    if (body === 'too-large') return tooLarge(res, limits.maxBodyBytes);
    if (body === 'aborted') return;
    await route(req, res);
  };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    (req, res) => {
      handler(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
  );
  guardConnections(server, limits);
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
