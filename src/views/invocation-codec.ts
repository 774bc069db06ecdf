import type { Invocation } from './view.js';

/**
 * Buttons and selects carry an encoded Invocation in their custom id / action value.
 * The version prefix lets a front end tell a stale component from an older release apart
 * from a malformed one and answer it clearly. Discord caps custom_id at 100 characters,
 * so role arguments travel as "#<number>" references.
 */
export const INVOCATION_VERSION = 'rc1';
export const MAX_ENCODED_LENGTH = 100;

export type DecodeResult = { ok: true; invocation: Invocation } | { ok: false; reason: 'stale' | 'malformed' };

export function encodeInvocation(inv: Invocation): string {
  const params = new URLSearchParams(inv.args);
  const query = params.toString();
  const encoded = `${INVOCATION_VERSION}:${inv.command}${query ? `?${query}` : ''}`;
  if (encoded.length > MAX_ENCODED_LENGTH) {
    throw new RangeError(`encoded invocation is ${encoded.length} characters, over ${MAX_ENCODED_LENGTH}`);
  }
  return encoded;
}

/** The encoded invocation, or undefined when it cannot fit `max`: the action is then left out, not sent broken. */
export function encodeOrDrop(inv: Invocation, max: number = MAX_ENCODED_LENGTH): string | undefined {
  try {
    const value = encodeInvocation(inv);
    return value.length <= max ? value : undefined;
  } catch {
    return undefined;
  }
}

export function decodeInvocation(raw: string): DecodeResult {
  const match = /^([a-z0-9]+):([a-z][a-z0-9-]*)(?:\?(.*))?$/s.exec(raw);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, version, command, query] = match;
  if (version !== INVOCATION_VERSION) return { ok: false, reason: 'stale' };
  const args: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query ?? '')) args[key] = value;
  return { ok: true, invocation: { command: command!, args } };
}
