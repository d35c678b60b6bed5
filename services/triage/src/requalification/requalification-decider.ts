import {
  type DomainError,
  type RequalifyTicket,
  requalifiedCoverage,
  type SignedContract,
  type TicketEvent,
  type TicketState,
  ticketDecider,
} from '@hotline/domain';
import type { StreamDecider } from '@hotline/eventstore';

/** A requalification as triage and the manager ask for it: the coverage is not theirs to say. */
export type Requalification = Omit<RequalifyTicket, 'coverage'>;

// Any verdict will do for a ticket that does not exist: the decider refuses it as not found first.
const unjudged = { status: 'no_contract', contractId: null } as const;

/**
 * The ticket's decider, with the coverage judged on the very state the decision is made on: if the
 * ticket changed meanwhile (its client or product provided), a retried decision judges it again.
 */
export function requalificationDecider(
  contractsOf: (clientId: string) => readonly SignedContract[],
): StreamDecider<Requalification, TicketEvent, TicketState, DomainError> {
  return {
    initialState: ticketDecider.initialState,
    evolve: ticketDecider.evolve,
    decide(command, state) {
      if (state.status === 'none') return ticketDecider.decide({ ...command, coverage: unjudged }, state);
      const contracts = state.clientId === undefined ? [] : contractsOf(state.clientId);
      const coverage = requalifiedCoverage(state, command.nature ?? state.nature, contracts);
      return ticketDecider.decide({ ...command, coverage }, state);
    },
  };
}
