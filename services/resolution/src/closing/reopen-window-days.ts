import {
  type CoverageVerdict,
  contractEventRegistry,
  evolveContract,
  initialContractState,
  readStored,
  termsInForce,
  toEpochMs,
} from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import { streams } from '@hotline/platform';

export interface TicketUnderContract {
  readonly coverage: CoverageVerdict;
  readonly receivedAt: string;
}

/**
 * The reopen window of a ticket: the one its contract sets in the terms in force at its reception
 * (a ticket is judged by those for its whole life). A ticket no contract covers gets the domain's
 * default (undefined here), as it gets no deadline either.
 */
export async function reopenWindowDaysOf(store: EventStore, ticket: TicketUnderContract): Promise<number | undefined> {
  const { status, contractId } = ticket.coverage;
  if (status !== 'covered' || contractId === null) return undefined;
  const recorded = await store.readStream(streams.contract(contractId));
  const contract = recorded
    .map((event) => {
      return readStored(contractEventRegistry, event);
    })
    .reduce(evolveContract, initialContractState);
  if (contract.status === 'none') return undefined;
  return termsInForce(contract, toEpochMs(ticket.receivedAt))?.terms.reopenWindowDays;
}
