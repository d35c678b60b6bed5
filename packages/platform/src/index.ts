export { type Clock, systemClock, VirtualClock } from './clock/clock.ts';
export { ContractDirectory } from './directories/contract-directory.ts';
export { type Executed, executeCommand, refusalProblem } from './http/command-execution.ts';
export { domainErrorStatus } from './http/domain-statuses.ts';
export { CommandBodyBase, commandContextOf, IDEMPOTENCY_KEY_HEADER, occurredAt } from './http/request-context.ts';
export { domainUpcaster } from './infrastructure/domain-upcaster.ts';
export {
  type Infrastructure,
  type InfrastructureConfig,
  openInfrastructure,
} from './infrastructure/open-infrastructure.ts';
export { platformConfigShape } from './infrastructure/platform-config.ts';
export { processNodeFlags } from './process/node-flags.ts';
export {
  type ProcessConfig,
  type ProcessDefinition,
  type ProcessService,
  processConfigSchema,
  type RunningProcess,
  runProcess,
} from './process/run-process.ts';
export { type SeededRandom, seededRandom } from './random/seeded-random.ts';
export type { HotlineService, ServiceContext } from './service/hotline-service.ts';
export { idOfStream, streams } from './streams.ts';
export { seedWorkedExamples } from './testing/seed-worked-examples.ts';
export { type HarnessOptions, serviceHarness } from './testing/service-harness.ts';
export { settled } from './testing/settled-store.ts';
export { intern } from './tickets/interned-text.ts';
export { leanClockFact, leanTicket, NONE, sharedCoverage } from './tickets/lean-ticket.ts';
export { SharedValues } from './tickets/shared-values.ts';
export { ticketOwnerFromStore } from './tickets/ticket-owner.ts';
export { type LoadedTicket, loadTicket, ticketEventsOf, ticketFrom } from './tickets/ticket-reading.ts';
export { TicketView, ticketView } from './tickets/ticket-view.ts';
