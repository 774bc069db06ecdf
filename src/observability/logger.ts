import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LoggerOptions as PinoOptions } from 'pino';
import { safeError, sanitizeLogValue, secretScrubber } from './log-safety.js';

export type { Logger };
export { secretValues } from './log-safety.js';

export interface LoggerOptions {
  level?: string;
  /** Pretty, human output (a terminal); JSON otherwise. */
  pretty?: boolean;
  /** Colours in pretty output (default on: a terminal). */
  colorize?: boolean;
  destination?: NodeJS.WritableStream;
  /**
   * The configured secret values (`secretValues(process.env)`): blanked from every finished
   * line, whatever field or message carries them.
   */
  secrets?: readonly string[];
}

/** pino-pretty's stream factory: loaded by name, and only for a terminal. */
type PrettyStream = (options: { colorize: boolean; translateTime: string; destination: NodeJS.WritableStream | number }) => DestinationStream;

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
    // pino-pretty as a stream in this thread rather than pino's worker-thread transport: no
    // second thread and its memory, and pino can be bundled (a transport loads files by path).
    const pretty = createRequire(import.meta.url)('pino-pretty') as PrettyStream;
    return pino(options, pretty({ colorize: opts.colorize ?? true, translateTime: 'SYS:HH:MM:ss', destination: opts.destination ?? 1 }));
  }
  return opts.destination ? pino(options, opts.destination as DestinationStream) : pino(options);
}

/** A logger that drops everything, for tests and the CLI. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
