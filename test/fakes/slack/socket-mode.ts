import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { Recorder, type WaitOptions } from './recorder.js';

/** What the app sent back for an envelope: its id, and the optional response payload. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/**
 * Slack's end of Socket Mode, as documented (docs.slack.dev/apis/events-api/using-socket-mode):
 * apps.connections.open, called with the app-level token, answers a one-use WebSocket URL;
 * on connect Slack sends `hello`; every event, slash command and interaction then arrives as an
 * envelope `{ envelope_id, type, payload, accepts_response_payload, … }`, and the app acks it by
 * sending `{ envelope_id, payload? }` back on the socket. Served on the fake Web API's own port.
 */
export class FakeSocketMode {
  readonly acks = new Recorder<SocketAck>((a) => `${a.envelope_id} ${JSON.stringify(a.payload ?? null).slice(0, 120)}`);
  /** How many sockets have connected with a valid ticket. */
  connections = 0;
  /** false: hold each new socket's `hello` until `hello()` (a socket Slack has not yet greeted). */
  autoHello = true;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private socket: WebSocket | undefined;

  /** apps.connections.open's answer: a URL with a fresh ticket, valid for one connection. */
  open(base: string, appId: string): { ok: true; url: string } {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return { ok: true, url: `${base.replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=${appId}` };
  }

  /** The HTTP server's `upgrade` handler: accepts /link/ with an unused ticket, refuses the rest. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.connections += 1;
      this.socket = ws;
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as SocketAck;
        if (typeof ack.envelope_id === 'string') this.acks.push(ack);
      });
      ws.on('close', () => {
        if (this.socket === ws) this.socket = undefined;
      });
      if (this.autoHello) this.hello();
    });
  }

  /** Whether a socket is open now. */
  get connected(): boolean {
    return this.socket !== undefined;
  }

  /** Greets the open socket, as Slack does once the connection is ready for envelopes. */
  hello(): void {
    this.send({
      type: 'hello',
      num_connections: 1,
      debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: 'A0ROLECALL' },
    });
  }

  /** Sends an envelope and waits for the app's ack of it. */
  async deliver(type: EnvelopeType, payload: Record<string, unknown>, opts: WaitOptions = {}): Promise<SocketAck> {
    const envelopeId = randomUUID();
    this.send({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' });
    const [ack] = await this.acks.waitFor((a) => a.envelope_id === envelopeId, opts);
    return ack!;
  }

  private send(message: Record<string, unknown>): void {
    if (!this.socket) throw new Error('no Socket Mode connection is open');
    this.socket.send(JSON.stringify(message));
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
