import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * One response body and everything HTTP can say about it: its ETag, how long it may be cached,
 * and its gzip and brotli forms, each made once, on the first request that asks for it, and
 * kept with the body. `respond` turns it into the answer to one request: 200, 304 on a matching
 * If-None-Match, no body for HEAD, the encoding the client accepts (with Vary).
 */

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bodies smaller than this are sent as they are: compressing would save less than its headers. */
const MIN_COMPRESS_BYTES = 1024;

type Coding = 'br' | 'gzip' | 'identity';

export interface PageRequest {
  method: string;
  /** The request target as it arrived: path and query ("/roles/mle?ref=x"). */
  url: string;
  headers: { 'if-none-match'?: string | undefined; 'accept-encoding'?: string | undefined };
}

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  /** Absent for HEAD, 304 and redirects. */
  body?: Buffer;
}

export interface RepresentationOptions {
  status: number;
  contentType: string;
  cacheControl: string;
  /** Headers sent with every answer from it (the page's CSP, nosniff). */
  headers?: Readonly<Record<string, string>>;
  /** Text compresses; a PNG does not. */
  compressible: boolean;
  /** Error pages: no ETag, so nothing revalidates them. */
  etag?: boolean;
}

export class Representation {
  readonly etag: string | undefined;
  private readonly encoded = new Map<Exclude<Coding, 'identity'>, Promise<Buffer>>();

  constructor(
    readonly body: Buffer,
    readonly opts: RepresentationOptions,
  ) {
    // A strong tag of the bytes: replicas that render the same snapshot agree on it.
    this.etag = opts.etag === false ? undefined : createHash('sha256').update(body).digest('hex').slice(0, 32);
  }

  private bodyFor(coding: Coding): Promise<Buffer> {
    if (coding === 'identity') return Promise.resolve(this.body);
    let p = this.encoded.get(coding);
    if (!p) {
      p =
        coding === 'br'
          ? // Quality 6: a role page in ~4 ms; 9 and above took ~100 ms for a few per cent less.
            brotli(this.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length } })
          : gzipAsync(this.body);
      this.encoded.set(coding, p);
      p.catch(() => this.encoded.delete(coding));
    }
    return p;
  }

  async respond(req: PageRequest, extra: Readonly<Record<string, string>> = {}): Promise<PageResponse> {
    const compress = this.opts.compressible && this.body.length >= MIN_COMPRESS_BYTES;
    const coding: Coding = compress ? negotiate(req.headers['accept-encoding']) : 'identity';
    const headers: Record<string, string> = { ...this.opts.headers, 'cache-control': this.opts.cacheControl, ...extra };
    if (compress) headers.vary = 'Accept-Encoding';
    // Each encoding is its own representation, so its own strong tag; any of them revalidates.
    if (this.etag) headers.etag = `"${this.etag}${coding === 'identity' ? '' : `-${coding}`}"`;
    if (this.etag && this.opts.status === 200 && matches(req.headers['if-none-match'], this.etag)) {
      return { status: 304, headers };
    }
    const body = await this.bodyFor(coding);
    headers['content-type'] = this.opts.contentType;
    headers['content-length'] = String(body.length);
    if (coding !== 'identity') headers['content-encoding'] = coding;
    return req.method === 'HEAD' ? { status: this.opts.status, headers } : { status: this.opts.status, headers, body };
  }
}

/** Brotli, then gzip, when Accept-Encoding allows them (q > 0, or `*`); else the body as it is. */
export function negotiate(accept: string | undefined): Coding {
  if (!accept) return 'identity';
  const q = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const allowed = (c: string) => (q.get(c) ?? q.get('*') ?? 0) > 0;
  return allowed('br') ? 'br' : allowed('gzip') ? 'gzip' : 'identity';
}

/** If-None-Match by weak comparison (RFC 9110 13.1.2): `*`, or any listed tag of the same bytes. */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => {
    const tag = t
      .trim()
      .replace(/^W\//, '')
      .replace(/^"|"$/g, '')
      .replace(/-(?:br|gzip)$/, '');
    return tag === etag;
  });
}
