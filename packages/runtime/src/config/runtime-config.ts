import { env } from './env-values.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The variables every service process reads; a service spreads this shape into its own schema:
 * `z.object({ ...runtimeConfigShape, KAFKA_BROKERS: env.hostPorts() })`.
 * The telemetry names are OpenTelemetry's standard ones, so collectors' docs apply as written.
 */
export const runtimeConfigShape = {
  HOST: env.string().default('0.0.0.0').describe('Interface the HTTP server listens on'),
  PORT: env.port().default(3000).describe('HTTP port'),
  LOG_LEVEL: env.enum(LOG_LEVELS).default('info').describe('Minimum level of the JSON logs'),
  HTTP_BODY_LIMIT: env
    .int({ min: 1 })
    .default(1_048_576)
    .describe('Largest request body accepted, in bytes; larger ones get a 413 problem'),
  HTTP_WRITE_CONCURRENCY: env
    .int({ min: 0 })
    .default(32)
    .describe(
      'Write requests (not GET, HEAD or OPTIONS) whose handler runs at once; the next wait their turn, reads never wait (0: no limit)',
    ),
  HTTP_WRITE_QUEUE_LIMIT: env
    .int({ min: 0 })
    .default(1_000)
    .describe('Write requests that may wait for a turn; one more gets a 503 problem with Retry-After'),
  HEAP_GROWING_PERCENT: env
    .int({ min: 0, max: 1_000 })
    .default(100)
    .describe(
      "How far the JavaScript heap may grow past what the last full collection kept before the next one, in percent (V8's --heap-growing-percent; 0: V8's own choice)",
    ),
  HEAP_PRETENURING: env
    .boolean()
    .default(false)
    .describe(
      "Whether V8 may allocate objects straight into the old generation where most of a site's objects survived (V8's --allocation-site-pretenuring); off, every object starts young",
    ),
  READINESS_TIMEOUT: env
    .durationMs()
    .default(2_000)
    .describe('How long /readyz waits for each dependency before calling it unavailable'),
  SHUTDOWN_TIMEOUT: env
    .durationMs()
    .default(25_000)
    .describe(
      'Longest graceful shutdown before the process exits anyway (keep it under the orchestrator grace period)',
    ),
  OTEL_TRACES_EXPORTER: env.enum(['otlp', 'none']).default('none').describe('Where spans go'),
  OTEL_EXPORTER_OTLP_ENDPOINT: env
    .url({ protocols: ['http', 'https'] })
    .default('http://localhost:4318')
    .describe('OTLP/HTTP collector base URL (spans are posted to /v1/traces)'),
};
