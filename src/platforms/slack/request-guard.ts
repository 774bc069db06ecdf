import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/**
 * Checks Bolt's HTTP receiver does not make, run before it. Bolt verifies the signature and
 * rejects timestamps more than 5 minutes old, but accepts any from the future, which a replay
 * with a skewed clock could use. And a signed body that parses to something other than an
 * object (`null`) makes Bolt throw outside any handler, leaving the request unanswered.
 */

/** Slack's replay window, applied to the future as Bolt applies it to the past. */
export const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

const FORM = 'application/x-www-form-urlencoded';

export interface GuardRejection {
  status: 400 | 401;
  reason: string;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsesToObject(text: string): boolean | 'unparsable' {
  try {
    return isObject(JSON.parse(text));
  } catch {
    return 'unparsable';
  }
}

/**
 * Whether the body, read the way Bolt reads it (form field `payload` or the whole JSON body,
 * chosen by the exact content type), is an object. Unparsable bodies are left to Bolt, which
 * answers them itself.
 */
function bodyIsUsable(raw: Buffer, contentType: string | undefined): boolean {
  const text = raw.toString('utf8');
  if (contentType === FORM) {
    const { payload } = parseQuery(text);
    return typeof payload !== 'string' || parsesToObject(payload) !== false;
  }
  return parsesToObject(text) !== false;
}

/** A reason to refuse the request before Bolt sees it, or undefined to pass it on. */
export function guardSlackRequest(req: IncomingMessage, nowMs = Date.now()): GuardRejection | undefined {
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (Number.isFinite(timestamp) && timestamp - nowMs / 1000 > MAX_FUTURE_SKEW_SECONDS) {
    return { status: 401, reason: 'request timestamp is in the future' };
  }
  // The service's HTTP server has read the body (capped) into rawBody, as Bolt expects.
  const raw = (req as IncomingMessage & { rawBody?: unknown }).rawBody;
  if (Buffer.isBuffer(raw) && raw.length > 0 && !bodyIsUsable(raw, req.headers['content-type'])) {
    return { status: 400, reason: 'request body is not a JSON object' };
  }
  return undefined;
}
