import type { HotlineService, ServiceContext } from '@hotline/platform';
import { EventStream } from './event-stream.ts';
import { registerFilterChoices } from './filter-choices.ts';
import { registerStaticFiles } from './static-files.ts';
import { registerUpstreamProxy, type Upstreams } from './upstream-proxy.ts';

export interface DashboardService extends HotlineService {
  readonly events: EventStream;
}

/**
 * The hotline manager's dashboard: the page at `/` and its assets, which read the reporting and
 * SLA query APIs of the same origin, and `/events/stream`, the domain events as server-sent events
 * so that the page follows what changes without reloading. In the one-process product those APIs
 * are in the same process; alone (distributed mode), `upstreams` names where they answer.
 */
export interface DashboardOptions {
  /** Distributed mode: the services whose query APIs the page reads, relayed under this origin. */
  readonly upstreams?: Upstreams;
}

export function createDashboardService(context: ServiceContext, options: DashboardOptions = {}): DashboardService {
  const events = new EventStream(context.bus, context.logger.child({ component: 'dashboard-events' }));
  return {
    name: 'dashboard',
    events,
    registerRoutes(app) {
      registerStaticFiles(app);
      registerFilterChoices(app);
      events.register(app);
      if (options.upstreams !== undefined) registerUpstreamProxy(app, options.upstreams);
    },
    start: () => events.start(),
    stop: () => events.stop(),
  };
}
