import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { createRedactor } from './redaction.ts';

export type { Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface LoggerSettings {
  readonly service: string;
  readonly level?: LogLevel;
  /** Where the JSON lines go; stdout when omitted (tests pass a stream to read them back). */
  readonly destination?: DestinationStream;
  /** Keys to hide on top of the shared list (see `redaction.ts`). */
  readonly redactKeys?: readonly string[];
}

/**
 * JSON lines with an ISO time, the level as a word and the service's name, so that lines from the
 * five services can be merged and read without a decoder.
 */
export function createLogger({ service, level = 'info', destination, redactKeys = [] }: LoggerSettings): Logger {
  const redact = createRedactor(redactKeys);
  const options: LoggerOptions = {
    level,
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redact(bindings),
      log: (object) => redact(object),
    },
  };
  const logger = destination ? pino(options, destination) : pino(options);
  // pino skips the bindings formatter for children (by design, for speed), yet child bindings are
  // where request data tends to go: redact them on the way in. Children inherit this method.
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redact(bindings), childOptions);
  } as Logger['child'];
  return logger;
}

export interface RequestContext {
  readonly requestId: string;
  readonly correlationId: string;
}

/** A logger whose every line carries the ids that join it to a request and to its whole story. */
export function withRequestContext(logger: Logger, { requestId, correlationId }: RequestContext): Logger {
  return logger.child({ requestId, correlationId });
}
