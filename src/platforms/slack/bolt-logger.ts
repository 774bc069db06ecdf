import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { sanitizeLogValue } from '../../observability/log-safety.js';
import type { Logger } from '../../observability/logger.js';

type Method = 'debug' | 'info' | 'warn' | 'error';

/**
 * The installer's errors for a redirect a visitor caused (no or a stale state, no code, consent
 * denied). It logs each at error with its stack before calling RoleCall's failure callback,
 * which logs the one warning that counts; so these drop to debug, without the stack.
 */
const VISITOR_OAUTH_ERRORS = new Set([
  'slack_oauth_missing_state',
  'slack_oauth_invalid_state',
  'slack_oauth_missing_code',
  'slack_oauth_installer_authorization_error',
]);

const visitorError = (err: Error | undefined): boolean => Boolean(err && 'code' in err && VISITOR_OAUTH_ERRORS.has(String(err.code)));

/** Slack tokens (xoxb-, xoxp-, xoxe-, xapp-…) wherever they appear in a line of text. */
const SLACK_TOKEN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;

/**
 * The WebClient's debug lines quote whole API results, and oauth.v2.access returns the new
 * token: pino's redaction sees only field names, so tokens inside text are masked here.
 */
export function maskTokens(text: string): string {
  // The request-body line of oauth.v2.access carries the app's client secret too.
  return text.replace(SLACK_TOKEN, '$1-[redacted]').replace(/("?client_secret"?\s*[:=]\s*"?)[^"&,\s}]+/g, '$1[redacted]');
}

function show(value: unknown): string {
  if (typeof value === 'string') return maskTokens(value);
  try {
    // Objects become text here, out of reach of the logger's own sanitising: sanitise them first.
    return maskTokens(JSON.stringify(sanitizeLogValue(value)) ?? String(value));
  } catch {
    return maskTokens(String(value));
  }
}

/**
 * Bolt and the WebClient log through this, so their lines land in pino with the service's
 * redaction rules instead of on the console. Pino's level stays the one source of truth:
 * setLevel from Bolt is ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let name = 'bolt';
  const write =
    (method: Method) =>
    (...msg: unknown[]): void => {
      const err = msg.find((m): m is Error => m instanceof Error);
      if (method === 'error' && visitorError(err)) {
        logger.debug({ source: name, code: (err as Error & { code: unknown }).code }, err!.message);
        return;
      }
      const text = msg
        .filter((m) => m !== err)
        .map(show)
        .join(' ');
      logger[method]({ source: name, ...(err ? { err } : {}) }, text || err?.message || '');
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => {
      const level = logger.level;
      if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
      if (level === 'info') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: (next: string) => {
      name = next;
    },
  };
}
