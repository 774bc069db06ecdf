import type { UploadedFile } from './attachments.js';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** Wire-level pieces of the fake's REST side: recorded requests, documented errors, 429 bodies. */
export interface RecordedRequest {
  method: string;
  /** Path under the API base, without the query: "/api/v10/channels/1/messages". */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (a multipart request's payload_json), or null. */
  body: unknown;
  /** The files[n] parts of a multipart request. */
  files: UploadedFile[];
  /** Status the fake answered with (0 until answered). */
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface ApiError {
  status: number;
  code: number;
  message: string;
}

/** Documented JSON error codes, with the HTTP status Discord pairs them with. */
export const DiscordErrors = {
  UnknownChannel: { status: 404, code: 10003, message: 'Unknown Channel' },
  UnknownMessage: { status: 404, code: 10008, message: 'Unknown Message' },
  UnknownWebhook: { status: 404, code: 10015, message: 'Unknown Webhook' },
  UnknownInteraction: { status: 404, code: 10062, message: 'Unknown interaction' },
  MissingAccess: { status: 403, code: 50001, message: 'Missing Access' },
  MissingPermissions: { status: 403, code: 50013, message: 'Missing Permissions' },
  AlreadyAcknowledged: { status: 400, code: 40060, message: 'Interaction has already been acknowledged.' },
  Unauthorized: { status: 401, code: 0, message: '401: Unauthorized' },
  ThreadAlreadyCreated: { status: 400, code: 160004, message: 'A thread has already been created for this message' },
} as const satisfies Record<string, ApiError>;

export interface RateLimitInjection {
  method?: string;
  /** Matched against the path under /api/v10 ("/interactions/…/callback"). */
  path: string | RegExp;
  /** Seconds, as in the body's retry_after. */
  retryAfter: number;
  scope?: 'user' | 'global' | 'shared';
  /** How many matching requests get the 429 (default 1). */
  times?: number;
}

export function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? path === pattern || path.startsWith(pattern) : pattern.test(path);
}

/** A documented 429: retry_after (float seconds) in the body, Retry-After (whole seconds) and X-RateLimit-* headers. */
export function rateLimitResponse(retryAfter: number, scope: 'user' | 'global' | 'shared'): [unknown, Record<string, string>] {
  const global = scope === 'global';
  const headers: Record<string, string> = { 'Retry-After': String(Math.ceil(retryAfter)), 'X-RateLimit-Scope': scope };
  if (global) headers['X-RateLimit-Global'] = 'true';
  else {
    Object.assign(headers, {
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': (Date.now() / 1000 + retryAfter).toFixed(3),
      'X-RateLimit-Reset-After': retryAfter.toFixed(3),
      'X-RateLimit-Bucket': 'fakebucket0001',
    });
  }
  const message = scope === 'shared' ? 'The resource is being rate limited.' : 'You are being rate limited.';
  return [{ message, retry_after: retryAfter, global }, headers];
}

/** The raw bytes: multipart uploads carry binary files. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
