import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.ts';

export const METRICS_PATH = '/metrics';

/**
 * Times every request by its route pattern (`/tickets/:id`), never its URL: one series per ticket
 * would exhaust Prometheus. Requests that matched no route share the `unmatched` label.
 */
export function registerHttpMetrics(app: FastifyInstance, { registry, httpRequestDuration }: Metrics): void {
  // Hooks on every request take a callback, not a promise: a promise and a turn of microtasks each.
  app.addHook('onResponse', (request, reply, done) => {
    httpRequestDuration.observe(
      {
        method: request.method,
        route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });

  app.get(METRICS_PATH, { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
