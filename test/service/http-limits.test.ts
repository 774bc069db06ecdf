import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/index.js';
import { Metrics } from '../../src/observability/metrics.js';
import { bodyOf, startHttpServer, type RunningHttpServer } from '../../src/service/http-server.js';
import { JSON_TYPE, signedHeaders } from '../fakes/slack/index.js';
import { SIGNING_SECRET, SlackHarness } from '../slack/harness.js';

const MiB = 1024 * 1024;

/**
 * Streams `total` bytes at the server in 64 KiB chunks, stopping when it answers. Resolves with
 * the status and how many bytes had been written by then.
 */
function flood(port: number, total: number, headers: Record<string, string>): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/slack/events', headers });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, written });
      req.destroy();
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request bodies are capped before they are buffered', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await SlackHarness.start(createCore());
  });
  afterAll(async () => h?.close());

  it('a 256 MB unsigned POST with its Content-Length gets 413 at once, after a few MB at most', async () => {
    const total = 256 * MiB;
    const res = await flood(h.http.port, total, { 'content-type': JSON_TYPE, 'content-length': String(total) });
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(32 * MiB);
  });

  it('a chunked body (no Content-Length) is counted as it streams and refused past 1 MiB', async () => {
    const res = await flood(h.http.port, 256 * MiB, { 'content-type': JSON_TYPE, 'transfer-encoding': 'chunked' });
    expect(res.status).toBe(413);
    expect(res.written).toBeGreaterThan(1 * MiB);
    expect(res.written).toBeLessThan(32 * MiB);
  });

  it('a signed 900 KB event still reaches Bolt and is acknowledged', async () => {
    const body = JSON.stringify({
      token: 'x',
      team_id: h.api.teamId,
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'EvBIG',
      event_time: 1,
      event: { type: 'reaction_added', padding: 'p'.repeat(900_000) },
    });
    const res = await fetch(`http://127.0.0.1:${h.http.port}/slack/events`, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, JSON_TYPE), body });
    expect(res.status).toBe(200);
  });
});

/** A raw TCP connection; resolves `closed` with the time the server closed it. */
function rawSocket(port: number): { socket: Socket; closed: Promise<number> } {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.resume();
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  return { socket, closed };
}

describe('slow clients are disconnected', () => {
  let server: RunningHttpServer;
  const seen: number[] = [];
  beforeAll(async () => {
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      health: async () => ({ service: { ok: true, detail: 'up' } }),
      metrics: new Metrics(),
      routes: [
        {
          path: '/slack/',
          listener: (req, res) => {
            seen.push(bodyOf(req).length);
            res.writeHead(200).end();
          },
        },
      ],
      limits: {
        headersTimeoutMs: 300,
        requestTimeoutMs: 600,
        keepAliveTimeoutMs: 300,
        checkIntervalMs: 50,
        firstByteTimeoutMs: 300,
        maxConnectionsPerAddress: 20,
      },
    });
  });
  afterAll(async () => server?.close());

  it('closes 50 slow-loris sockets that trickle their headers', async () => {
    const started = Date.now();
    const sockets = Array.from({ length: 50 }, () => rawSocket(server.port));
    const trickle = setInterval(() => {
      for (const { socket } of sockets) if (!socket.destroyed) socket.write('X-Slow: 1\r\n');
    }, 50);
    for (const { socket } of sockets) socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\n');
    const closedAt = await Promise.all(sockets.map((s) => s.closed));
    clearInterval(trickle);
    for (const at of closedAt) expect(at - started).toBeLessThan(5_000);
    expect(seen).toEqual([]);
  });

  it('closes a socket whose body trickles past the request timeout, and an idle keep-alive socket', async () => {
    const slow = rawSocket(server.port);
    slow.socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n');
    const trickle = setInterval(() => !slow.socket.destroyed && slow.socket.write('a'), 50);
    const idle = rawSocket(server.port);
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const started = Date.now();
    const [slowClosed, idleClosed] = await Promise.all([slow.closed, idle.closed]);
    clearInterval(trickle);
    expect(slowClosed - started).toBeLessThan(5_000);
    expect(idleClosed - started).toBeLessThan(5_000);
    expect(seen).toEqual([]);
  });

  it('closes sockets that never send a byte, a little after the first-byte timeout', async () => {
    const started = Date.now();
    // Fewer than the per-address cap, so only the first-byte guard can close them.
    const sockets = Array.from({ length: 15 }, () => rawSocket(server.port));
    const closedAt = await Promise.all(sockets.map((s) => s.closed));
    // Node's own headersTimeout never starts for these: only the first-byte guard closes them.
    for (const at of closedAt) expect(at - started).toBeLessThan(5_000);
    expect(seen).toEqual([]);
  });

  it('caps connections per address: past the cap a new one is closed, one below still served', async () => {
    const held = Array.from({ length: 20 }, () => rawSocket(server.port));
    // Each held socket sends half a request line, so the first-byte guard leaves them be.
    await Promise.all(held.map(({ socket }) => new Promise<void>((resolve) => socket.once('connect', () => socket.write('GET /', () => resolve())))));
    const refused = rawSocket(server.port);
    let answer = '';
    refused.socket.on('data', (d: Buffer) => (answer += d.toString()));
    refused.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await refused.closed;
    expect(answer).toBe('');
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map((s) => s.closed));
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('still serves ordinary requests, giving routes the body it read', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(200);
    expect(seen).toEqual([5]);
  });
});
