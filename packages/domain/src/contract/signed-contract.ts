import { type ContractEvent, ContractSigned } from './contract-events.ts';
import { evolveContract, initialContractState, type SignedContract } from './contract-state.ts';
import type { ContractTerms } from './contract-terms.ts';

/** A contract folded from its signing and later events: how readers that hold no stream build one. */
export function signedContract(
  contractId: string,
  clientId: string,
  terms: ContractTerms,
  effectiveFrom = '2026-01-01T00:00:00+01:00',
  later: readonly ContractEvent[] = [],
): SignedContract {
  const signed = ContractSigned.parse({
    type: 'ContractSigned',
    schemaVersion: 1,
    contractId,
    clientId,
    reference: contractId,
    terms,
    effectiveFrom,
    at: effectiveFrom,
    by: 'sales',
  });
  const state = [signed, ...later].reduce(evolveContract, initialContractState);
  if (state.status === 'none') throw new Error('unreachable: a signed contract');
  return state;
}
