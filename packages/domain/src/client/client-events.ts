import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId } from '../schema/primitives.ts';
import { Instant, LocalDate } from '../shared/time.ts';

const Text = z.string().trim().min(1);

/** Why the hotline treats a client with care for a while; dashboards and assignment read it. */
export const ClientContextKind = z.enum(['migration', 'sensitive', 'special_follow_up']);
export type ClientContextKind = z.infer<typeof ClientContextKind>;

/** `from`/`to` are days of the client's calendar; without `to`, the context lasts until cleared. */
export const ClientContextFlagged = eventSchema('ClientContextFlagged', 1, {
  clientId: EntityId,
  kind: ClientContextKind,
  reason: Text,
  from: LocalDate,
  to: LocalDate.optional(),
  by: ActorId,
  at: Instant,
});

export const ClientContextCleared = eventSchema('ClientContextCleared', 1, {
  clientId: EntityId,
  kind: ClientContextKind,
  reason: Text.optional(),
  by: ActorId,
  at: Instant,
});

/** Who asked for a review: the client, or the hotline because of a context it flagged (a migration…). */
export const ReviewRequester = z.enum(['client', 'context']);
export type ReviewRequester = z.infer<typeof ReviewRequester>;

/** The days a review looks back on, both included: the client report of the meeting covers them. */
export const ReviewPeriod = z.object({ from: LocalDate, to: LocalDate });
export type ReviewPeriod = z.infer<typeof ReviewPeriod>;

/** `context` names the flagged context a review is held for, when `requestedBy` is `context`. */
export const ClientReviewScheduled = eventSchema('ClientReviewScheduled', 1, {
  clientId: EntityId,
  reviewId: EntityId,
  scheduledFor: Instant,
  requestedBy: ReviewRequester.optional(),
  context: ClientContextKind.optional(),
  period: ReviewPeriod.optional(),
  agenda: Text.optional(),
  by: ActorId,
  at: Instant,
});

export const ReviewAction = z.object({ description: Text, owner: ActorId.optional(), dueOn: LocalDate.optional() });
export type ReviewAction = z.infer<typeof ReviewAction>;

export const ClientReviewHeld = eventSchema('ClientReviewHeld', 1, {
  clientId: EntityId,
  reviewId: EntityId,
  notes: Text,
  actions: z.array(ReviewAction),
  attendees: z.array(Text).optional(),
  by: ActorId,
  at: Instant,
});

/** How an action decided in a review ends: carried out, or given up (the note then says why). */
export const ReviewActionOutcome = z.enum(['done', 'dropped']);
export type ReviewActionOutcome = z.infer<typeof ReviewActionOutcome>;

/** `action` is the action's place in the review's minutes (from 0): actions have no id of their own. */
export const ReviewActionCompleted = eventSchema('ReviewActionCompleted', 1, {
  clientId: EntityId,
  reviewId: EntityId,
  action: z.number().int().min(0),
  outcome: ReviewActionOutcome,
  note: Text.optional(),
  by: ActorId,
  at: Instant,
});

export const clientEventSchemas = [
  ClientContextFlagged,
  ClientContextCleared,
  ClientReviewScheduled,
  ClientReviewHeld,
  ReviewActionCompleted,
] as const;
export const ClientEvent = z.discriminatedUnion('type', clientEventSchemas);
export type ClientEvent = z.infer<typeof ClientEvent>;
export const clientEvent = eventFactory<ClientEvent>(clientEventSchemas);
