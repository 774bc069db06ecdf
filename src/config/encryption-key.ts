/** The encryption key's text form, checked where configuration is read and decoded where tokens are sealed. */
/** AES-256: a key of 32 bytes. */
export const KEY_BYTES = 32;

export const KEY_FORMAT_HINT = 'expected 32 random bytes as base64 (openssl rand -base64 32) or 64 hex characters (openssl rand -hex 32)';

/** Decodes a key given as 64 hex characters or base64 of 32 bytes; undefined when it is neither. */
export function decodeKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return undefined;
  const bytes = Buffer.from(t, 'base64');
  return bytes.length === KEY_BYTES ? bytes : undefined;
}
