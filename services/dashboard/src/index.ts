export { createDashboardService, type DashboardService } from './dashboard-service.ts';
export { EventStream, type StreamedEvent } from './event-stream.ts';
