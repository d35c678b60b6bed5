import { Writable } from 'node:stream';
import { createLogger, type Logger, type LogLevel } from '../../src/logging/logger.ts';

export interface CapturedLogs {
  readonly logger: Logger;
  readonly lines: Record<string, unknown>[];
}

/** A real logger writing to memory, to assert on what would have reached stdout. */
export function captureLogs(service = 'test', level: LogLevel = 'info'): CapturedLogs {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ service, level, destination }), lines };
}
