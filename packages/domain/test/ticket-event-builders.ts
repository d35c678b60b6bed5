import type {
  ClientMessageReceived,
  ComplaintFiled,
  CustomerInputRequested,
  CustomerReplied,
  KnowledgeArticleLinked,
  PenaltyClaimed,
  PenaltySettled,
  PenaltyWaived,
  TicketAssigned,
  TicketCancelled,
  TicketClosed,
  TicketInformationProvided,
  TicketInformationRequested,
  TicketReceived,
  TicketRejected,
  TicketReopened,
  TicketRequalified,
  TicketResolved,
  TicketTakenCharge,
  TicketWorkStarted,
  TimeRecorded,
  WorkaroundProvided,
} from '../src/ticket/ticket-events.ts';
import { agent, contact, covered, manager, p2Malfunction, T, times } from './ticket-fixtures.ts';

// Each event is what the command builder of the same step makes the decider emit.

type Of<E> = Partial<E>;

/** Asked by the completeness check when `by` is not given. */
export const informationRequested = (
  missing: string[],
  o: Of<TicketInformationRequested> = {},
): TicketInformationRequested => ({
  type: 'TicketInformationRequested',
  schemaVersion: 1,
  ticketId: T,
  missing,
  at: times.received,
  ...o,
});
export const received = (o: Of<TicketReceived> = {}): TicketReceived => ({
  type: 'TicketReceived',
  schemaVersion: 1,
  ticketId: T,
  ...p2Malfunction,
  attachments: [],
  reportedBy: contact,
  coverage: covered,
  at: times.received,
  ...o,
});
export const informationProvided = (o: Of<TicketInformationProvided> = {}): TicketInformationProvided => ({
  type: 'TicketInformationProvided',
  schemaVersion: 1,
  ticketId: T,
  by: contact,
  at: times.informationProvided,
  ...o,
});
export const requalified = (o: Of<TicketRequalified> = {}): TicketRequalified => ({
  type: 'TicketRequalified',
  schemaVersion: 1,
  ticketId: T,
  reason: 'Production stopped',
  coverage: covered,
  by: agent,
  at: times.requalified,
  ...o,
});
export const rejected = (o: Of<TicketRejected> = {}): TicketRejected => ({
  type: 'TicketRejected',
  schemaVersion: 1,
  ticketId: T,
  reason: 'not_support_request',
  by: agent,
  at: times.ended,
  ...o,
});
export const cancelled = (o: Of<TicketCancelled> = {}): TicketCancelled => ({
  type: 'TicketCancelled',
  schemaVersion: 1,
  ticketId: T,
  by: contact,
  at: times.ended,
  ...o,
});
export const takenCharge = (o: Of<TicketTakenCharge> = {}): TicketTakenCharge => ({
  type: 'TicketTakenCharge',
  schemaVersion: 1,
  ticketId: T,
  assignee: agent,
  by: agent,
  at: times.takenCharge,
  ...o,
});
export const assigned = (o: Of<TicketAssigned> = {}): TicketAssigned => ({
  type: 'TicketAssigned',
  schemaVersion: 1,
  ticketId: T,
  agentId: 'agent-bob',
  by: manager,
  at: times.assigned,
  ...o,
});
export const workStarted = (o: Of<TicketWorkStarted> = {}): TicketWorkStarted => ({
  type: 'TicketWorkStarted',
  schemaVersion: 1,
  ticketId: T,
  by: agent,
  at: times.workStarted,
  ...o,
});
export const customerInputRequested = (o: Of<CustomerInputRequested> = {}): CustomerInputRequested => ({
  type: 'CustomerInputRequested',
  schemaVersion: 1,
  ticketId: T,
  question: 'Which invoice number fails?',
  by: agent,
  at: times.customerInputRequested,
  ...o,
});
export const customerReplied = (o: Of<CustomerReplied> = {}): CustomerReplied => ({
  type: 'CustomerReplied',
  schemaVersion: 1,
  ticketId: T,
  message: 'Invoice 2026-0042',
  by: contact,
  at: times.customerReplied,
  ...o,
});
export const workaroundProvided = (o: Of<WorkaroundProvided> = {}): WorkaroundProvided => ({
  type: 'WorkaroundProvided',
  schemaVersion: 1,
  ticketId: T,
  description: 'Post with the previous period open',
  by: agent,
  at: times.workaroundProvided,
  ...o,
});
export const resolved = (o: Of<TicketResolved> = {}): TicketResolved => ({
  type: 'TicketResolved',
  schemaVersion: 1,
  ticketId: T,
  how: 'fix',
  by: agent,
  at: times.resolved,
  ...o,
});
export const closed = (o: Of<TicketClosed> = {}): TicketClosed => ({
  type: 'TicketClosed',
  schemaVersion: 1,
  ticketId: T,
  reason: 'confirmed_by_client',
  by: contact,
  at: times.closed,
  ...o,
});
export const reopened = (o: Of<TicketReopened> = {}): TicketReopened => ({
  type: 'TicketReopened',
  schemaVersion: 1,
  ticketId: T,
  reason: 'Fails again on June invoices',
  by: contact,
  at: times.reopened,
  ...o,
});
export const clientMessageReceived = (o: Of<ClientMessageReceived> = {}): ClientMessageReceived => ({
  type: 'ClientMessageReceived',
  schemaVersion: 1,
  ticketId: T,
  kind: 'reminder',
  message: 'Any news?',
  by: contact,
  at: times.followUp,
  ...o,
});
export const complaintFiled = (o: Of<ComplaintFiled> = {}): ComplaintFiled => ({
  type: 'ComplaintFiled',
  schemaVersion: 1,
  ticketId: T,
  complaintId: 'C-1',
  subject: 'Too slow',
  by: contact,
  at: times.followUp,
  ...o,
});
export const penaltyClaimed = (o: Of<PenaltyClaimed> = {}): PenaltyClaimed => ({
  type: 'PenaltyClaimed',
  schemaVersion: 1,
  ticketId: T,
  claimId: 'PC-1',
  by: contact,
  at: times.followUp,
  ...o,
});
export const penaltySettled = (o: Of<PenaltySettled> = {}): PenaltySettled => ({
  type: 'PenaltySettled',
  schemaVersion: 1,
  ticketId: T,
  claimId: 'PC-1',
  amountCents: 33_600,
  by: manager,
  at: times.followUp,
  ...o,
});
export const penaltyWaived = (o: Of<PenaltyWaived> = {}): PenaltyWaived => ({
  type: 'PenaltyWaived',
  schemaVersion: 1,
  ticketId: T,
  claimId: 'PC-1',
  reason: 'Delay caused by the client',
  by: manager,
  at: times.followUp,
  ...o,
});
export const timeRecorded = (o: Of<TimeRecorded> = {}): TimeRecorded => ({
  type: 'TimeRecorded',
  schemaVersion: 1,
  ticketId: T,
  agentId: agent,
  minutes: 45,
  what: 'Analysis',
  by: agent,
  at: times.followUp,
  ...o,
});
export const articleLinked = (o: Of<KnowledgeArticleLinked> = {}): KnowledgeArticleLinked => ({
  type: 'KnowledgeArticleLinked',
  schemaVersion: 1,
  ticketId: T,
  articleId: 'KB-7',
  by: agent,
  at: times.followUp,
  ...o,
});
