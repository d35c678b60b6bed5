import {
  EventRelay,
  type KafkaSecurityOptions,
  kafkaSecurityConfigShape,
  kafkaSecurityFromConfig,
  SoleRelay,
} from '@hotline/messaging';
import {
  type AccessControlOptions,
  accessConfigShape,
  accessControlFromConfig,
  applyHeapGrowth,
  applyPretenuring,
  createHttpServer,
  createLogger,
  DOCS_PREFIX,
  exitOnConfigError,
  gracefulShutdown,
  type HttpServer,
  type Logger,
  loadConfigOrExit,
  type ReadinessProbes,
  runtimeConfigShape,
  startTelemetry,
  type TicketOwner,
} from '@hotline/runtime';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type Clock, systemClock } from '../clock/clock.ts';
import { openInfrastructure } from '../infrastructure/open-infrastructure.ts';
import { platformConfigShape } from '../infrastructure/platform-config.ts';
import type { HotlineService, ServiceContext } from '../service/hotline-service.ts';
import { ticketOwnerFromStore } from '../tickets/ticket-owner.ts';
import { stopWithin } from './stop-within.ts';

export const processConfigSchema = z.object({
  ...runtimeConfigShape,
  ...platformConfigShape,
  ...kafkaSecurityConfigShape,
  ...accessConfigShape,
});
export type ProcessConfig = z.infer<typeof processConfigSchema>;

/** A service of a process, which may add dependencies of its own to `/readyz` (the relay: its lease). */
export type ProcessService = HotlineService & { readonly readiness?: ReadinessProbes };

export interface ProcessDefinition {
  /** The process's name in logs, metrics, traces and the OpenAPI title. */
  readonly name: string;
  readonly description: string;
  readonly services: (context: ServiceContext) => readonly ProcessService[];
  /** Whether the in-process bus gets its relay here (true); the relay process brings its own. */
  readonly inProcessRelay?: boolean;
  /** Runs on the store before any service starts (a demo loader): services then start from what it wrote. */
  readonly prepare?: (context: ServiceContext) => Promise<void>;
  /** Called once everything runs: a banner. */
  readonly afterStart?: (running: RunningProcess) => Promise<void>;
  readonly clock?: Clock;
  /**
   * The environment to read, or what makes it once the process starts (the demo writes its keys
   * then, so that a tool that stops an entry point before `runProcess`, or a wrong setting, leaves none).
   */
  readonly env?: Record<string, string | undefined> | (() => Record<string, string | undefined>);
  /** Whose a ticket is, for client-scoped routes; read from the store unless a service knows faster. */
  readonly ticketOwner?: (context: ServiceContext) => TicketOwner;
}

export interface RunningProcess {
  readonly config: ProcessConfig;
  readonly context: ServiceContext;
  readonly app: HttpServer;
  readonly url: string;
  readonly logger: Logger;
  /** Stops as SIGTERM would, without exiting; rejects naming the step still running past SHUTDOWN_TIMEOUT. */
  stop(): Promise<void>;
}

/**
 * One process of the hotline: configuration checked at start, the store and the bus its
 * configuration names, the services' routes on one HTTP server, their consumers, graceful shutdown.
 * On the in-process bus the relay runs here too (store → bus); on Kafka it is a process of its own.
 */
