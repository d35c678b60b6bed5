import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  LogController,
  type RawServerDefault,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type AccessControlOptions, accessDocumentation, registerAccessControl } from '../auth/access-control.ts';
import { HEALTH_PATHS, registerHealthRoutes } from '../health/health-routes.ts';
import type { ReadinessProbes } from '../health/readiness.ts';
import type { Logger } from '../logging/logger.ts';
import { METRICS_PATH, registerHttpMetrics } from '../metrics/http-metrics.ts';
import { createMetrics, type Metrics } from '../metrics/metrics.ts';
import { ProblemError } from '../problems/problem-error.ts';
import { registerHttpTracing } from '../telemetry/http-tracing.ts';
import { registerJsonBodies } from './json-bodies.ts';
import { type OpenApiInfo, registerOpenApi } from './openapi.ts';
import { clientErrorReply, frameworkErrorReply, registerProblemReplies } from './problem-replies.ts';
import { correlationIdOf, registerRequestIds, requestIdOf } from './request-ids.ts';
import { trackWaitingConnections } from './waiting-connections.ts';
import { registerWriteAdmission, type WriteAdmissionOptions } from './write-admission.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's Prometheus registry and HTTP histogram; lag gauges register here too. */
    metrics: Metrics;
  }
}

export type HttpServer = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpServerOptions {
  readonly service: string;
  readonly logger: Logger;
  readonly openapi: OpenApiInfo;
  /** Largest body accepted, in bytes (1 MiB by default); larger ones get a 413 problem. */
  readonly bodyLimit?: number;
  /** Dependencies `/readyz` checks, by name (`store`, `bus`, `read-models`). */
  readonly readiness?: ReadinessProbes;
  readonly readinessTimeoutMs?: number;
  /** Shared with other components of the process; a new registry by default. */
  readonly metrics?: Metrics;
  readonly trustProxy?: FastifyServerOptions['trustProxy'];
  /**
   * Who may call each route (`config.access`), API keys, tokens and rate limits. Off when omitted:
   * routes stay open, declarations are still checked and undeclared routes listed at start.
   */
  readonly access?: AccessControlOptions;
  /** How many writes run their handler at once, and how many may wait (`write-admission.ts`); all at once when omitted. */
  readonly writeAdmission?: WriteAdmissionOptions;
}

// Probes and scrapes hit these every few seconds: logging them would drown the useful lines.
const QUIET_PATHS = new Set<string>([...HEALTH_PATHS, METRICS_PATH]);

/**
 * A Fastify server with everything a service's HTTP API needs; the service adds its routes with
 * zod schemas, then listens:
 *
 *   const app = await createHttpServer({ service: 'intake', logger, openapi: { title: 'Intake', version: '1' } });
 *   app.post('/tickets', { schema: { body: ReceiveTicket } }, handler);
 *   await app.listen({ host, port });
 */
export async function createHttpServer({
  service,
  logger,
  openapi,
  bodyLimit = 1_048_576,
  readiness = {},
  readinessTimeoutMs = 2_000,
  metrics = createMetrics({ service }),
  trustProxy = false,
  access,
  writeAdmission,
}: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    // Typed as Fastify's base logger so every helper takes the same instance type.
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: requestIdOf,
    requestIdHeader: false,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: (request) => QUIET_PATHS.has(request.url.split('?', 1)[0] ?? ''),
    }),
    childLoggerFactory(parent, bindings, options, raw) {
      const requestId = String(bindings.requestId);
      return parent.child({ ...bindings, correlationId: correlationIdOf(raw, requestId) }, options);
    },
    bodyLimit,
    trustProxy,
    // Fastify's own closing 503 is not a problem document: the closing guard below answers instead.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrorReply,
    clientErrorHandler: clientErrorReply,
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('metrics', metrics);

  // Tracing first, so that every later hook, the handler and the error handler run in the span.
  registerHttpTracing(app);
  registerRequestIds(app);
  registerClosingGuard(app);
  registerProblemReplies(app);
  registerJsonBodies(app);
  if (writeAdmission !== undefined) registerWriteAdmission(app, metrics.registry, writeAdmission);
  // Before any route, its own included: access control applies to the routes added after it.
  await registerAccessControl(app, service, access);
  registerHttpMetrics(app, metrics);
  await registerOpenApi(app, openapi, accessDocumentation(access));
  registerHealthRoutes(app, { readiness, timeoutMs: readinessTimeoutMs });

  return app.withTypeProvider<ZodTypeProvider>();
}

/**
 * Once `close()` starts, requests still arriving on open connections are refused with a 503
 * problem, while those already in flight complete. Every response sent while closing says
 * `Connection: close`: the keep-alive connection of an in-flight request would otherwise stay open
 * after its answer and hold `close()` until the keep-alive timeout. Connections on which no request
 * is being answered are cut at once, those opened before any request included.
 */
function registerClosingGuard(app: FastifyInstance): void {
  let closing = false;
  const waiting = trackWaitingConnections(app.server);
  app.addHook('preClose', async () => {
    closing = true;
    waiting.drop();
  });
  // Callbacks rather than async hooks: these run on every request, and a promise each would cost for nothing.
  app.addHook('onRequest', (_request, _reply, done) => {
    if (!closing) return done();
    done(new ProblemError({ status: 503, detail: 'The service is shutting down; retry on another instance.' }));
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
}
