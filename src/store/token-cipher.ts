import { decodeKey, KEY_BYTES, KEY_FORMAT_HINT } from '../config/encryption-key.js';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Seals secrets (Slack installations and their tokens) for storage with AES-256-GCM from
 * node:crypto. A sealed value is `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts); the
 * key id names the key it was sealed with, so a rotation can keep an old key for reading while
 * everything is re-sealed with the new one. The associated data binds a value to its row (the
 * workspace id): a ciphertext copied onto another row does not open.
 */

const IV_BYTES = 12;
const VERSION = 'v1';

/** Why a key from the environment is unusable; never quotes the key. */
/** A short public fingerprint of a key: stored next to each sealed value. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

export interface Sealed {
  keyId: string;
  value: string;
}

export class TokenCipher {
  private readonly keys = new Map<string, Buffer>();
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;

  /**
   * `current` seals and opens; each of `previous` only opens, until every value sealed with it
   * has been re-sealed (see docs/distribution.md, "Rotating the encryption key").
   */
  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== KEY_BYTES) throw new SealError(`an encryption key must be ${KEY_BYTES} bytes`);
    }
    this.currentKeyId = keyId(current);
    this.keys.set(this.currentKeyId, current);
    for (const key of previous) if (!this.keys.has(keyId(key))) this.keys.set(keyId(key), key);
  }

  /** From the environment's text form (see decodeKey); throws a SealError naming the variable. */
  static fromText(current: string, previous?: string): TokenCipher {
    const key = decodeKey(current);
    if (!key) throw new SealError(`ROLECALL_ENCRYPTION_KEY: ${KEY_FORMAT_HINT}`);
    const old = previous ? decodeKey(previous) : undefined;
    if (previous && !old) throw new SealError(`ROLECALL_ENCRYPTION_KEY_PREVIOUS: ${KEY_FORMAT_HINT}`);
    return new TokenCipher(key, old ? [old] : []);
  }

  seal(plaintext: string, context: string): Sealed {
    const key = this.keys.get(this.currentKeyId)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    const value = [VERSION, this.currentKeyId, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
    return { keyId: this.currentKeyId, value };
  }

  /** Opens a sealed value; throws a SealError when the key is unknown or the value was altered. */
  open(sealed: string, context: string): string {
    const [version, id, iv, tag, body, ...rest] = sealed.split('.');
    if (version !== VERSION || !id || !iv || !tag || body === undefined || rest.length > 0) throw new SealError('not a sealed value');
    const key = this.keys.get(id);
    if (!key) throw new SealError(`sealed with key ${id}, which is not configured (set it as ROLECALL_ENCRYPTION_KEY_PREVIOUS)`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealError('the sealed value does not open with its key (altered, or moved from another row)');
    }
  }

  /** True when the value was sealed with a key other than the current one. */
  isStale(sealedKeyId: string): boolean {
    return sealedKeyId !== this.currentKeyId;
  }
}
