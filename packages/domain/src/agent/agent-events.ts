import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';

export const AgentRole = z.enum(['agent', 'manager']);
export type AgentRole = z.infer<typeof AgentRole>;

export const SkillLevel = z.enum(['basic', 'confirmed', 'expert']);
export type SkillLevel = z.infer<typeof SkillLevel>;

/** Levels in increasing order: a training never lowers a skill. */
export const skillRank: Readonly<Record<SkillLevel, number>> = { basic: 1, confirmed: 2, expert: 3 };

export const ProductSkill = z.object({ product: ProductCode, level: SkillLevel });
export type ProductSkill = z.infer<typeof ProductSkill>;

export const Availability = z.enum(['available', 'unavailable']);
export type Availability = z.infer<typeof Availability>;

export const AgentJoined = eventSchema('AgentJoined', 1, {
  agentId: EntityId,
  name: z.string().trim().min(1),
  role: AgentRole,
  by: ActorId,
  at: Instant,
});

export const AgentLeft = eventSchema('AgentLeft', 1, {
  agentId: EntityId,
  reason: z.string().trim().min(1).optional(),
  by: ActorId,
  at: Instant,
});

/**
 * The agent's whole skill set per product, replacing the previous one: assignment reads it as is.
 * `trainingId` names the training that raised a skill, when the set comes from one.
 */
export const SkillsDeclared = eventSchema('SkillsDeclared', 1, {
  agentId: EntityId,
  skills: z.array(ProductSkill),
  trainingId: EntityId.optional(),
  by: ActorId,
  at: Instant,
});

/** `until` is when the agent is expected back, for load planning; it does not end the absence by itself. */
export const AvailabilityChanged = eventSchema('AvailabilityChanged', 1, {
  agentId: EntityId,
  availability: Availability,
  reason: z.string().trim().min(1).optional(),
  until: Instant.optional(),
  by: ActorId,
  at: Instant,
});

export const agentEventSchemas = [AgentJoined, AgentLeft, SkillsDeclared, AvailabilityChanged] as const;
export const AgentEvent = z.discriminatedUnion('type', agentEventSchemas);
export type AgentEvent = z.infer<typeof AgentEvent>;
export const agentEvent = eventFactory<AgentEvent>(agentEventSchemas);
