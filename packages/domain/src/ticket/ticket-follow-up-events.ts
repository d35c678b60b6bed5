import { z } from 'zod';
import { eventSchema } from '../schema/event-schema.ts';
import { ActorId, AmountCents, EntityId } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';
import { AttachmentRef } from './ticket-classification.ts';

const Text = z.string().trim().min(1);

/** A message that changes nothing in the lifecycle (a reminder, a reply nobody asked for), kept for the record. */
export const ClientMessageReceived = eventSchema('ClientMessageReceived', 1, {
  ticketId: EntityId,
  kind: z.enum(['reply', 'reminder']),
  message: Text,
  attachments: z.array(AttachmentRef).optional(),
  by: ActorId,
  at: Instant,
});

export const ComplaintFiled = eventSchema('ComplaintFiled', 1, {
  ticketId: EntityId,
  complaintId: EntityId,
  subject: Text,
  by: ActorId,
  at: Instant,
});

/** The client raises late penalties; the amount is what they claim, if they say it (the provision is computed). */
export const PenaltyClaimed = eventSchema('PenaltyClaimed', 1, {
  ticketId: EntityId,
  claimId: EntityId,
  amountCents: AmountCents.optional(),
  by: ActorId,
  at: Instant,
});

export const PenaltySettled = eventSchema('PenaltySettled', 1, {
  ticketId: EntityId,
  claimId: EntityId,
  amountCents: AmountCents,
  by: ActorId,
  at: Instant,
});

export const PenaltyWaived = eventSchema('PenaltyWaived', 1, {
  ticketId: EntityId,
  claimId: EntityId,
  reason: Text,
  by: ActorId,
  at: Instant,
});

/** `agentId` spent the time; `by` recorded it (the agent, or a manager on their behalf). */
export const TimeRecorded = eventSchema('TimeRecorded', 1, {
  ticketId: EntityId,
  agentId: EntityId,
  minutes: z.number().int().positive(),
  what: Text,
  by: ActorId,
  at: Instant,
});

export const KnowledgeArticleLinked = eventSchema('KnowledgeArticleLinked', 1, {
  ticketId: EntityId,
  articleId: EntityId,
  by: ActorId,
  at: Instant,
});

export type ClientMessageReceived = z.infer<typeof ClientMessageReceived>;
export type ComplaintFiled = z.infer<typeof ComplaintFiled>;
export type PenaltyClaimed = z.infer<typeof PenaltyClaimed>;
export type PenaltySettled = z.infer<typeof PenaltySettled>;
export type PenaltyWaived = z.infer<typeof PenaltyWaived>;
export type TimeRecorded = z.infer<typeof TimeRecorded>;
export type KnowledgeArticleLinked = z.infer<typeof KnowledgeArticleLinked>;
