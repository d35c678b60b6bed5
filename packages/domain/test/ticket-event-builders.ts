import { type TicketEvent, type TicketInformationRequested, ticketEvent } from '../src/ticket/ticket-events.ts';
import { agent, contact, covered, manager, p2Malfunction, T, times } from './ticket-fixtures.ts';

// Each event is what the command builder of the same step makes the decider emit.

function builder<E extends TicketEvent>(defaults: E) {
  return (overrides: Partial<E> = {}): E => ({ ...defaults, ...overrides });
}

const ticket = { ticketId: T };

export const received = builder(
  ticketEvent('TicketReceived', {
    ...ticket,
    ...p2Malfunction,
    attachments: [],
    reportedBy: contact,
    coverage: covered,
    at: times.received,
  }),
);
/** Asked by the completeness check when `by` is not given. */
export const informationRequested = (
  missing: string[],
  overrides: Partial<TicketInformationRequested> = {},
): TicketInformationRequested => ({
  ...ticketEvent('TicketInformationRequested', { ...ticket, missing, at: times.received }),
  ...overrides,
});
export const informationProvided = builder(
  ticketEvent('TicketInformationProvided', { ...ticket, by: contact, at: times.informationProvided }),
);
export const requalified = builder(
  ticketEvent('TicketRequalified', {
    ...ticket,
    reason: 'Production stopped',
    coverage: covered,
    by: agent,
    at: times.requalified,
  }),
);
export const rejected = builder(
  ticketEvent('TicketRejected', { ...ticket, reason: 'not_support_request', by: agent, at: times.ended }),
);
export const cancelled = builder(ticketEvent('TicketCancelled', { ...ticket, by: contact, at: times.ended }));
export const takenCharge = builder(
  ticketEvent('TicketTakenCharge', { ...ticket, assignee: agent, by: agent, at: times.takenCharge }),
);
export const assigned = builder(
  ticketEvent('TicketAssigned', { ...ticket, agentId: 'agent-bob', by: manager, at: times.assigned }),
);
export const workStarted = builder(ticketEvent('TicketWorkStarted', { ...ticket, by: agent, at: times.workStarted }));
export const customerInputRequested = builder(
  ticketEvent('CustomerInputRequested', {
    ...ticket,
    question: 'Which invoice number fails?',
    by: agent,
    at: times.customerInputRequested,
  }),
);
export const customerReplied = builder(
  ticketEvent('CustomerReplied', { ...ticket, message: 'Invoice 2026-0042', by: contact, at: times.customerReplied }),
);
export const workaroundProvided = builder(
  ticketEvent('WorkaroundProvided', {
    ...ticket,
    description: 'Post with the previous period open',
    by: agent,
    at: times.workaroundProvided,
  }),
);
export const resolved = builder(
  ticketEvent('TicketResolved', { ...ticket, how: 'fix', by: agent, at: times.resolved }),
);
export const closed = builder(
  ticketEvent('TicketClosed', { ...ticket, reason: 'confirmed_by_client', by: contact, at: times.closed }),
);
export const reopened = builder(
  ticketEvent('TicketReopened', { ...ticket, reason: 'Fails again on June invoices', by: contact, at: times.reopened }),
);
export const clientMessageReceived = builder(
  ticketEvent('ClientMessageReceived', {
    ...ticket,
    kind: 'reminder',
    message: 'Any news?',
    by: contact,
    at: times.followUp,
  }),
);
export const complaintFiled = builder(
  ticketEvent('ComplaintFiled', {
    ...ticket,
    complaintId: 'C-1',
    subject: 'Too slow',
    by: contact,
    at: times.followUp,
  }),
);
export const penaltyClaimed = builder(
  ticketEvent('PenaltyClaimed', { ...ticket, claimId: 'PC-1', by: contact, at: times.followUp }),
);
export const penaltySettled = builder(
  ticketEvent('PenaltySettled', { ...ticket, claimId: 'PC-1', amountCents: 33_600, by: manager, at: times.followUp }),
);
export const penaltyWaived = builder(
  ticketEvent('PenaltyWaived', {
    ...ticket,
    claimId: 'PC-1',
    reason: 'Delay caused by the client',
    by: manager,
    at: times.followUp,
  }),
);
export const timeRecorded = builder(
  ticketEvent('TimeRecorded', {
    ...ticket,
    agentId: agent,
    minutes: 45,
    what: 'Analysis',
    by: agent,
    at: times.followUp,
  }),
);
export const articleLinked = builder(
  ticketEvent('KnowledgeArticleLinked', { ...ticket, articleId: 'KB-7', by: agent, at: times.followUp }),
);
