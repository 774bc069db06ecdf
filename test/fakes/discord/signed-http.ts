import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** How a test wants a request's signature spoiled (Discord probes endpoints with each of these). */
export type Tamper = 'none' | 'forged' | 'missing' | 'stale' | 'body-changed';

export interface SignedHttpResult {
  status: number;
  /** Parsed JSON answer, or null. */
  body: unknown;
  /** Milliseconds from sending to the full answer. */
  latencyMs: number;
}

/**
 * Discord's side of HTTP interactions: an Ed25519 key pair (a test key, never a real one), and
 * signed POSTs of interaction payloads with the two headers Discord sends.
 */
export class InteractionSigner {
  private readonly privateKey: KeyObject;
  /** The application public key as the Developer Portal shows it: 64 hex characters. */
  readonly publicKeyHex: string;
  private readonly otherKey: KeyObject;

  constructor() {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    const jwk = pair.publicKey.export({ format: 'jwk' });
    this.publicKeyHex = Buffer.from(jwk.x!, 'base64url').toString('hex');
    this.otherKey = generateKeyPairSync('ed25519').privateKey;
  }

  headers(rawBody: string, tamper: Tamper = 'none', nowMs = Date.now()): Record<string, string> {
    if (tamper === 'missing') return { 'content-type': 'application/json' };
    const timestamp = String(Math.floor(nowMs / 1000) - (tamper === 'stale' ? 600 : 0));
    const key = tamper === 'forged' ? this.otherKey : this.privateKey;
    const signature = sign(null, Buffer.from(timestamp + rawBody), key).toString('hex');
    return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
  }

  /** POSTs the payload to the bot's interactions endpoint, signed (or spoiled as asked). */
  async post(url: string, payload: unknown, tamper: Tamper = 'none'): Promise<SignedHttpResult> {
    const raw = JSON.stringify(payload);
    const headers = this.headers(raw, tamper);
    // Signed over the original body, sent with another: what a tampering proxy would do.
    const sent = tamper === 'body-changed' ? raw.replace(/}$/, ',"x":1}') : raw;
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body: sent });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: res.status, body, latencyMs: performance.now() - started };
  }
}
