import { type LogEntry, type logCreator, logLevel } from 'kafkajs';
import type { Logger } from '../bus/logger.ts';

/**
 * kafkajs's own log into the bus's `Logger`: what its retries, crashes and restarts say (`Crash: …`,
 * `Restarting the consumer in …`, connection errors) would otherwise go nowhere. ERROR entries go
 * out at error, but a connection's (each error answer of a request, a refused connection), which
 * kafkajs retries or answers itself by rejoining: at warn, or every rebalance and broker restart
 * would read as errors; what they lead to (a crash, a send given up) is told at error. The others
 * at warn (the Logger has nothing lower: INFO and DEBUG, asked for while chasing a problem, keep
 * their level in `kafkajsLevel`). Fields: `kafkajs` (the namespace: Consumer, Runner,
 * Connection…) and the entry's own (groupId, retryCount, broker…), made safe.
 */
export function kafkajsLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, label, log }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _logger, ...extra } = log;
      const fields: Record<string, unknown> = { kafkajs: namespace, ...safeFields(extra) };
      if (level === logLevel.ERROR && namespace !== 'Connection') logger.error(fields, String(message));
      else logger.warn(level <= logLevel.WARN ? fields : { ...fields, kafkajsLevel: label }, String(message));
    };
}

/**
 * kafkajs puts neither SASL credentials nor TLS material in its entries (a connection's `sasl` and
 * `ssl` are booleans, `broker` is host:port), but an entry is only an object: anything that could
 * carry a secret is dropped by name, errors become their message, buffers their size.
 */
const secretNames = /pass|secret|token|sasl|ssl|^(key|cert|ca)$|credential|authorization/i;

function safeFields(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (secretNames.test(name) && typeof value !== 'boolean') continue;
    safe[name] = safeValue(value, depth);
  }
  return safe;
}

function safeValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) return value.message;
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return depth > 2 ? '[array]' : value.map((item) => safeValue(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return depth > 2 ? '[object]' : safeFields(value as Record<string, unknown>, depth + 1);
  }
  return value;
}
