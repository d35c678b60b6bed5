import { z } from 'zod';
import { Instant, LocalDate } from '../shared/time.ts';
import { ContractTerms } from './contract-terms.ts';

const base = { contractId: z.string().min(1), at: Instant, by: z.string().min(1) };

export const ContractSigned = z.object({
  type: z.literal('ContractSigned'),
  schemaVersion: z.literal(1),
  ...base,
  clientId: z.string().min(1),
  reference: z.string().min(1),
  terms: ContractTerms,
  /** From this instant on the contract covers tickets (subject to the maintenance start date). */
  effectiveFrom: Instant,
});

/** Replaces the terms as a whole from `effectiveFrom`; tickets received before keep the terms they were received under. */
export const ContractAmended = z.object({
  type: z.literal('ContractAmended'),
  schemaVersion: z.literal(1),
  ...base,
  amendmentId: z.string().min(1),
  terms: ContractTerms,
  effectiveFrom: Instant,
  reason: z.string().min(1),
});

/** The day maintenance actually started, when it differs from the date the contract announced. */
export const MaintenanceStarted = z.object({
  type: z.literal('MaintenanceStarted'),
  schemaVersion: z.literal(1),
  ...base,
  on: LocalDate,
});

export const ContractRenewed = z.object({
  type: z.literal('ContractRenewed'),
  schemaVersion: z.literal(1),
  ...base,
  endsOn: LocalDate,
});

export const ContractTerminated = z.object({
  type: z.literal('ContractTerminated'),
  schemaVersion: z.literal(1),
  ...base,
  /** Last day covered. */
  on: LocalDate,
  reason: z.string().min(1),
});

export const ContractEvent = z.discriminatedUnion('type', [
  ContractSigned,
  ContractAmended,
  MaintenanceStarted,
  ContractRenewed,
  ContractTerminated,
]);
export type ContractEvent = z.infer<typeof ContractEvent>;
export type ContractSigned = z.infer<typeof ContractSigned>;
export type ContractAmended = z.infer<typeof ContractAmended>;