export async function runProcess(definition: ProcessDefinition): Promise<RunningProcess> {
  const env = typeof definition.env === 'function' ? definition.env() : definition.env;
  const config = loadConfigOrExit(processConfigSchema, env ?? process.env);
  applyHeapGrowth(config.HEAP_GROWING_PERCENT);
  applyPretenuring(config.HEAP_PRETENURING);
  // Keys, token and Kafka certificate settings are read before anything opens, so a wrong one stops
  // the start at once.
  let accessSettings: AccessControlOptions;
  let kafkaSecurity: KafkaSecurityOptions;
  try {
    accessSettings = accessControlFromConfig(config);
    kafkaSecurity = kafkaSecurityFromConfig(config);
  } catch (error) {
    exitOnConfigError(error);
  }
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  const telemetry = startTelemetry({
    service: definition.name,
    exporter: config.OTEL_TRACES_EXPORTER,
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const infrastructure = await openInfrastructure(config, logger, definition.name, { kafka: kafkaSecurity });
  const context: ServiceContext = {
    store: infrastructure.store,
    bus: infrastructure.bus,
    logger,
    clock: definition.clock ?? systemClock,
    ...(infrastructure.redis === undefined ? {} : { redis: infrastructure.redis }),
  };
  await definition.prepare?.(context);
  const relay =
    config.BUS === 'in-process' && definition.inProcessRelay !== false
      ? new EventRelay({
          store: infrastructure.store,
          bus: infrastructure.bus,
          checkpoints: new SoleRelay(),
          logger: logger.child({ component: 'relay' }),
        }).start()
      : undefined;
  const services = definition.services(context);
  // A connection of its own for the rate limits, that fails at once while Redis is away (the
  // process's waits for it): requests then go unlimited rather than wait with it.
  const rateLimitRedis =
    accessSettings.enabled && context.redis !== undefined
      ? context.redis.duplicate({ maxRetriesPerRequest: 0, enableOfflineQueue: false })
      : undefined;
  let rateLimitsReachRedis = true;
  rateLimitRedis?.on('ready', () => {
    rateLimitsReachRedis = true;
  });
  rateLimitRedis?.on('error', (error: Error) => {
    // Once per outage, not once per reconnection attempt.
    if (rateLimitsReachRedis) logger.warn({ err: error }, 'rate limits cannot reach Redis: requests go unlimited');
    rateLimitsReachRedis = false;
  });
  const app = await createHttpServer({
    service: definition.name,
    logger,
    bodyLimit: config.HTTP_BODY_LIMIT,
    writeAdmission: { concurrency: config.HTTP_WRITE_CONCURRENCY, queueLimit: config.HTTP_WRITE_QUEUE_LIMIT },
    readinessTimeoutMs: config.READINESS_TIMEOUT,
    readiness: Object.assign({}, infrastructure.readiness, ...services.map((service) => service.readiness ?? {})),
    access: withProcessPorts(accessSettings, context, definition, rateLimitRedis),
    openapi: { title: `Hotline — ${definition.name}`, version: '1', description: definition.description },
  });
  // Before the consumers start, so that each one's partitions are measured from its first join.
  infrastructure.bus.exportConsumerLag(app.metrics);
  for (const service of services) await service.registerRoutes(app);
  for (const service of services) await service.start();
  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;

  const stopSteps = [
    { name: 'http', stop: () => app.close() },
    ...(rateLimitRedis === undefined
      ? []
      : [
          {
            name: 'rate limits',
            stop: async () => {
              await rateLimitRedis.quit().catch(() => rateLimitRedis.disconnect());
            },
          },
        ]),
    ...[...services].reverse().map((service) => ({ name: service.name, stop: () => service.stop() })),
    ...(relay === undefined ? [] : [{ name: 'relay', stop: () => relay.stop() }]),
    { name: 'infrastructure', stop: () => infrastructure.close() },
    { name: 'telemetry', stop: () => telemetry.shutdown() },
  ];
  const shutdown = gracefulShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT, steps: stopSteps });
  const running: RunningProcess = {
    config,
    context,
    app,
    url: `http://${host}:${port}`,
    logger,
    async stop() {
      shutdown.dispose();
      await stopWithin(stopSteps, config.SHUTDOWN_TIMEOUT);
    },
  };
  logger.info({ url: running.url, docs: `${running.url}${DOCS_PREFIX}` }, `${definition.name} listening`);
  await definition.afterStart?.(running);
  return running;
}

/** Access control's ports from the process: the ticket owner, and Redis so replicas share rate limits. */
function withProcessPorts(
  settings: AccessControlOptions,
  context: ServiceContext,
  definition: ProcessDefinition,
  rateLimitRedis: Redis | undefined,
): AccessControlOptions {
  return {
    ...settings,
    ticketOwner: definition.ticketOwner?.(context) ?? ticketOwnerFromStore(context.store),
    ...(settings.rateLimit === undefined || rateLimitRedis === undefined
      ? {}
      : { rateLimit: { ...settings.rateLimit, redis: rateLimitRedis } }),
  };
}
