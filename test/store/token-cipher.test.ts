import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeKey } from '../../src/config/encryption-key.js';
import { keyId, SealError, TokenCipher } from '../../src/store/token-cipher.js';

describe('TokenCipher (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('seals to a versioned value naming its key, different every time, that opens again', () => {
    const cipher = new TokenCipher(key);
    const a = cipher.seal('xoxb-secret-token', 'ctx');
    const b = cipher.seal('xoxb-secret-token', 'ctx');
    expect(a.value).toMatch(/^v1\.[0-9a-f]{12}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a.keyId).toBe(keyId(key));
    expect(a.value).not.toBe(b.value);
    expect(a.value).not.toContain('secret');
    expect(cipher.open(a.value, 'ctx')).toBe('xoxb-secret-token');
  });

  it('refuses an altered value, another context, an unknown key and garbage', () => {
    const cipher = new TokenCipher(key);
    const { value } = cipher.seal('xoxb-secret-token', 'ctx');
    const parts = value.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    const altered = [...parts.slice(0, 4), body.toString('base64url')].join('.');
    expect(() => cipher.open(altered, 'ctx')).toThrow(SealError);
    expect(() => cipher.open(value, 'other')).toThrow(/does not open/);
    expect(() => new TokenCipher(randomBytes(32)).open(value, 'ctx')).toThrow(/not configured/);
    expect(() => cipher.open('plain text', 'ctx')).toThrow(/not a sealed value/);
  });

  it('rotation: a previous key opens, the current one seals', () => {
    const old = new TokenCipher(key);
    const sealed = old.seal('t', 'ctx');
    const next = new TokenCipher(randomBytes(32), [key]);
    expect(next.open(sealed.value, 'ctx')).toBe('t');
    expect(next.isStale(sealed.keyId)).toBe(true);
    expect(next.seal('t', 'ctx').keyId).toBe(next.currentKeyId);
  });

  it('keys are 32 bytes as base64 or hex; anything shorter is refused without being quoted', () => {
    expect(decodeKey(key.toString('base64'))).toEqual(key);
    expect(decodeKey(key.toString('hex'))).toEqual(key);
    expect(decodeKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(decodeKey('correct horse battery staple')).toBeUndefined();
    expect(() => TokenCipher.fromText('too-short-key')).toThrow(/^ROLECALL_ENCRYPTION_KEY: expected 32 random bytes/);
    try {
      TokenCipher.fromText(key.toString('base64'), 'short-old-key');
    } catch (err) {
      expect((err as Error).message).toMatch(/^ROLECALL_ENCRYPTION_KEY_PREVIOUS/);
      expect((err as Error).message).not.toContain('short-old-key');
    }
    expect(() => new TokenCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
