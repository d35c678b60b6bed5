import { afterEach, beforeEach, describe } from 'vitest';
import type { EventStore, StoreOptions } from '../src/index.ts';
import { appendContract } from './contract/append.ts';
import type { ContractContext, ContractOptions } from './contract/context.ts';
import { hashChainContract } from './contract/hash-chain.ts';
import { jsonContract } from './contract/json.ts';
import { readContract } from './contract/read.ts';
import { subscriptionContract } from './contract/subscription.ts';
import { upcastContract } from './contract/upcast.ts';

export type { ContractOptions } from './contract/context.ts';

/**
 * Every guarantee of the `EventStore` port, once: each adapter runs this suite. A store made
 * by `make` may share its log with other tests (EventStoreDB does), so every test works in
 * streams of its own and reads the global log after the head it saw first.
 */
export function eventStoreContract(
  name: string,
  make: (options?: StoreOptions) => Promise<EventStore>,
  options: ContractOptions,
): void {
  describe(`${name} event store`, () => {
    const opened: EventStore[] = [];
    const context: ContractContext = {
      options,
      store: undefined as unknown as EventStore,
      async open(storeOptions) {
        const store = await make(storeOptions);
        opened.push(store);
        return store;
      },
    };
    beforeEach(async () => {
      context.store = await context.open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    appendContract(context);
    readContract(context);
    subscriptionContract(context);
    hashChainContract(context);
    upcastContract(context);
    jsonContract(context);
  });
}
