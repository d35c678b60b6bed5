import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../http/problem-replies.ts';
import { problem, problemType } from '../problems/problem-document.ts';
import { checkReadiness, type ReadinessProbes } from './readiness.ts';

export const HEALTH_PATHS = ['/healthz', '/readyz'] as const;

export interface HealthOptions {
  readonly readiness: ReadinessProbes;
  readonly timeoutMs: number;
}

/**
 * `/healthz` answers as long as the event loop does (restart me if not); `/readyz` answers 200
 * only when every dependency does (send me traffic). Both stay out of the OpenAPI document: they
 * are for the orchestrator, not for API clients.
 */
export function registerHealthRoutes(app: FastifyInstance, { readiness, timeoutMs }: HealthOptions): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'pass' }));

  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const { ready, checks } = await checkReadiness(readiness, timeoutMs);
    const summary = Object.fromEntries(
      checks.map((check) => [
        check.name,
        check.status === 'pass'
          ? { ...check.facts, status: 'pass', durationMs: check.durationMs }
          : { status: 'fail', durationMs: check.durationMs, reason: check.reason },
      ]),
    );
    if (ready) return { status: 'pass', checks: summary };

    const failing = checks.filter((check) => check.status === 'fail');
    for (const check of failing) {
      // The cause stays in the logs: error messages of drivers carry hosts and sometimes credentials.
      request.log.warn(
        { dependency: check.name, reason: check.reason, err: 'error' in check ? check.error : undefined },
        'dependency not ready',
      );
    }
    return sendProblem(
      request,
      reply,
      problem({
        status: 503,
        type: problemType('not-ready'),
        title: 'Service not ready',
        detail: `Unavailable: ${failing.map((check) => `${check.name} (${check.reason === 'timeout' ? `no answer within ${timeoutMs} ms` : 'failed'})`).join(', ')}.`,
        failing: failing.map((check) => check.name),
        checks: summary,
      }),
    );
  });
}
