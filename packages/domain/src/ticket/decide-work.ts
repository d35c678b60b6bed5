import { ok } from '../shared/result.ts';
import type { TicketStatus } from './ticket-classification.ts';
import { type TicketEvent, ticketEvent } from './ticket-events.ts';
import { type Decision, onMovable, refuse } from './ticket-refusal.ts';
import type { Ticket, TicketState } from './ticket-state.ts';
import type {
  AssignTicket,
  ProvideWorkaround,
  RecordCustomerReply,
  RequestCustomerInput,
  ResolveTicket,
  StartWork,
  TakeCharge,
} from './ticket-work-commands.ts';

const takenCharge: readonly TicketStatus[] = [
  'taken_charge',
  'in_progress',
  'awaiting_customer',
  'workaround_provided',
];

const assignable: readonly TicketStatus[] = ['received', 'awaiting_information', ...takenCharge];

/** Acknowledged, qualified and assigned at once; only a complete request can be taken charge of. */
export function takeCharge(command: TakeCharge, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (ticket.status === 'awaiting_information') {
      return refuse('ticket.not_receivable', command, ticket, undefined, { missing: ticket.missing });
    }
    if (ticket.status !== 'received') return refuse('ticket.already_taken_charge', command, ticket);
    const { ticketId, by, at } = command;
    return ok([ticketEvent('TicketTakenCharge', { ticketId, assignee: command.assignee ?? by, by, at })]);
  });
}

/**
 * Dispatch before take-charge (triage proposes the agent, who then takes charge) or reassignment after
 * it, until the resolution. Assigning is not taking charge: the milestone waits for the agent's act.
 */
export function assign(command: AssignTicket, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (!assignable.includes(ticket.status)) return refuse('ticket.invalid_transition', command, ticket);
    if (ticket.assignee === command.agentId) {
      return refuse('ticket.already_assigned', command, ticket, `it is already assigned to ${command.agentId}`);
    }
    const { type: _type, ...assignment } = command;
    return ok([ticketEvent('TicketAssigned', assignment)]);
  });
}

export function startWork(command: StartWork, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (ticket.status !== 'taken_charge') return refuse('ticket.invalid_transition', command, ticket);
    const { type: _type, ...start } = command;
    return ok([ticketEvent('TicketWorkStarted', start)]);
  });
}

/** The SLA clock pauses until the customer replies; work resumes where it was (with or without workaround). */
export function requestCustomerInput(command: RequestCustomerInput, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (!['taken_charge', 'in_progress', 'workaround_provided'].includes(ticket.status)) {
      return refuse('ticket.invalid_transition', command, ticket);
    }
    const { type: _type, ...request } = command;
    return ok([...workStartedIfNeeded(ticket, command), ticketEvent('CustomerInputRequested', request)]);
  });
}

/** A reply nobody asked for is a client message (`RecordClientMessage`), not a resumption. */
export function recordCustomerReply(command: RecordCustomerReply, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (ticket.status !== 'awaiting_customer') return refuse('ticket.not_awaiting_customer', command, ticket);
    const { type: _type, ...reply } = command;
    return ok([ticketEvent('CustomerReplied', reply)]);
  });
}

/** The first workaround is the milestone; after a reopening another one may be given. */
export function provideWorkaround(command: ProvideWorkaround, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (!['taken_charge', 'in_progress'].includes(ticket.status)) {
      return refuse('ticket.invalid_transition', command, ticket);
    }
    const { type: _type, ...workaround } = command;
    return ok([...workStartedIfNeeded(ticket, command), ticketEvent('WorkaroundProvided', workaround)]);
  });
}

export function resolve(command: ResolveTicket, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    if (!['taken_charge', 'in_progress', 'workaround_provided'].includes(ticket.status)) {
      return refuse('ticket.invalid_transition', command, ticket);
    }
    if (command.how === 'patch' && command.patchId === undefined) {
      return refuse('ticket.patch_required', command, ticket, 'a resolution by patch must name the patch');
    }
    const { type: _type, ...resolution } = command;
    return ok([...workStartedIfNeeded(ticket, command), ticketEvent('TicketResolved', resolution)]);
  });
}

/**
 * An agent who answers, asks or works around right after taking charge has started working: the
 * stream says so, so that the lifecycle reads `taken_charge → in_progress` without a gap.
 */
function workStartedIfNeeded(ticket: Ticket, command: { ticketId: string; by: string; at: string }): TicketEvent[] {
  if (ticket.status !== 'taken_charge') return [];
  const { ticketId, by, at } = command;
  return [ticketEvent('TicketWorkStarted', { ticketId, by, at })];
}
