export { createDashboardService, type DashboardOptions, type DashboardService } from './dashboard-service.ts';
export { EventStream, type StreamedEvent } from './event-stream.ts';
export type { Upstreams } from './upstream-proxy.ts';
