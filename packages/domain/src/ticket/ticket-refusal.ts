import { type DomainError, domainError } from '../shared/domain-error.ts';
import { err, type Result } from '../shared/result.ts';
import { toEpochMs } from '../shared/time.ts';
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

/**
 * Applies `rule` to the ticket the command is about, when it exists and is the one of this stream.
 * A fact dated before the reception is refused, after the rule's own refusals, which say more.
 */
export function onExisting(command: TicketCommand, state: TicketState, rule: (ticket: Ticket) => Decision): Decision {
  if (state.status === 'none') return refuse('ticket.not_found', command, state);
  if (state.ticketId !== command.ticketId) {
    return refuse('ticket.wrong_ticket', command, state, `this stream holds ticket ${state.ticketId}`);
  }
  return notBefore(state.receivedAt, 'it was received', command, state, rule(state));
}

/**
 * Applies `rule` to a ticket whose lifecycle may still move. The SLA clock reads transitions in
 * order, so one dated before the previous would rewrite history: it is refused.
 */
export function onMovable(command: TicketCommand, state: TicketState, rule: (ticket: Ticket) => Decision): Decision {
  return onExisting(command, state, (ticket) => {
    if (isEnded(ticket)) return refuse(`ticket.${ticket.status}`, command, ticket);
    return notBefore(ticket.lastTransitionAt, 'its last change was', command, ticket, rule(ticket));
  });
}

function notBefore(
  instant: string,
  what: string,
  command: TicketCommand,
  ticket: Ticket,
  decision: Decision,
): Decision {
  if (!decision.ok || toEpochMs(command.at) >= toEpochMs(instant)) return decision;
  return refuse('ticket.out_of_order', command, ticket, `${what} at ${instant}, after ${command.at}`);
}
