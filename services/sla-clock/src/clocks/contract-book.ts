import { type ContractEvent, type ContractState, evolveContract, type SignedContract } from '@hotline/domain';

/**
 * The contracts, folded from the same subscription as the tickets: a ticket is planned against the
 * terms as they stood at that point of the log, whatever another component's directory has seen.
 */
export class ContractBook {
  #contracts = new Map<string, ContractState>();

  apply(event: ContractEvent): void {
    const current = this.#contracts.get(event.contractId) ?? { status: 'none' };
    this.#contracts.set(event.contractId, evolveContract(current, event));
  }

  contract(contractId: string): SignedContract | undefined {
    const state = this.#contracts.get(contractId);
    return state === undefined || state.status === 'none' ? undefined : state;
  }
}
