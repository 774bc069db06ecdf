import { pino, type DestinationStream, type Logger, type LoggerOptions as PinoOptions } from 'pino';
import { safeError, sanitizeLogValue, secretScrubber } from './log-safety.js';

export type { Logger };
export { secretValues } from './log-safety.js';

export interface LoggerOptions {
  level?: string;
  /** Pretty, human output (a terminal); JSON otherwise. */
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
  /**
   * The configured secret values (`secretValues(process.env)`): blanked from every finished
   * line, whatever field or message carries them.
   */
  secrets?: readonly string[];
}

/**
 * The service's logger. Safety is structural, not a list of paths: every record passes through
 * `sanitizeLogValue` (errors reduced to safe fields at any depth, request configs, headers and
 * credential keys dropped in any letter case), and the final line is scrubbed of the secret
 * values themselves.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const scrub = secretScrubber(opts.secrets ?? []);
  const options: PinoOptions = {
    level: opts.level ?? 'info',
    base: { service: 'rolecall' },
    serializers: { err: (err: unknown) => (err instanceof Error ? safeError(err) : sanitizeLogValue(err)) },
    formatters: { log: (record) => sanitizeLogValue(record) as Record<string, unknown> },
    ...(scrub ? { hooks: { streamWrite: scrub } } : {}),
  };
  if (opts.pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } });
  }
  return opts.destination ? pino(options, opts.destination as DestinationStream) : pino(options);
}

/** A logger that drops everything, for tests and the CLI. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
