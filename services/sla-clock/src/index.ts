export {
  type AlertCoordination,
  type AlertCoordinationOptions,
  alertCoordinationFor,
} from './alerts/alert-coordination.ts';
export { AlertDispatcher, type AlertDispatcherOptions, alertedFacts } from './alerts/alert-dispatcher.ts';
export { SqliteAlertCoordination } from './alerts/sqlite-alert-coordination.ts';
export { storedAlerts } from './alerts/stored-alerts.ts';
export { TicketClocks } from './clocks/ticket-clocks.ts';
export type { Firing } from './firing/crossing-raiser.ts';
export { slaAlert } from './firing/sla-alert.ts';
export { AtRiskList, BreachedList } from './http/risk-lists.ts';
export { TargetSlaView, TicketSlaView, ticketSlaView } from './http/sla-view.ts';
export { createSlaClockService, type SlaClockOptions, type SlaClockService } from './sla-clock-service.ts';
export { MemoryTimerStore } from './timers/memory-timer-store.ts';
export { RedisTimerStore, type RedisTimerStoreOptions } from './timers/redis-timer-store.ts';
export type { TimerClaim, TimerSchedule, TimerStore } from './timers/timer-store.ts';
