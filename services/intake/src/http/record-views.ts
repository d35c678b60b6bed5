import {
  type Agent,
  agentDecider,
  agentEventRegistry,
  type ContractEvent,
  contractEventRegistry,
  type EventRegistry,
  evolveContract,
  initialContractState,
  type Product,
  type ProductEvent,
  productDecider,
  productEventRegistry,
  readStored,
  type SignedContract,
} from '@hotline/domain';
import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import { streams } from '@hotline/platform';
import { ProblemError } from '@hotline/runtime';

function parsed<E>(registry: EventRegistry, recorded: readonly RecordedEvent[]): E[] {
  return recorded.map((event) => {
    return readStored(registry, event) as E;
  });
}

export function notFound(code: string, detail: string): ProblemError {
  return new ProblemError({ status: 404, code, detail });
}

/** A contract read from its stream: what was just recorded, without waiting for any read model. */
export async function loadContract(store: EventStore, contractId: string): Promise<SignedContract> {
  const events = parsed<ContractEvent>(contractEventRegistry, await store.readStream(streams.contract(contractId)));
  const state = events.reduce(evolveContract, initialContractState);
  if (state.status === 'none') throw notFound('contract.not_found', `No contract ${contractId}`);
  return state;
}

export function contractView(contract: SignedContract) {
  return {
    contractId: contract.contractId,
    clientId: contract.clientId,
    reference: contract.reference,
    status: contract.status,
    endsOn: contract.endsOn,
    terminatedOn: contract.terminatedOn,
    versions: contract.versions.map((version) => ({
      effectiveFrom: new Date(version.effectiveFrom).toISOString(),
      amendmentId: version.amendmentId,
      terms: version.terms,
    })),
  };
}

export async function loadAgent(store: EventStore, agentId: string): Promise<Agent> {
  const events = parsed<Parameters<typeof agentDecider.evolve>[1]>(
    agentEventRegistry,
    await store.readStream(streams.agent(agentId)),
  );
  const state = events.reduce(agentDecider.evolve, agentDecider.initialState);
  if (state.status === 'none') throw notFound('agent.not_found', `No agent ${agentId}`);
  return state;
}

/**
 * A record of intake's smaller aggregates (a product, a client's follow-up, a training…) folded from
 * its stream with its decider, with the revision of its last event; `undefined` when the stream is empty.
 */
export async function loadRecord<E, S>(
  store: EventStore,
  stream: string,
  registry: EventRegistry,
  decider: { evolve(state: S, event: E): S; readonly initialState: S },
): Promise<{ state: S; revision: bigint } | undefined> {
  const recorded = await store.readStream(stream);
  const last = recorded.at(-1);
  if (last === undefined) return undefined;
  return { state: parsed<E>(registry, recorded).reduce(decider.evolve, decider.initialState), revision: last.revision };
}

export async function loadProduct(store: EventStore, product: string): Promise<Product> {
  const loaded = await loadRecord<ProductEvent, Product | { status: 'none' }>(
    store,
    streams.product(product),
    productEventRegistry,
    productDecider,
  );
  if (loaded === undefined || loaded.state.status === 'none')
    throw notFound('product.not_found', `No product ${product}`);
  return loaded.state;
}

export function productView(product: Product) {
  const { product: code, name, versions, endOfSupport, trainedAgents } = product;
  return { product: code, name, versions, endOfSupport, trainedAgents: [...trainedAgents] };
}
