import * as z from 'zod';
import { SLACK_LIMITS } from './limits.js';

/**
 * "Share in channel" re-runs the answer's invocation and posts it publicly. Its button value
 * says how: a command and the text it was given (slash commands), or the encoded invocation of
 * the button that produced the answer. Versioned like the invocation codec.
 */
export type ShareSource = { command: string; text: string } | { encoded: string };

const SharePayload = z.union([
  z.object({ v: z.literal(1), c: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/), t: z.string() }).strict(),
  z.object({ v: z.literal(1), i: z.string().min(1).max(200) }).strict(),
]);

/** The button value, or undefined when it would not fit Slack's 2000-character value. */
export function encodeShare(source: ShareSource): string | undefined {
  const payload = 'encoded' in source ? { v: 1, i: source.encoded } : { v: 1, c: source.command, t: source.text };
  const value = JSON.stringify(payload);
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

export function decodeShare(value: string): ShareSource | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = SharePayload.safeParse(raw);
  if (!parsed.success) return undefined;
  return 'i' in parsed.data ? { encoded: parsed.data.i } : { command: parsed.data.c, text: parsed.data.t };
}
