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
