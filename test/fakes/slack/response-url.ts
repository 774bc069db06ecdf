import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tableBlockError } from './block-check.js';
import { closeServer, listen, parseBody, readBody } from './http.js';
import { Recorder, type WaitOptions } from './recorder.js';

/** What the app posted to one response_url. */
export interface RecordedResponse {
  /** The id in the URL, so a test can tell its requests' answers apart. */
  id: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  at: number;
}

/**
 * Stands in for Slack's response_url endpoints: hand `receiver.url()` to a signed request,
 * then await what the app answered there. Blocks Slack would refuse (a bad table, two tables)
 * get its 400 invalid_blocks and land in `rejected`, not `responses`.
 */
export class ResponseUrlReceiver {
  readonly responses = new Recorder<RecordedResponse>((r) => `${r.id} ${JSON.stringify(r.body).slice(0, 160)}`);
  readonly rejected: RecordedResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<ResponseUrlReceiver> {
    let receiver: ResponseUrlReceiver | undefined;
    const server = createServer((req, res) => {
      readBody(req)
        .then((raw) => {
          const id = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\/respond\//, ''));
          const response = { id, body: parseBody(raw, req.headers['content-type']), headers: req.headers, at: Date.now() };
          const invalid = tableBlockError(response.body.blocks);
          if (invalid) {
            receiver!.rejected.push(response);
            res.writeHead(400, { 'content-type': 'text/plain' });
            return void res.end(invalid);
          }
          receiver!.responses.push(response);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"ok":true}');
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
    const port = await listen(server);
    receiver = new ResponseUrlReceiver(server, port);
    return receiver;
  }

  /** A fresh response_url; pass an id to name it. */
  url(id: string = randomUUID()): string {
    return `http://127.0.0.1:${this.port}/respond/${encodeURIComponent(id)}`;
  }

  /** Waits for answers posted to the response_url with this id. */
  waitFor(id: string, opts: WaitOptions = {}): Promise<RecordedResponse[]> {
    return this.responses.waitFor((r) => r.id === id, opts);
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }
}
