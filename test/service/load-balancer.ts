import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Routed {
  /** Index of the backend that answered (or failed) the request's last attempt. */
  backend: number;
  status: number;
  /** From the request's arrival to the end of its answer. */
  latencyMs: number;
  /** Backends that refused the connection first (down), in order. */
  refusedBy: number[];
  /** The request's path, and when it arrived (performance.now()), for a failure's message. */
  path: string;
  arrivedAt: number;
}

/**
 * A loopback load balancer for tests, like the one in front of replicas in production: round
 * robin over the backends, and a backend that refuses connections is taken out and the request
 * tried on the next one (nothing reached the dead one, so that is safe). A backend that dies
 * while answering leaves its request with a 502, as a real balancer would.
 */
export class LoadBalancer {
  readonly log: Routed[] = [];
  private readonly down = new Set<number>();
  private next = 0;
  private server: Server | undefined;

  constructor(private readonly backends: number[]) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const started = performance.now();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const refusedBy: number[] = [];
        const attempt = () => {
          const backend = this.pick();
          if (backend === undefined) {
            res.writeHead(503).end();
            this.log.push({ backend: -1, status: 503, latencyMs: performance.now() - started, refusedBy, path: req.url ?? '', arrivedAt: started });
            return;
          }
          const upstream = request(
            { host: '127.0.0.1', port: this.backends[backend], method: req.method, path: req.url, headers: req.headers },
            (answer: IncomingMessage) => {
              const parts: Buffer[] = [];
              let finished = false;
              answer.on('data', (c: Buffer) => parts.push(c));
              answer.on('end', () => {
                finished = true;
                res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(parts));
                this.log.push({
                  backend,
                  status: answer.statusCode ?? 502,
                  latencyMs: performance.now() - started,
                  refusedBy,
                  path: req.url ?? '',
                  arrivedAt: started,
                });
              });
              // The backend died while answering: a 502, as a real balancer gives.
              const broken = () => {
                if (finished) return;
                finished = true;
                this.down.add(backend);
                if (!res.headersSent) res.writeHead(502).end();
                else res.destroy();
                this.log.push({ backend, status: 502, latencyMs: performance.now() - started, refusedBy, path: req.url ?? '', arrivedAt: started });
              };
              answer.on('error', broken);
              answer.on('close', broken);
            },
          );
          upstream.on('error', (err: NodeJS.ErrnoException) => {
            if (err.code === 'ECONNREFUSED') {
              this.down.add(backend);
              refusedBy.push(backend);
              attempt();
              return;
            }
            this.down.add(backend);
            if (!res.headersSent) res.writeHead(502).end();
            this.log.push({ backend, status: 502, latencyMs: performance.now() - started, refusedBy, path: req.url ?? '', arrivedAt: started });
          });
          upstream.end(body);
        };
        attempt();
      });
    });
    // Longer than any client's idle reuse, so a kept-alive connection is never closed under a request.
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private pick(): number | undefined {
    for (let i = 0; i < this.backends.length; i++) {
      const candidate = (this.next + i) % this.backends.length;
      if (!this.down.has(candidate)) {
        this.next = candidate + 1;
        return candidate;
      }
    }
    return undefined;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
