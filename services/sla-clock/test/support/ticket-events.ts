import { type Priority, type TicketEvent, ticketEvent, toInstant } from '@hotline/domain';

/** Ticket events as the services record them, at an instant given in epoch ms. */
export const tickets = {
  received(
    ticketId: string,
    priority: Priority,
    at: number,
    options: { nature?: 'malfunction' | 'functional' | 'evolution'; contractId?: string | null } = {},
  ): TicketEvent {
    const contractId = options.contractId === undefined ? 'ACME-M' : options.contractId;
    return ticketEvent('TicketReceived', {
      ticketId,
      clientId: 'ACME',
      product: 'ERP',
      version: '12.4',
      environment: 'production',
      description: 'Invoices fail to post',
      reproductionSteps: 'Post one',
      nature: options.nature ?? 'malfunction',
      priority,
      attachments: [],
      reportedBy: 'contact-cleo',
      coverage: contractId === null ? { status: 'no_contract', contractId: null } : { status: 'covered', contractId },
      at: toInstant(at),
    });
  },
  takenCharge: (ticketId: string, at: number): TicketEvent =>
    ticketEvent('TicketTakenCharge', { ticketId, assignee: 'agent-ada', by: 'agent-ada', at: toInstant(at) }),
  customerAsked: (ticketId: string, at: number): TicketEvent =>
    ticketEvent('CustomerInputRequested', { ticketId, question: 'Which invoice?', by: 'agent-ada', at: toInstant(at) }),
  customerReplied: (ticketId: string, at: number): TicketEvent =>
    ticketEvent('CustomerReplied', { ticketId, message: 'Invoice 42', by: 'contact-cleo', at: toInstant(at) }),
  workaround: (ticketId: string, at: number): TicketEvent =>
    ticketEvent('WorkaroundProvided', { ticketId, description: 'Post by hand', by: 'agent-ada', at: toInstant(at) }),
  resolved: (ticketId: string, at: number): TicketEvent =>
    ticketEvent('TicketResolved', { ticketId, how: 'fix', by: 'agent-ada', at: toInstant(at) }),
  reopened: (ticketId: string, at: number): TicketEvent =>
    ticketEvent('TicketReopened', { ticketId, reason: 'Still failing', by: 'contact-cleo', at: toInstant(at) }),
  closed: (ticketId: string, at: number): TicketEvent =>
    ticketEvent('TicketClosed', { ticketId, reason: 'confirmed_by_client', by: 'contact-cleo', at: toInstant(at) }),
  rejected: (ticketId: string, at: number): TicketEvent =>
    ticketEvent('TicketRejected', { ticketId, reason: 'not_support_request', by: 'agent-ada', at: toInstant(at) }),
  requalified(ticketId: string, at: number, priority: Priority, contractId: string | null = 'ACME-M'): TicketEvent {
    return ticketEvent('TicketRequalified', {
      ticketId,
      priority,
      reason: 'Production stopped',
      coverage:
        contractId === null ? { status: 'not_applicable', contractId: null } : { status: 'covered', contractId },
      by: 'agent-ada',
      at: toInstant(at),
    });
  },
};
