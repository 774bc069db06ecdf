/**
 * A platform's API did not answer at start-up (connection refused, DNS, timeout): nothing the
 * operator can fix in code, so `npm start` prints this one sentence and exits 1, with no stack.
 * Matched by name in launch.ts, as the database's DatabaseUnavailableError is.
 */
export class PlatformUnreachableError extends Error {
  constructor(platform: string, url: string, variable: string) {
    super(`${platform} could not be reached at ${url}; check ${variable} or the network`);
    this.name = 'PlatformUnreachableError';
  }
}

/** Socket-level failures: the address is wrong, or nothing answered there. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether an error means the API could not be reached at all (not that it answered with an error). */
export function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return true;
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}
