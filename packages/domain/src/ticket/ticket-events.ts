import { z } from 'zod';
import { eventFactory } from '../schema/event-schema.ts';
import {
  ClientMessageReceived,
  ComplaintFiled,
  KnowledgeArticleLinked,
  PenaltyClaimed,
  PenaltySettled,
  PenaltyWaived,
  TimeRecorded,
} from './ticket-follow-up-events.ts';
import {
  TicketCancelled,
  TicketInformationProvided,
  TicketInformationRequested,
  TicketReceived,
  TicketRejected,
  TicketRequalified,
} from './ticket-intake-events.ts';
import {
  CustomerInputRequested,
  CustomerReplied,
  TicketAssigned,
  TicketClosed,
  TicketReopened,
  TicketResolved,
  TicketTakenCharge,
  TicketWorkStarted,
  WorkaroundProvided,
} from './ticket-work-events.ts';

export * from './ticket-follow-up-events.ts';
export * from './ticket-intake-events.ts';
export * from './ticket-work-events.ts';

/** Every event of a ticket's stream; the registry and the union come from this one list. */
export const ticketEventSchemas = [
  TicketReceived,
  TicketInformationRequested,
  TicketInformationProvided,
  TicketRequalified,
  TicketTakenCharge,
  TicketAssigned,
  TicketWorkStarted,
  CustomerInputRequested,
  CustomerReplied,
  WorkaroundProvided,
  TicketResolved,
  TicketClosed,
  TicketReopened,
  TicketRejected,
  TicketCancelled,
  ClientMessageReceived,
  ComplaintFiled,
  PenaltyClaimed,
  PenaltySettled,
  PenaltyWaived,
  TimeRecorded,
  KnowledgeArticleLinked,
] as const;

export const TicketEvent = z.discriminatedUnion('type', ticketEventSchemas);
export type TicketEvent = z.infer<typeof TicketEvent>;
export type TicketEventType = TicketEvent['type'];
export type TicketEventOf<T extends TicketEventType> = Extract<TicketEvent, { type: T }>;

export const ticketEvent = eventFactory<TicketEvent>(ticketEventSchemas);
