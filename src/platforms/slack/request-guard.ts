import type { IncomingMessage } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';
import { slackBodyProblem } from './request-shape.js';

/**
 * Checks Bolt's HTTP receiver does not make, run before it:
 * - the signature headers, parsed strictly: Bolt accepts `v0=<hex>=` (Buffer's hex decoding
 *   drops the stray character) and a timestamp of `<now>.5`;
 * - timestamps from the future, which Bolt accepts (it rejects only the past), and a replay
 *   with a skewed clock could use;
 * - signed bodies no listener takes or whose fields have the wrong type (request-shape.ts),
 *   which Bolt would leave unanswered for 3 s or throw on.
 * The body is judged only once its signature is good, so a forged request learns nothing but 401.
 */

/** Slack's replay window, applied to the future as Bolt applies it to the past. */
export const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

export interface GuardRejection {
  status: 400 | 401;
  reason: string;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** A reason to refuse the request before Bolt sees it, or undefined to pass it on. */
export function guardSlackRequest(req: IncomingMessage, signingSecret: string, nowMs = Date.now()): GuardRejection | undefined {
  const signature = header(req, 'x-slack-signature');
  const timestampText = header(req, 'x-slack-request-timestamp');
  if (signature === undefined || timestampText === undefined) return { status: 401, reason: 'request is not signed' };
  if (!SIGNATURE.test(signature)) return { status: 401, reason: 'signature is not v0= and 64 hex digits' };
  if (!TIMESTAMP.test(timestampText)) return { status: 401, reason: 'request timestamp is not whole seconds' };
  const timestamp = Number(timestampText);
  if (timestamp - nowMs / 1000 > MAX_FUTURE_SKEW_SECONDS) return { status: 401, reason: 'request timestamp is in the future' };
  // The service's HTTP server has read the body (capped) into rawBody, as Bolt expects.
  const raw = (req as IncomingMessage & { rawBody?: unknown }).rawBody;
  if (!Buffer.isBuffer(raw) || raw.length === 0) return undefined;
  const problem = slackBodyProblem(raw, req.headers['content-type']);
  if (!problem) return undefined;
  const signed = isValidSlackRequest({
    signingSecret,
    body: raw.toString('utf8'),
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: nowMs,
  });
  return signed ? { status: 400, reason: problem } : { status: 401, reason: 'signature does not match' };
}
