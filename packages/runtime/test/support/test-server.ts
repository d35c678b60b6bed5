import { createHttpServer, type HttpServerOptions } from '../../src/http/http-server.ts';
import { createMetrics } from '../../src/metrics/metrics.ts';
import { captureLogs } from './log-capture.ts';

/** A real server on a memory logger, without process metrics (one set per test would pile up). */
export async function testServer(options: Partial<HttpServerOptions> = {}) {
  const { logger, lines } = captureLogs('intake');
  const app = await createHttpServer({
    service: 'intake',
    logger,
    openapi: { title: 'Intake', version: '1.0.0', description: 'Tickets in' },
    metrics: createMetrics({ service: 'intake', defaultMetrics: false }),
    ...options,
  });
  return { app, logs: lines };
}
