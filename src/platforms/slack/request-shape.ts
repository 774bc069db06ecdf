import { parse as parseQuery } from 'node:querystring';
import { ACTION_ID_PATTERN, LINK_ACTION_ID_PATTERN } from './blocks.js';

/**
 * Whether a signed Slack body is one RoleCall's listeners will take. Bolt leaves a body no
 * listener acknowledges unanswered until its 3-second timeout, then answers 404, and Slack
 * retries it; and a field of the wrong type (a repeated `text=`, a mention whose `text` is an
 * object) throws inside a listener. Such bodies are answered 400 at once instead.
 */

const FORM = 'application/x-www-form-urlencoded';
/** Deeper than any body Slack sends; a 10,000-deep one costs every recursive reader. */
const MAX_DEPTH = 32;
/** The pattern registerCommands listens on. */
const COMMAND = /^\/[a-z0-9_-]+$/i;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The nesting depth of JSON text, counted without parsing it (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

function parseObject(text: string): JsonObject | 'unparsable' | 'not-object' | 'too-deep' {
  if (jsonDepth(text) > MAX_DEPTH) return 'too-deep';
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : 'not-object';
  } catch {
    return 'unparsable';
  }
}

/** An interactive payload: only block_actions on RoleCall's own controls has a listener. */
function payloadProblem(payload: JsonObject): string | undefined {
  if (payload.type !== 'block_actions') return `interactive payloads of type ${JSON.stringify(payload.type ?? null).slice(0, 40)} are not handled`;
  const actions = payload.actions;
  if (!Array.isArray(actions) || actions.length === 0) return 'block_actions without actions';
  const known = actions.every(
    (a) => isObject(a) && typeof a.action_id === 'string' && (ACTION_ID_PATTERN.test(a.action_id) || LINK_ACTION_ID_PATTERN.test(a.action_id)),
  );
  return known ? undefined : 'block_actions for a control RoleCall did not send';
}

function formProblem(text: string): string | undefined {
  const fields = parseQuery(text);
  if (Object.values(fields).some((v) => Array.isArray(v))) return 'a form field is repeated';
  if (typeof fields.ssl_check === 'string') return undefined;
  if (typeof fields.payload === 'string') {
    const payload = parseObject(fields.payload);
    if (payload === 'unparsable') return undefined; // Bolt answers this itself
    if (typeof payload === 'string') return `payload is ${payload === 'too-deep' ? 'nested too deeply' : 'not a JSON object'}`;
    return payloadProblem(payload);
  }
  if (typeof fields.command === 'string') return COMMAND.test(fields.command) ? undefined : 'command is not a slash command name';
  return 'a form with neither command nor payload';
}

function eventProblem(body: JsonObject): string | undefined {
  if (body.type === 'url_verification' || body.type === 'app_rate_limited') return undefined;
  if (body.type !== 'event_callback') return `body of type ${JSON.stringify(body.type ?? null).slice(0, 40)} is not handled`;
  const event = body.event;
  if (!isObject(event) || typeof event.type !== 'string') return 'event_callback without an event';
  // The events whose listeners read text (mentions, direct messages).
  if (event.type !== 'app_mention' && event.type !== 'message') return undefined;
  for (const field of ['text', 'user', 'channel', 'ts', 'thread_ts'] as const) {
    if (field in event && typeof event[field] !== 'string') return `event.${field} is not a string`;
  }
  return undefined;
}

/** Why the body would be mishandled, or undefined when a listener will take it (or Bolt itself answers it). */
export function slackBodyProblem(raw: Buffer, contentType: string | undefined): string | undefined {
  const text = raw.toString('utf8');
  if (contentType === FORM) return formProblem(text);
  const body = parseObject(text);
  if (body === 'unparsable') return undefined;
  if (body === 'not-object') return 'request body is not a JSON object';
  if (body === 'too-deep') return 'request body is nested too deeply';
  return eventProblem(body);
}
