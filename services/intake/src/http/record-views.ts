import {
  type Agent,
  agentDecider,
  agentEventRegistry,
  type ContractEvent,
  contractEventRegistry,
  evolveContract,
  initialContractState,
  type SignedContract,
} from '@hotline/domain';
import { type EventStore, type RecordedEvent, toDomainEvent } from '@hotline/eventstore';
import { streams } from '@hotline/platform';
import { ProblemError } from '@hotline/runtime';

function parsed<E>(
  registry: typeof contractEventRegistry | typeof agentEventRegistry,
  recorded: readonly RecordedEvent[],
): E[] {
  return recorded.map((event) => {
    const result = registry.parseEvent(event.type, event.schemaVersion, toDomainEvent(event));
    if (!result.ok) throw new Error(`${event.stream}@${event.revision}: ${result.error.message}`);
    return result.value as E;
  });
}

function notFound(code: string, detail: string): ProblemError {
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
