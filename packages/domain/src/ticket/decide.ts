import { assertNever } from '../shared/result.ts';
import { close, reopen } from './decide-closure.ts';
import {
  claimPenalty,
  fileComplaint,
  linkKnowledgeArticle,
  recordClientMessage,
  recordTime,
  settlePenalty,
  waivePenalty,
} from './decide-follow-up.ts';
import { cancel, provideInformation, receive, reject, requalify, requestInformation } from './decide-intake.ts';
import {
  assign,
  provideWorkaround,
  recordCustomerReply,
  requestCustomerInput,
  resolve,
  startWork,
  takeCharge,
} from './decide-work.ts';
import type { TicketCommand } from './ticket-commands.ts';
import type { Decision } from './ticket-refusal.ts';
import type { TicketState } from './ticket-state.ts';

/** The events a command produces on a ticket, or the reason it is refused (then nothing is written). */
export function decideTicket(command: TicketCommand, state: TicketState): Decision {
  switch (command.type) {
    case 'ReceiveTicket':
      return receive(command, state);
    case 'ProvideInformation':
      return provideInformation(command, state);
    case 'RequestInformation':
      return requestInformation(command, state);
    case 'RequalifyTicket':
      return requalify(command, state);
    case 'RejectTicket':
      return reject(command, state);
    case 'CancelTicket':
      return cancel(command, state);
    case 'TakeCharge':
      return takeCharge(command, state);
    case 'AssignTicket':
      return assign(command, state);
    case 'StartWork':
      return startWork(command, state);
    case 'RequestCustomerInput':
      return requestCustomerInput(command, state);
    case 'RecordCustomerReply':
      return recordCustomerReply(command, state);
    case 'ProvideWorkaround':
      return provideWorkaround(command, state);
    case 'ResolveTicket':
      return resolve(command, state);
    case 'CloseTicket':
      return close(command, state);
    case 'ReopenTicket':
      return reopen(command, state);
    case 'RecordClientMessage':
      return recordClientMessage(command, state);
    case 'FileComplaint':
      return fileComplaint(command, state);
    case 'ClaimPenalty':
      return claimPenalty(command, state);
    case 'SettlePenalty':
      return settlePenalty(command, state);
    case 'WaivePenalty':
      return waivePenalty(command, state);
    case 'RecordTime':
      return recordTime(command, state);
    case 'LinkKnowledgeArticle':
      return linkKnowledgeArticle(command, state);
    default:
      return assertNever(command);
  }
}
