import { assertNever } from '../shared/result.ts';
import type { TicketEvent, TicketReceived } from './ticket-events.ts';
import type { Ticket, TicketState } from './ticket-state.ts';

/** The state after one more event. Never mutates: the caller may still hold the previous state. */
export function evolveTicket(state: TicketState, event: TicketEvent): TicketState {
  if (event.type === 'TicketReceived') return received(event);
  // The store only appends events the decider produced, which all follow a reception.
  if (state.status === 'none') throw new Error(`Ticket ${event.ticketId}: ${event.type} before TicketReceived`);
  return evolveExisting(state, event);
}

function evolveExisting(ticket: Ticket, event: Exclude<TicketEvent, TicketReceived>): Ticket {
  const moved = (changes: Partial<Ticket>): Ticket => ({ ...ticket, ...changes, lastTransitionAt: event.at });
  switch (event.type) {
    case 'TicketInformationRequested':
      return moved({ status: 'awaiting_information', missing: event.missing });
    case 'TicketInformationProvided': {
      const {
        type: _type,
        schemaVersion: _version,
        ticketId: _id,
        by: _by,
        at: _at,
        message: _message,
        ...given
      } = event;
      const attachments = [...ticket.attachments, ...(given.attachments ?? [])];
      return moved({ ...given, attachments, status: 'received', missing: [] });
    }
    case 'TicketRequalified': {
      const { nature, priority, environment, coverage } = event;
      return moved({
        nature: nature ?? ticket.nature,
        priority: priority ?? ticket.priority,
        environment: environment ?? ticket.environment,
        coverage,
      });
    }
    case 'TicketTakenCharge':
      return moved({
        status: 'taken_charge',
        assignee: event.assignee,
        milestones: { ...ticket.milestones, takeCharge: event.at },
      });
    case 'TicketAssigned':
      return { ...ticket, assignee: event.agentId };
    case 'TicketWorkStarted':
      return moved({ status: 'in_progress' });
    case 'CustomerInputRequested':
      return moved({
        status: 'awaiting_customer',
        resumeStatus: ticket.status === 'workaround_provided' ? 'workaround_provided' : 'in_progress',
      });
    case 'CustomerReplied':
      return moved({ status: ticket.resumeStatus ?? 'in_progress', resumeStatus: undefined });
    case 'WorkaroundProvided':
      return moved({
        status: 'workaround_provided',
        milestones: { ...ticket.milestones, workaround: ticket.milestones.workaround ?? event.at },
      });
    case 'TicketResolved':
      return moved({ status: 'resolved', milestones: { ...ticket.milestones, resolution: event.at } });
    case 'TicketClosed':
      return moved({ status: 'closed' });
    case 'TicketReopened':
      return moved({
        status: 'in_progress',
        reopenCount: ticket.reopenCount + 1,
        milestones: { ...ticket.milestones, resolution: undefined },
      });
    case 'TicketRejected':
      return moved({ status: 'rejected' });
    case 'TicketCancelled':
      return moved({ status: 'cancelled' });
    case 'ClientMessageReceived':
      return ticket;
    case 'ComplaintFiled':
      return { ...ticket, complaints: [...ticket.complaints, event.complaintId] };
    case 'PenaltyClaimed':
      return { ...ticket, penaltyClaims: { ...ticket.penaltyClaims, [event.claimId]: 'open' } };
    case 'PenaltySettled':
      return { ...ticket, penaltyClaims: { ...ticket.penaltyClaims, [event.claimId]: 'settled' } };
    case 'PenaltyWaived':
      return { ...ticket, penaltyClaims: { ...ticket.penaltyClaims, [event.claimId]: 'waived' } };
    case 'TimeRecorded':
      return { ...ticket, minutesSpent: ticket.minutesSpent + event.minutes };
    case 'KnowledgeArticleLinked':
      return { ...ticket, linkedArticles: [...ticket.linkedArticles, event.articleId] };
    default:
      return assertNever(event);
  }
}

function received(event: TicketReceived): Ticket {
  const { type: _type, schemaVersion: _version, at, reportedBy: _reportedBy, source: _source, ...request } = event;
  return {
    ...request,
    status: 'received',
    missing: [],
    receivedAt: at,
    lastTransitionAt: at,
    milestones: {},
    reopenCount: 0,
    penaltyClaims: {},
    complaints: [],
    linkedArticles: [],
    minutesSpent: 0,
  };
}
