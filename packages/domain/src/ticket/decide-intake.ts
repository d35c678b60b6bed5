import { ok } from '../shared/result.ts';
import { missingInformation } from './completeness.ts';
import { ticketEvent } from './ticket-events.ts';
import type {
  CancelTicket,
  ProvideInformation,
  ReceiveTicket,
  RejectTicket,
  RequalifyTicket,
  RequestInformation,
} from './ticket-intake-commands.ts';
import { type Decision, onMovable, refuse } from './ticket-refusal.ts';
import { isOpen, type Ticket, type TicketState } from './ticket-state.ts';

/** An incomplete request is still received, then the client is asked for what lacks (DOMAIN.md, "Completeness"). */
export function receive(command: ReceiveTicket, state: TicketState): Decision {
  if (state.status !== 'none') {
    return refuse('ticket.already_received', command, state, `it was already received (it is ${state.status})`);
  }
  const { type: _type, attachments, ...request } = command;
  const missing = missingInformation(command);
  const receivedEvent = ticketEvent('TicketReceived', { ...request, attachments: attachments ?? [] });
  if (missing.length === 0) return ok([receivedEvent]);
  return ok([
    receivedEvent,
    ticketEvent('TicketInformationRequested', { ticketId: command.ticketId, missing, at: command.at }),
  ]);
}

/** Back to `received` only once nothing lacks anymore; otherwise the client is asked again for the rest. */
export function provideInformation(command: ProvideInformation, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (ticket.status !== 'awaiting_information') return refuse('ticket.not_awaiting_information', command, ticket);
    const { type: _type, ...provided } = command;
    const { ticketId, by: _by, at, coverage, ...information } = provided;
    if (Object.values(information).every((value) => value === undefined)) {
      return refuse('ticket.nothing_provided', command, ticket, 'the command provides no information');
    }
    if (coverage === undefined && changesWhoOrWhat(ticket, command)) {
      const why = 'a new client or product needs its coverage, judged by the terms in force at reception';
      return refuse('ticket.coverage_required', command, ticket, why);
    }
    const missing = missingInformation({ ...ticket, ...withoutUndefined(information) });
    const providedEvent = ticketEvent('TicketInformationProvided', provided);
    if (missing.length === 0) return ok([providedEvent]);
    return ok([providedEvent, ticketEvent('TicketInformationRequested', { ticketId, missing, at })]);
  });
}

/** An agent may find a request insufficient beyond what the completeness check sees, before taking charge. */
export function requestInformation(command: RequestInformation, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (ticket.status !== 'received') return refuse('ticket.invalid_transition', command, ticket);
    const { type: _type, ...request } = command;
    return ok([ticketEvent('TicketInformationRequested', request)]);
  });
}

/** A requalification records only what changes, with the coverage re-judged for the new qualification. */
export function requalify(command: RequalifyTicket, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (!isOpen(ticket)) return refuse('ticket.not_open', command, ticket);
    const changes = {
      ...(command.nature !== undefined && command.nature !== ticket.nature && { nature: command.nature }),
      ...(command.priority !== undefined && command.priority !== ticket.priority && { priority: command.priority }),
      ...(command.environment !== undefined &&
        command.environment !== ticket.environment && { environment: command.environment }),
    };
    if (Object.keys(changes).length === 0) {
      const why = `it is already ${ticket.nature}, ${ticket.priority}, ${ticket.environment ?? 'no environment'}`;
      return refuse('ticket.nothing_to_requalify', command, ticket, why);
    }
    const { ticketId, reason, coverage, by, at } = command;
    return ok([ticketEvent('TicketRequalified', { ticketId, ...changes, reason, coverage, by, at })]);
  });
}

export function reject(command: RejectTicket, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (!isOpen(ticket)) return refuse('ticket.not_open', command, ticket);
    if (command.reason === 'duplicate' && command.duplicateOf === undefined) {
      return refuse('ticket.duplicate_of_required', command, ticket, 'a duplicate must name the ticket it duplicates');
    }
    if (command.duplicateOf === command.ticketId) {
      return refuse('ticket.duplicate_of_itself', command, ticket, 'a ticket cannot duplicate itself');
    }
    const { type: _type, ...rejection } = command;
    return ok([ticketEvent('TicketRejected', rejection)]);
  });
}

/** The client withdraws the request; once resolved, closing (or reopening) is what is left to them. */
export function cancel(command: CancelTicket, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (!isOpen(ticket)) return refuse('ticket.not_open', command, ticket);
    const { type: _type, ...cancellation } = command;
    return ok([ticketEvent('TicketCancelled', cancellation)]);
  });
}

function changesWhoOrWhat(ticket: Ticket, command: ProvideInformation): boolean {
  return (
    (command.clientId !== undefined && command.clientId !== ticket.clientId) ||
    (command.product !== undefined && command.product !== ticket.product)
  );
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
