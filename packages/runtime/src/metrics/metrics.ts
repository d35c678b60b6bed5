import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { registerEventLoopBusy } from './event-loop-metrics.ts';

export interface Metrics {
  readonly registry: Registry;
  /** `http_server_request_duration_seconds{method, route, status_code}` */
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
}

export interface MetricsOptions {
  readonly service: string;
  /** Process metrics (CPU, memory, event loop lag and utilization, GC); off in tests that build many servers. */
  readonly defaultMetrics?: boolean;
}

/**
 * One registry per server rather than prom-client's global one: two servers in one process (the
 * standalone mode, tests) must not register the same metric twice or mix their series.
 */
export function createMetrics({ service, defaultMetrics = true }: MetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (defaultMetrics) {
    collectDefaultMetrics({ register: registry });
    registerEventLoopBusy(registry);
  }
  const httpRequestDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP requests handled by the server, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    // OpenTelemetry's recommended boundaries for http.server.request.duration.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
    registers: [registry],
  });
  return { registry, httpRequestDuration };
}
