import { z } from 'zod';
import { eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';
import { AttachmentRef } from './ticket-classification.ts';

const Text = z.string().trim().min(1);

/** The take-charge milestone: acknowledged, qualified and assigned, in one act (DOMAIN.md, "PEC"). */
export const TicketTakenCharge = eventSchema('TicketTakenCharge', 1, {
  ticketId: EntityId,
  assignee: EntityId,
  by: ActorId,
  at: Instant,
});

export const TicketAssigned = eventSchema('TicketAssigned', 1, {
  ticketId: EntityId,
  agentId: EntityId,
  reason: Text.optional(),
  by: ActorId,
  at: Instant,
});

export const TicketWorkStarted = eventSchema('TicketWorkStarted', 1, { ticketId: EntityId, by: ActorId, at: Instant });

/** Pauses the SLA clock until the customer replies. */
export const CustomerInputRequested = eventSchema('CustomerInputRequested', 1, {
  ticketId: EntityId,
  question: Text,
  by: ActorId,
  at: Instant,
});

export const CustomerReplied = eventSchema('CustomerReplied', 1, {
  ticketId: EntityId,
  message: Text,
  attachments: z.array(AttachmentRef).optional(),
  by: ActorId,
  at: Instant,
});

export const WorkaroundProvided = eventSchema('WorkaroundProvided', 1, {
  ticketId: EntityId,
  description: Text,
  articleId: EntityId.optional(),
  by: ActorId,
  at: Instant,
});

export const ResolutionKind = z.enum(['fix', 'patch', 'answer']);
export type ResolutionKind = z.infer<typeof ResolutionKind>;

/** `how`: a fix delivered, a released patch (`patchId`), or an answer (often a knowledge article). */
export const TicketResolved = eventSchema('TicketResolved', 1, {
  ticketId: EntityId,
  how: ResolutionKind,
  patchId: EntityId.optional(),
  articleId: EntityId.optional(),
  summary: Text.optional(),
  by: ActorId,
  at: Instant,
});

export const ClosingReason = z.enum(['confirmed_by_client', 'reopen_window_elapsed', 'by_manager']);
export type ClosingReason = z.infer<typeof ClosingReason>;

export const TicketClosed = eventSchema('TicketClosed', 1, {
  ticketId: EntityId,
  reason: ClosingReason,
  by: ActorId,
  at: Instant,
});

export const TicketReopened = eventSchema('TicketReopened', 1, {
  ticketId: EntityId,
  reason: Text,
  by: ActorId,
  at: Instant,
});

export type TicketTakenCharge = z.infer<typeof TicketTakenCharge>;
export type TicketAssigned = z.infer<typeof TicketAssigned>;
export type TicketWorkStarted = z.infer<typeof TicketWorkStarted>;
export type CustomerInputRequested = z.infer<typeof CustomerInputRequested>;
export type CustomerReplied = z.infer<typeof CustomerReplied>;
export type WorkaroundProvided = z.infer<typeof WorkaroundProvided>;
export type TicketResolved = z.infer<typeof TicketResolved>;
export type TicketClosed = z.infer<typeof TicketClosed>;
export type TicketReopened = z.infer<typeof TicketReopened>;
