import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { randomBytes } from 'node:crypto';

/** Gateway opcodes, as documented. */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  heartbeats: number;
  /** Sessions refused a resume (op 9). */
  invalidSessions: number;
}

interface Session {
  id: string;
  seq: number;
  /** Dispatches kept for RESUME replay. */
  sent: GatewayPayload[];
  socket: WebSocket | null;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** READY's payload (without session_id / resume_gateway_url, which the gateway adds). */
  ready(): Record<string, unknown>;
  /** Dispatches to send after READY, e.g. GUILD_CREATE for each guild. */
  afterReady(): Array<{ t: string; d: unknown }>;
}

const REPLAY_BUFFER = 500;

/**
 * The gateway half of the fake: HELLO, IDENTIFY → READY (+ GUILD_CREATE), heartbeats and
 * ACKs, RESUME with replay of missed dispatches, and dispatches with increasing `s`.
 * Events: connection, identify, resume, heartbeat, ready, resumed, closed.
 */
export class FakeGateway extends EventEmitter {
  readonly stats: GatewayStats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, invalidSessions: 0 };
  /** Every IDENTIFY payload's `d` (token included), oldest first. */
  readonly identified: Array<Record<string, unknown>> = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private current: Session | null = null;
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly opts: GatewayOptions) {
    super();
  }

  /** Paths the HTTP server hands to us: the gateway URL and the resume URL. */
  static readonly PATHS = ['/gateway', '/gateway-resume'];

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, resumeUrl: string): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url, resumeUrl));
  }

  private send(ws: WebSocket, payload: GatewayPayload): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket, url: URL, resumeUrl: string): void {
    this.sockets.add(ws);
    this.stats.connections++;
    this.emit('connection', { path: url.pathname, query: Object.fromEntries(url.searchParams) });
    if (url.searchParams.get('v') !== '10') return void ws.close(4012, 'Invalid API version');
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') return void ws.close(4002, 'Decode error');
    let session: Session | null = null;
    ws.on('message', (data: RawData) => {
      let payload: GatewayPayload;
      try {
        payload = JSON.parse(data.toString()) as GatewayPayload;
      } catch {
        return void ws.close(4002, 'Decode error');
      }
      switch (payload.op) {
        case Op.Heartbeat:
          this.stats.heartbeats++;
          this.emit('heartbeat', payload.d);
          return this.send(ws, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        case Op.Identify: {
          if (session) return void ws.close(4005, 'Already authenticated');
          const d = payload.d as { token?: string };
          if (d?.token !== this.opts.token) return void ws.close(4004, 'Authentication failed');
          this.stats.identifies++;
          this.identified.push(payload.d as Record<string, unknown>);
          session = { id: randomBytes(16).toString('hex'), seq: 0, sent: [], socket: ws };
          this.sessions.set(session.id, session);
          this.current = session;
          this.emit('identify', payload.d);
          this.dispatchTo(session, 'READY', { ...this.opts.ready(), session_id: session.id, resume_gateway_url: resumeUrl });
          for (const event of this.opts.afterReady()) this.dispatchTo(session, event.t, event.d);
          this.emit('ready', session.id);
          return;
        }
        case Op.Resume: {
          const d = payload.d as { token?: string; session_id?: string; seq?: number };
          const known = d?.session_id ? this.sessions.get(d.session_id) : undefined;
          if (d?.token !== this.opts.token) return void ws.close(4004, 'Authentication failed');
          if (!known || typeof d.seq !== 'number' || d.seq > known.seq) {
            this.stats.invalidSessions++;
            return this.send(ws, { op: Op.InvalidSession, d: false, s: null, t: null });
          }
          this.stats.resumes++;
          session = known;
          if (known.socket && known.socket !== ws) known.socket.close(4000, 'Session resumed elsewhere');
          known.socket = ws;
          this.current = known;
          this.emit('resume', d);
          for (const missed of known.sent.filter((p) => (p.s ?? 0) > (d.seq ?? 0))) this.send(ws, missed);
          this.dispatchTo(known, 'RESUMED', null);
          this.emit('resumed', known.id);
          return;
        }
        case Op.PresenceUpdate:
        case Op.RequestGuildMembers:
          return;
        default:
          if (!session) return void ws.close(4003, 'Not authenticated');
          return void ws.close(4001, 'Unknown opcode');
      }
    });
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      if (session?.socket === ws) session.socket = null;
      this.emit('closed', code);
    });
    ws.on('error', () => undefined);
    this.send(ws, { op: Op.Hello, d: { heartbeat_interval: this.opts.heartbeatIntervalMs }, s: null, t: null });
  }

  private dispatchTo(session: Session, t: string, d: unknown): number {
    const payload: GatewayPayload = { op: Op.Dispatch, t, d, s: ++session.seq };
    session.sent.push(payload);
    if (session.sent.length > REPLAY_BUFFER) session.sent.splice(0, session.sent.length - REPLAY_BUFFER);
    if (session.socket) this.send(session.socket, payload);
    return payload.s!;
  }

  /** Sends a dispatch on the current session; while disconnected it is kept for the resume. */
  dispatch(t: string, d: unknown): number {
    if (!this.current) throw new Error('fake gateway: no session yet (the bot has not identified)');
    return this.dispatchTo(this.current, t, d);
  }

  get connected(): boolean {
    return this.current?.socket?.readyState === 1;
  }

  get sequence(): number {
    return this.current?.seq ?? 0;
  }

  /**
   * Drops the bot's connection. Code 4000 (default) lets it resume; 1000 makes discord.js start
   * a new session (IDENTIFY). `terminate` cuts the TCP connection without a close frame.
   */
  drop(opts: { code?: number; terminate?: boolean } = {}): void {
    const ws = this.current?.socket;
    if (!ws || !this.current) throw new Error('fake gateway: no open connection to drop');
    this.current.socket = null;
    if (opts.terminate) ws.terminate();
    else ws.close(opts.code ?? 4000, 'Dropped by the fake');
  }

  /** Asks the bot to reconnect and resume (op 7). */
  requestReconnect(): void {
    const ws = this.current?.socket;
    if (!ws) throw new Error('fake gateway: no open connection');
    this.send(ws, { op: Op.Reconnect, d: null, s: null, t: null });
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
