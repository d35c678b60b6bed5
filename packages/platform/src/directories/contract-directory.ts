import {
  type ContractEvent,
  type ContractState,
  contractEventRegistry,
  evolveContract,
  initialContractState,
  type SignedContract,
} from '@hotline/domain';
import { type EventStore, type Subscription, toDomainEvent } from '@hotline/eventstore';

/**
 * Every contract, folded from the `contract-` streams by a subscription to the store, so each
 * process (and each replica) holds the same view, rebuilt from the source of truth at start.
 * Coverage is judged against it at reception and at requalification.
 */
export class ContractDirectory {
  #contracts = new Map<string, ContractState>();
  #subscription: Subscription | undefined;

  start(store: EventStore): this {
    this.#subscription ??= store.subscribe(
      async (event) => {
        const parsed = contractEventRegistry.parseEvent(event.type, event.schemaVersion, toDomainEvent(event));
        if (!parsed.ok) throw new Error(`${event.stream}@${event.revision}: ${parsed.error.message}`);
        const contract = parsed.value as ContractEvent;
        this.#contracts.set(
          contract.contractId,
          evolveContract(this.#contracts.get(contract.contractId) ?? initialContractState, contract),
        );
      },
      { filter: { streamPrefixes: ['contract-'] } },
    );
    return this;
  }

  /** Resolves once every event up to the store's head at call time is folded in. */
  async caughtUp(store: EventStore): Promise<void> {
    await this.waitFor(await store.headPosition());
  }

  /** Resolves once every event up to `position` of the global log is folded in (or was not for it). */
  async waitFor(position: bigint): Promise<void> {
    if (this.#subscription === undefined) throw new Error('The contract directory is not started');
    await this.#subscription.waitFor(position);
  }

  contract(contractId: string): SignedContract | undefined {
    const state = this.#contracts.get(contractId);
    return state === undefined || state.status === 'none' ? undefined : state;
  }

  contractsOf(clientId: string): SignedContract[] {
    return [...this.#contracts.values()].filter(
      (state): state is SignedContract => state.status !== 'none' && state.clientId === clientId,
    );
  }

  all(): SignedContract[] {
    return [...this.#contracts.values()].filter((state): state is SignedContract => state.status !== 'none');
  }

  async stop(): Promise<void> {
    await this.#subscription?.stop();
    this.#subscription = undefined;
  }
}
