/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A real-shaped snowflake (18–19 digits today): timestamp << 22 | worker | process | increment. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** An interaction token: opaque, URL-safe, long like Discord's. */
export function interactionToken(): string {
  const bytes = new Uint8Array(96);
  crypto.getRandomValues(bytes);
  return `aW50ZXJhY3Rpb246${Buffer.from(bytes).toString('base64url')}`;
}
