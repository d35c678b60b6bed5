export { createSlaClockService } from './sla-clock-service.ts';
export { TargetSlaView, TicketSlaView, ticketSlaView } from './sla-view.ts';
