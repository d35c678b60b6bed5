import type { ProcessService, ServiceContext } from '@hotline/platform';
import { projectionLagGauge } from '@hotline/runtime';
import type { Redis } from 'ioredis';
import { registerActivityRoutes } from './http/activity-routes.ts';
import { registerAuditRoutes } from './http/audit-routes.ts';
import { registerClientReportRoutes } from './http/client-report-routes.ts';
import { registerIndicatorRoutes } from './http/indicator-routes.ts';
import { registerOverrunRoutes } from './http/overrun-routes.ts';
import { registerPenaltyRoutes } from './http/penalty-routes.ts';
import { registerTicketRoutes } from './http/ticket-routes.ts';
import type { RecordStore } from './projections/record-store.ts';
import { RedisRecordStore } from './projections/redis-record-store.ts';
import { ReportingProjections } from './projections/reporting-projections.ts';
import type { WorkloadThresholds } from './queries/workload-queries.ts';
import { registerSteeringRoutes } from './steering/steering-routes.ts';
import { defaultProposalThresholds, type ProposalThresholds } from './steering/training-queries.ts';

export interface ReportingOptions {
  /** The records live in this Redis (the process's, REDIS_URL, by default), under `redisPrefix`; memory without Redis. */
  readonly redis?: Redis;
  readonly redisPrefix?: string;
  /** Any other record store (tests). */
  readonly records?: RecordStore;
  /** support.events.v1 by default; `store` follows the store's log directly (no relay in the process). */
  readonly feed?: 'bus' | 'store';
  /** The consumer group on support.events.v1. */
  readonly group?: string;
  readonly workload?: Partial<WorkloadThresholds>;
  /** When the analysis of resources and skills proposes trainings (issue #11). */
  readonly trainingProposals?: Partial<ProposalThresholds>;
}

export type ReportingService = ProcessService & {
  readonly projections: ReportingProjections;
};

/** Projections, indicators, overruns, penalties, activity, client reports and their CSV exports. */
export function createReportingService(context: ServiceContext, options: ReportingOptions = {}): ReportingService {
  // Distributed mode shares the records through the process's Redis unless told otherwise.
  const redis = options.redis ?? context.redis;
  const records =
    options.records ??
    (redis === undefined ? undefined : new RedisRecordStore({ redis, prefix: options.redisPrefix ?? '{reporting}' }));
  const projections = new ReportingProjections({
    store: context.store,
    bus: context.bus,
    logger: context.logger.child({ component: 'reporting-projections' }),
    ...(records === undefined ? {} : { records }),
    ...(options.feed === undefined ? {} : { feed: options.feed }),
    ...(options.group === undefined ? {} : { group: options.group }),
    now: () => context.clock.now(),
  });
  const thresholds: WorkloadThresholds = { minSkilledAgents: 2, maxTicketsPerAgent: 400, ...options.workload };
  let lagTimer: ReturnType<typeof setInterval> | undefined;
  let updateLag: (() => Promise<void>) | undefined;
  return {
    name: 'reporting',
    projections,
    readiness: {
      // Ready once the records are loaded and every ticket judged: the first queries answer in
      // milliseconds rather than waiting seconds for that.
      async reporting() {
        if (!projections.started) throw new Error('reporting projections still starting');
        // With the records on Redis, the view follows what every replica wrote only when refreshed.
        const view = await projections.current();
        return { tickets: view.tickets.size, position: Number(view.position) };
      },
    },
    registerRoutes(app) {
      const routes = { app, projections, clock: context.clock };
      registerTicketRoutes(routes);
      registerIndicatorRoutes(routes);
      registerOverrunRoutes(routes);
      registerPenaltyRoutes(routes);
      registerActivityRoutes(routes, thresholds);
      registerClientReportRoutes(routes);
      registerAuditRoutes(routes, context.store);
      registerSteeringRoutes(
        routes,
        {
          workload: thresholds,
          proposals: { ...defaultProposalThresholds, ...options.trainingProposals },
        },
        context.store,
      );
      const lag = projectionLagGauge(app.metrics.registry).labels({ projection: 'reporting' });
      updateLag = async () => {
        const head = await context.store.headPosition();
        const view = await projections.current();
        lag.set(Math.max(0, Number(head - view.position)));
      };
    },
    async start() {
      // The first queries wait for the start (a rebuild from the store in memory); the process need not.
      projections
        .start()
        .catch((error: unknown) => context.logger.error({ err: error }, 'reporting projections failed'));
      lagTimer = setInterval(() => void updateLag?.().catch(() => {}), 5_000);
      lagTimer.unref();
    },
    async stop() {
      clearInterval(lagTimer);
      await projections.stop();
    },
  };
}
