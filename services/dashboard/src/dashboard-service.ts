import type { HotlineService, ServiceContext } from '@hotline/platform';
import { EventStream } from './event-stream.ts';
import { registerStaticFiles } from './static-files.ts';

export interface DashboardService extends HotlineService {
  readonly events: EventStream;
}

/**
 * The hotline manager's dashboard: the page at `/` and its assets, which read the reporting and
 * SLA query APIs of the same origin, and `/events/stream`, the domain events as server-sent events
 * so that the page follows what changes without reloading.
 */
export function createDashboardService(context: ServiceContext): DashboardService {
  const events = new EventStream(context.bus, context.logger.child({ component: 'dashboard-events' }));
  return {
    name: 'dashboard',
    events,
    registerRoutes(app) {
      registerStaticFiles(app);
      events.register(app);
    },
    start: () => events.start(),
    stop: () => events.stop(),
  };
}
