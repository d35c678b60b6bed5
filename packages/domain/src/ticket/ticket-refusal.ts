import { epochMs } from '../schema/primitives.ts';
import { type DomainError, domainError } from '../shared/domain-error.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { TicketCommand, TicketCommandType } from './ticket-commands.ts';
import type { TicketEvent } from './ticket-events.ts';
import { isEnded, type Ticket, type TicketState } from './ticket-state.ts';

export type Decision = Result<TicketEvent[], DomainError>;
export type Refusal = { readonly ok: false; readonly error: DomainError };

/** How a refusal message names each command: "Cannot <action> ticket T-1: it is <status>". */
const actions: Record<TicketCommandType, string> = {
  ReceiveTicket: 'receive',
  ProvideInformation: 'provide information for',
  RequestInformation: 'request information for',
  RequalifyTicket: 'requalify',
  RejectTicket: 'reject',
  CancelTicket: 'cancel',
  TakeCharge: 'take charge of',
  AssignTicket: 'assign',
  StartWork: 'start work on',
  RequestCustomerInput: 'request customer input on',
  RecordCustomerReply: 'record a customer reply on',
  ProvideWorkaround: 'provide a workaround for',
  ResolveTicket: 'resolve',
  CloseTicket: 'close',
  ReopenTicket: 'reopen',
  RecordClientMessage: 'record a client message on',
  FileComplaint: 'file a complaint on',
  ClaimPenalty: 'claim penalties on',
  SettlePenalty: 'settle a penalty claim on',
  WaivePenalty: 'waive a penalty claim on',
  RecordTime: 'record time on',
  LinkKnowledgeArticle: 'link an article to',
};

/** A refusal whose message names the command, the ticket and why (its status unless `why` says otherwise). */
export function refuse(
  code: string,
  command: TicketCommand,
  state: TicketState,
  why?: string,
  details: Record<string, unknown> = {},
): Refusal {
  const reason = why ?? (state.status === 'none' ? 'it does not exist' : `it is ${state.status}`);
  const message = `Cannot ${actions[command.type]} ticket ${command.ticketId}: ${reason}`;
  return err(domainError(code, message, { ticketId: command.ticketId, status: state.status, ...details }));
}

/** The ticket the command is about, if it exists and is the one of this stream. */
export function existing(command: TicketCommand, state: TicketState): Result<Ticket, DomainError> {
  if (state.status === 'none') return refuse('ticket.not_found', command, state);
  if (state.ticketId !== command.ticketId) {
    return refuse('ticket.wrong_ticket', command, state, `this stream holds ticket ${state.ticketId}`);
  }
  if (epochMs(command.at) < epochMs(state.receivedAt)) {
    return refuse('ticket.out_of_order', command, state, `it was received at ${state.receivedAt}, after ${command.at}`);
  }
  return ok(state);
}

/** Applies `rule` to the ticket the command is about, when it exists. */
export function onExisting(command: TicketCommand, state: TicketState, rule: (ticket: Ticket) => Decision): Decision {
  const found = existing(command, state);
  return found.ok ? rule(found.value) : found;
}

/**
 * Applies `rule` to a ticket whose lifecycle may still move. The SLA clock reads transitions in
 * order, so one dated before the previous would rewrite history: it is refused, after the rule's own
 * refusals, which say more about what went wrong.
 */
export function onMovable(command: TicketCommand, state: TicketState, rule: (ticket: Ticket) => Decision): Decision {
  return onExisting(command, state, (ticket) => {
    if (isEnded(ticket)) return refuse(`ticket.${ticket.status}`, command, ticket);
    const decision = rule(ticket);
    if (decision.ok && epochMs(command.at) < epochMs(ticket.lastTransitionAt)) {
      const why = `its last change was at ${ticket.lastTransitionAt}, after ${command.at}`;
      return refuse('ticket.out_of_order', command, ticket, why);
    }
    return decision;
  });
}
