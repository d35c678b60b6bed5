import { z } from 'zod';
import { SkillLevel } from '../agent/agent-events.ts';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant, LocalDate } from '../shared/time.ts';

const Text = z.string().trim().min(1);

/** A course given by a trainer, or a skill transfer from a colleague who knows the product. */
export const TrainingKind = z.enum(['training', 'skill_transfer']);
export type TrainingKind = z.infer<typeof TrainingKind>;

/**
 * A session planned on one product for some agents (`training-<trainingId>`). `level` is the skill an
 * attendee holds on the product once it is completed; `trainer` is a person or an organisation.
 */
export const TrainingPlanned = eventSchema('TrainingPlanned', 1, {
  trainingId: EntityId,
  kind: TrainingKind,
  product: ProductCode,
  title: Text,
  attendees: z.array(EntityId).min(1),
  level: SkillLevel,
  trainer: Text.optional(),
  plannedOn: LocalDate,
  by: ActorId,
  at: Instant,
});
export type TrainingPlanned = z.infer<typeof TrainingPlanned>;

/** `attendees` are those who actually completed it, a subset of those planned; each gains the skill. */
export const TrainingSessionCompleted = eventSchema('TrainingSessionCompleted', 1, {
  trainingId: EntityId,
  product: ProductCode,
  attendees: z.array(EntityId).min(1),
  level: SkillLevel,
  completedOn: LocalDate,
  by: ActorId,
  at: Instant,
});
export type TrainingSessionCompleted = z.infer<typeof TrainingSessionCompleted>;

export const TrainingCancelled = eventSchema('TrainingCancelled', 1, {
  trainingId: EntityId,
  reason: Text,
  by: ActorId,
  at: Instant,
});

export const trainingEventSchemas = [TrainingPlanned, TrainingSessionCompleted, TrainingCancelled] as const;
export const TrainingEvent = z.discriminatedUnion('type', trainingEventSchemas);
export type TrainingEvent = z.infer<typeof TrainingEvent>;
export const trainingEvent = eventFactory<TrainingEvent>(trainingEventSchemas);
