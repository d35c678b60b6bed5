import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId } from '../schema/primitives.ts';
import { Instant, LocalDate } from '../shared/time.ts';
import { ContractTerms } from './contract-terms.ts';

const base = { contractId: EntityId, at: Instant, by: ActorId };

export const ContractSigned = eventSchema('ContractSigned', 1, {
  ...base,
  clientId: EntityId,
  reference: z.string().trim().min(1),
  terms: ContractTerms,
  /** From this instant on the contract covers tickets (subject to the maintenance start date). */
  effectiveFrom: Instant,
});

/** Replaces the terms as a whole from `effectiveFrom`; tickets received before keep the terms they were received under. */
export const ContractAmended = eventSchema('ContractAmended', 1, {
  ...base,
  amendmentId: EntityId,
  terms: ContractTerms,
  effectiveFrom: Instant,
  reason: z.string().trim().min(1),
});

/** The day maintenance actually started, when it differs from the date the contract announced. */
export const MaintenanceStarted = eventSchema('MaintenanceStarted', 1, { ...base, on: LocalDate });

export const ContractRenewed = eventSchema('ContractRenewed', 1, { ...base, endsOn: LocalDate });

export const ContractTerminated = eventSchema('ContractTerminated', 1, {
  ...base,
  /** Last day covered. */
  on: LocalDate,
  reason: z.string().trim().min(1),
});

export const contractEventSchemas = [
  ContractSigned,
  ContractAmended,
  MaintenanceStarted,
  ContractRenewed,
  ContractTerminated,
] as const;

export const ContractEvent = z.discriminatedUnion('type', contractEventSchemas);
export type ContractEvent = z.infer<typeof ContractEvent>;
export type ContractSigned = z.infer<typeof ContractSigned>;
export type ContractAmended = z.infer<typeof ContractAmended>;
export const contractEvent = eventFactory<ContractEvent>(contractEventSchemas);
