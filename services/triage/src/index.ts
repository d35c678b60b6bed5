export {
  type AutomaticTriage,
  TRIAGE_ACTOR,
  type TriageOutcome,
  type TriageStep,
  triageTicket,
  triageTriggers,
} from './automatic/ticket-triage.ts';
export { unassignableAlert } from './automatic/unassignable-alert.ts';
export { AgentDirectory } from './directory/agent-directory.ts';
export { AgentEntry } from './directory/agent-entry.ts';
export { TriageDirectories } from './directory/triage-directories.ts';
export { AssignmentBody, RequalificationBody } from './http/manual-triage-routes.ts';
export { type Requalification, requalificationDecider } from './requalification/requalification-decider.ts';
export { createTriageService, type TriageOptions, type TriageService } from './triage-service.ts';
