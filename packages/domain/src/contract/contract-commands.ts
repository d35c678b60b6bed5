import { z } from 'zod';
import { Instant, LocalDate } from '../shared/time.ts';
import { ContractTerms } from './contract-terms.ts';

const base = { contractId: z.string().min(1), at: Instant, by: z.string().min(1) };

export const SignContract = z.object({
  type: z.literal('SignContract'),
  ...base,
  clientId: z.string().min(1),
  reference: z.string().min(1),
  terms: ContractTerms,
  effectiveFrom: Instant,
});
export const AmendContract = z.object({
  type: z.literal('AmendContract'),
  ...base,
  amendmentId: z.string().min(1),
  terms: ContractTerms,
  effectiveFrom: Instant,
  reason: z.string().min(1),
});
export const StartMaintenance = z.object({ type: z.literal('StartMaintenance'), ...base, on: LocalDate });
export const RenewContract = z.object({ type: z.literal('RenewContract'), ...base, endsOn: LocalDate });
export const TerminateContract = z.object({
  type: z.literal('TerminateContract'),
  ...base,
  on: LocalDate,
  reason: z.string().min(1),
});

export const ContractCommand = z.discriminatedUnion('type', [
  SignContract,
  AmendContract,
  StartMaintenance,
  RenewContract,
  TerminateContract,
]);
export type ContractCommand = z.infer<typeof ContractCommand>;
export type SignContract = z.infer<typeof SignContract>;
export type AmendContract = z.infer<typeof AmendContract>;
export type StartMaintenance = z.infer<typeof StartMaintenance>;
export type RenewContract = z.infer<typeof RenewContract>;
export type TerminateContract = z.infer<typeof TerminateContract>;
