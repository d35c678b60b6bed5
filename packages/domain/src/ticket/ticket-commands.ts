import { z } from 'zod';
import {
  ClaimPenalty,
  FileComplaint,
  LinkKnowledgeArticle,
  RecordClientMessage,
  RecordTime,
  SettlePenalty,
  WaivePenalty,
} from './ticket-follow-up-commands.ts';
import {
  CancelTicket,
  ProvideInformation,
  ReceiveTicket,
  RejectTicket,
  RequalifyTicket,
  RequestInformation,
} from './ticket-intake-commands.ts';
import {
  AssignTicket,
  CloseTicket,
  ProvideWorkaround,
  RecordCustomerReply,
  ReopenTicket,
  RequestCustomerInput,
  ResolveTicket,
  StartWork,
  TakeCharge,
} from './ticket-work-commands.ts';

export * from './ticket-follow-up-commands.ts';
export * from './ticket-intake-commands.ts';
export * from './ticket-work-commands.ts';

export const ticketCommandSchemas = [
  ReceiveTicket,
  ProvideInformation,
  RequestInformation,
  RequalifyTicket,
  RejectTicket,
  CancelTicket,
  TakeCharge,
  AssignTicket,
  StartWork,
  RequestCustomerInput,
  RecordCustomerReply,
  ProvideWorkaround,
  ResolveTicket,
  CloseTicket,
  ReopenTicket,
  RecordClientMessage,
  FileComplaint,
  ClaimPenalty,
  SettlePenalty,
  WaivePenalty,
  RecordTime,
  LinkKnowledgeArticle,
] as const;

/** A command as a service builds it from a request or a message, validated at the door. */
export const TicketCommand = z.discriminatedUnion('type', ticketCommandSchemas);
export type TicketCommand = z.infer<typeof TicketCommand>;
export type TicketCommandType = TicketCommand['type'];
