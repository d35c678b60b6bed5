import {
  type ContractEvent,
  type ContractState,
  contractEventRegistry,
  evolveContract,
  initialContractState,
  readStored,
  type SignedContract,
} from '@hotline/domain';
import type { EventStore, Subscription } from '@hotline/eventstore';

/**
 * Every contract, folded from the `contract-` streams by a subscription to the store, so each
 * process (and each replica) holds the same view, rebuilt from the source of truth at start.
 * Coverage is judged against it at reception and at requalification.
 */
export class ContractDirectory {
  #contracts = new Map<string, ContractState>();
  #subscription: Subscription | undefined;
  #store: EventStore | undefined;
  /** The store's head as the calls of this turn will read it. */
  #head: Promise<bigint> | undefined;

  start(store: EventStore): this {
    this.#store ??= store;
    this.#subscription ??= store.subscribe(
      async (event) => {
        const contract = readStored(contractEventRegistry, event) as ContractEvent;
        this.#contracts.set(
          contract.contractId,
          evolveContract(this.#contracts.get(contract.contractId) ?? initialContractState, contract),
        );
      },
      { filter: { streamPrefixes: ['contract-'] } },
    );
    return this;
  }

  /**
   * Resolves once every event up to its store's head at call time is folded in. The calls of one
   * turn of the event loop (the requests and messages it handles) share one question to the store,
   * asked after the last of them: a head read then is past each call, which is all they need.
   */
  async caughtUp(): Promise<void> {
    const store = this.#store;
    if (store === undefined) throw new Error('The contract directory is not started');
    this.#head ??= new Promise<bigint>((resolve, reject) => {
      setImmediate(() => {
        this.#head = undefined;
        store.headPosition().then(resolve, reject);
      });
    });
    await this.waitFor(await this.#head);
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
    this.#store = undefined;
  }
}
