import type { IncomingMessage } from 'node:http';

/** A request whose body has been read: Bolt's receivers look for exactly this field. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/** The body `startHttpServer` read for this request (empty for GET and friends). */
export function bodyOf(req: IncomingMessage): Buffer {
  return (req as BufferedRequest).rawBody ?? Buffer.alloc(0);
}

/**
 * Reads the request body into `req.rawBody`, refusing more than `max` bytes: at once when
 * Content-Length says so, else as soon as the streamed bytes pass it (chunked bodies). Nothing
 * past the cap is kept in memory.
 */
export function readCappedBody(req: IncomingMessage, max: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > max) {
    // Discard whatever arrives until the 413 closes the connection; nothing is kept.
    req.resume();
    return Promise.resolve('too-large');
  }
  if (declared === undefined && req.headers['transfer-encoding'] === undefined) {
    (req as BufferedRequest).rawBody = Buffer.alloc(0);
    return Promise.resolve((req as BufferedRequest).rawBody!);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too-large' | 'aborted') => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        req.resume();
        return finish('too-large');
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const body = Buffer.concat(chunks, size);
      (req as BufferedRequest).rawBody = body;
      finish(body);
    };
    // The client went away (or a timeout closed the socket) mid-body.
    const onAbort = () => finish('aborted');
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}
