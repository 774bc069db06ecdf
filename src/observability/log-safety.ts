/**
 * What may reach a log line. HTTP clients can hang the request they sent on their errors (axios,
 * which @slack/web-api used before version 8, did): its config, its headers and with them
 * `Authorization: Bearer <token>`, often several `cause`/`original` levels deep. So errors are
 * reduced to a whitelist of fields, recursively; and any key that names request plumbing or a
 * credential is dropped wherever it appears, in any letter case. The secret values themselves
 * are scrubbed from the final line as a second, independent line of defence (`scrubSecrets`).
 */

/** Keys never logged, at any depth, compared in lower case. */
const DROPPED_KEYS = new Set([
  'headers',
  'config',
  'request',
  'req',
  'response',
  'res',
  'socket',
  'agent',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'token',
  'bottoken',
  'apptoken',
  'usertoken',
  'signingsecret',
  'clientsecret',
  'password',
  'secret',
]);

/** Field names that hold the secrets of the configuration (`DISCORD_TOKEN`, `SLACK_…_SECRET`, …). */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PRIVATE_KEY)$/i;

const MAX_DEPTH = 6;
const MAX_CAUSES = 5;

/** Fields of an error that help and never carry a request: the HTTP status, platform error codes. */
export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  status?: number;
  /** Slack's error code (`channel_not_found`), Discord's JSON error code. */
  platformError?: string | number;
  method?: string;
  retryAfter?: number;
  cause?: SafeError;
  /** The error @slack/web-api wraps (fetch's, also its `cause`), with anything but these fields left out. */
  original?: SafeError;
  errors?: SafeError[];
}

function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string' && typeof (value as Error).stack === 'string')
  );
}

const scalar = (v: unknown): string | number | undefined => (typeof v === 'string' || typeof v === 'number' ? v : undefined);

/** An error reduced to `SafeError`, following `cause` (and the web API's `original`) a few levels. */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!isErrorLike(err)) return { type: typeof err, message: String(err) };
  const e = err as Error & Record<string, unknown>;
  // A plain object here is an error already reduced (the err serializer runs before the record
  // formatter): keep the type it found.
  const plainType = typeof e.type === 'string' ? e.type : (e.name ?? 'Error');
  const out: SafeError = {
    type: e.constructor?.name && e.constructor.name !== 'Object' ? e.constructor.name : plainType,
    message: String(e.message),
  };
  if (typeof e.stack === 'string') out.stack = e.stack;
  const code = scalar(e.code);
  if (code !== undefined) out.code = code;
  const response = e.response as { status?: unknown } | undefined;
  const status = scalar(e.status) ?? scalar(e.statusCode) ?? scalar(response?.status);
  if (typeof status === 'number') out.status = status;
  const data = e.data as { error?: unknown } | undefined;
  const rawError = e.rawError as { code?: unknown } | undefined;
  const platformError = scalar(data?.error) ?? scalar(rawError?.code);
  if (platformError !== undefined) out.platformError = platformError;
  if (typeof e.method === 'string') out.method = e.method;
  const retryAfter = scalar(e.retryAfter);
  if (typeof retryAfter === 'number') out.retryAfter = retryAfter;
  if (depth < MAX_CAUSES) {
    if (e.cause !== undefined && e.cause !== err) out.cause = safeError(e.cause, depth + 1);
    if (e.original !== undefined && e.original !== err) out.original = safeError(e.original, depth + 1);
    if (Array.isArray(e.errors)) out.errors = e.errors.slice(0, 5).map((x) => safeError(x, depth + 1));
  }
  return out;
}

/**
 * A log record made safe: errors anywhere become `SafeError`, request plumbing and credential
 * keys are dropped. Plain data passes unchanged, so ordinary fields keep their shape.
 */
export function sanitizeLogValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isErrorLike(value)) return safeError(value);
  if (depth >= MAX_DEPTH || seen.has(value)) return '[omitted]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => sanitizeLogValue(v, depth + 1, seen));
  // Buffers, Dates, Maps and class instances other than errors: their string form is enough.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value instanceof Date ? value : String(value);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROPPED_KEYS.has(key.toLowerCase()) || SECRET_NAME.test(key)) continue;
    out[key] = sanitizeLogValue(v, depth + 1, seen);
  }
  return out;
}

/** Shorter values are not scrubbed: they would blank ordinary words, and no real secret is that short. */
const MIN_SECRET_LENGTH = 6;

/**
 * The values of every secret in the environment: variables whose name ends in TOKEN, SECRET,
 * PASSWORD or PRIVATE_KEY, and the password of any database URL. New secret variables are
 * covered by their name alone.
 */
export function secretValues(source: Record<string, string | undefined>): string[] {
  const values = new Set<string>();
  for (const [name, raw] of Object.entries(source)) {
    const value = raw?.trim();
    if (!value) continue;
    if (SECRET_NAME.test(name)) values.add(value);
    if (/_URL$/i.test(name)) {
      try {
        const password = new URL(value).password;
        if (password) {
          values.add(password);
          values.add(decodeURIComponent(password));
        }
      } catch {
        // Not a URL: nothing to take from it.
      }
    }
  }
  return [...values].filter((v) => v.length >= MIN_SECRET_LENGTH);
}

/** Replaces every occurrence of each secret in a finished log line, raw and JSON-escaped. */
export function secretScrubber(secrets: readonly string[]): ((line: string) => string) | undefined {
  const needles = [...new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    // Longest first, so a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return undefined;
  return (line) => {
    let out = line;
    for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join('[redacted]');
    return out;
  };
}
