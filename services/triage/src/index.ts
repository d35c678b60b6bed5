export { type TriageOutcome, ticketTriggers, triageTicket } from './automatic/ticket-triage.ts';
export {
  automaticRequalificationDecider,
  type DispatchCommand,
  dispatchDecider,
  type TicketHistory,
  TRIAGE_ACTOR,
  type TriageCommand,
} from './automatic/triage-deciders.ts';
export type { AutomaticTriage, TriageStep } from './automatic/triage-steps.ts';
export { unassignableAlert } from './automatic/unassignable-alert.ts';
export { agentTriggers, dispatchWaitingTickets } from './automatic/waiting-tickets.ts';
export { AgentDirectory } from './directory/agent-directory.ts';
export { AgentEntry } from './directory/agent-entry.ts';
export { TriageDirectories } from './directory/triage-directories.ts';
export { AssignmentBody, RequalificationBody } from './http/manual-triage-routes.ts';
export { type Requalification, requalificationDecider } from './requalification/requalification-decider.ts';
export { createTriageService, type TriageOptions, type TriageService } from './triage-service.ts';
