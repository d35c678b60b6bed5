import { z } from 'zod';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';
import { AgentRole, Availability, ProductSkill, SkillLevel } from './agent-events.ts';

const base = { agentId: EntityId, by: ActorId, at: Instant };

export const RegisterAgent = z.object({
  type: z.literal('RegisterAgent'),
  ...base,
  name: z.string().trim().min(1),
  role: AgentRole,
});
export const RecordAgentDeparture = z.object({
  type: z.literal('RecordAgentDeparture'),
  ...base,
  reason: z.string().trim().min(1).optional(),
});
export const DeclareSkills = z.object({ type: z.literal('DeclareSkills'), ...base, skills: z.array(ProductSkill) });
export const ChangeAvailability = z.object({
  type: z.literal('ChangeAvailability'),
  ...base,
  availability: Availability,
  reason: z.string().trim().min(1).optional(),
  until: Instant.optional(),
});

/** A skill gained by completing a training: it raises the agent's level on the product, never lowers it. */
export const AcquireSkill = z.object({
  type: z.literal('AcquireSkill'),
  ...base,
  product: ProductCode,
  level: SkillLevel,
  trainingId: EntityId,
});

export const AgentCommand = z.discriminatedUnion('type', [
  RegisterAgent,
  RecordAgentDeparture,
  DeclareSkills,
  ChangeAvailability,
  AcquireSkill,
]);
export type AgentCommand = z.infer<typeof AgentCommand>;
export type RegisterAgent = z.infer<typeof RegisterAgent>;
export type RecordAgentDeparture = z.infer<typeof RecordAgentDeparture>;
export type DeclareSkills = z.infer<typeof DeclareSkills>;
export type ChangeAvailability = z.infer<typeof ChangeAvailability>;
export type AcquireSkill = z.infer<typeof AcquireSkill>;
