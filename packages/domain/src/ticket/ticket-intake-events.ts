import { z } from 'zod';
import { CoverageVerdict } from '../contract/coverage-verdict.ts';
import { eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';
import { AttachmentRef, Environment, Nature, Priority } from './ticket-classification.ts';
import { ProvidedInformation, RequestDetails } from './ticket-request.ts';

/**
 * The request as declared (nature and priority as the client said them) and its coverage, judged by
 * the contract terms in force at reception, which hold for the ticket's whole life.
 */
export const TicketReceived = eventSchema('TicketReceived', 1, {
  ...RequestDetails.shape,
  ticketId: EntityId,
  nature: Nature,
  priority: Priority,
  attachments: z.array(AttachmentRef),
  source: z.string().trim().min(1).optional(),
  /** The upstream system's id for this request, so a redelivered message is recognised. */
  externalId: z.string().trim().min(1).optional(),
  reportedBy: ActorId,
  coverage: CoverageVerdict,
  at: Instant,
});

/** `by` is absent when the completeness check asked, present when an agent did. */
export const TicketInformationRequested = eventSchema('TicketInformationRequested', 1, {
  ticketId: EntityId,
  missing: z.array(z.string().trim().min(1)).min(1),
  message: z.string().trim().min(1).optional(),
  by: ActorId.optional(),
  at: Instant,
});

/** `coverage` is present when the client or product became known, re-judged by the terms in force at reception. */
export const TicketInformationProvided = eventSchema('TicketInformationProvided', 1, {
  ...ProvidedInformation.shape,
  ticketId: EntityId,
  coverage: CoverageVerdict.optional(),
  by: ActorId,
  at: Instant,
});

/** Only the requalified fields are present; `coverage` always, since a new nature may change it. */
export const TicketRequalified = eventSchema('TicketRequalified', 1, {
  ticketId: EntityId,
  nature: Nature.optional(),
  priority: Priority.optional(),
  environment: Environment.optional(),
  reason: z.string().trim().min(1),
  coverage: CoverageVerdict,
  by: ActorId,
  at: Instant,
});

export const RejectionReason = z.enum(['duplicate', 'not_support_request']);
export type RejectionReason = z.infer<typeof RejectionReason>;

export const TicketRejected = eventSchema('TicketRejected', 1, {
  ticketId: EntityId,
  reason: RejectionReason,
  duplicateOf: EntityId.optional(),
  comment: z.string().trim().min(1).optional(),
  by: ActorId,
  at: Instant,
});

export const TicketCancelled = eventSchema('TicketCancelled', 1, {
  ticketId: EntityId,
  reason: z.string().trim().min(1).optional(),
  by: ActorId,
  at: Instant,
});

export type TicketReceived = z.infer<typeof TicketReceived>;
export type TicketInformationRequested = z.infer<typeof TicketInformationRequested>;
export type TicketInformationProvided = z.infer<typeof TicketInformationProvided>;
export type TicketRequalified = z.infer<typeof TicketRequalified>;
export type TicketRejected = z.infer<typeof TicketRejected>;
export type TicketCancelled = z.infer<typeof TicketCancelled>;
