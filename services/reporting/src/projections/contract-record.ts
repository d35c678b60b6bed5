import { type ContractEvent, evolveContract, initialContractState, type SignedContract } from '@hotline/domain';

/** A contract folded by the domain, and when it was signed (new contracts on a product call for trained agents). */
export interface ContractRecord {
  readonly kind: 'contract';
  readonly contract: SignedContract;
  readonly signedAt: string;
}

export function foldContractRecord(record: ContractRecord | undefined, event: ContractEvent): ContractRecord {
  const state = evolveContract(record?.contract ?? initialContractState, event);
  if (state.status === 'none') throw new Error(`Contract ${event.contractId}: ${event.type} before its signature`);
  return { kind: 'contract', contract: state, signedAt: record?.signedAt ?? event.at };
}
