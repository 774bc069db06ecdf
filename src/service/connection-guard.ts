import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /**
   * A connection that sends no byte at all is closed after this. Node's headersTimeout starts
   * only with the first byte, so without this a silent socket stays open for good.
   */
  firstByteTimeoutMs: number;
  /**
   * Open connections one remote address may hold; more are closed on arrival. Behind a load
   * balancer every connection comes from its address: keep this above its pool size.
   */
  maxConnectionsPerAddress: number;
}

/**
 * Guards `server` against connections that hold a socket and say nothing: closes a socket that
 * has sent no byte after `firstByteTimeoutMs`, and caps the connections per remote address.
 * Node's own parser reads the socket's handle directly (no 'data' events), so the first byte is
 * seen through `bytesRead`.
 */
export function guardConnections(server: Server, limits: ConnectionLimits): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.maxConnectionsPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    const silent = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, limits.firstByteTimeoutMs);
    silent.unref();
    socket.once('close', () => {
      clearTimeout(silent);
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
