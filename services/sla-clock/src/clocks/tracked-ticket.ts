import {
  type ClockFact,
  type ContractTerms,
  evaluateSla,
  foldClockFacts,
  type SignedContract,
  type SlaEvaluation,
  termsInForce,
} from '@hotline/domain';

/**
 * What the SLA clock keeps of one ticket: the clock facts of its events (not the events: a million
 * open tickets must fit in memory), the contract that judges it and the crossings already raised.
 */
export interface TrackedTicket {
  readonly ticketId: string;
  readonly facts: ClockFact[];
  /** The contract of the coverage that stands; null while the ticket has no deadline. */
  contractId: string | null;
  /** Keys of the crossings raised (`crossingKey`); undefined until the first one. */
  raised: Set<string> | undefined;
  /** Closed, rejected or cancelled: once nothing is left to raise, the ticket is dropped. */
  ended: boolean;
  /**
   * Global position of the last event that changed what the clock knows of the ticket, as a number:
   * a small integer inside the object where a bigint is one more object a ticket (positions stay far
   * below 2⁵³, so it is exact).
   */
  version: number;
  /** The timer as last written: when (null: none); undefined after a write failed, to write again. */
  wakeAt: number | null | undefined;
  wakeKind: TimerKind | null;
}

export type TimerKind = 'warning' | 'breach';

/** Moves the ticket's version to an event's global position; false for an event at or before it (seen already). */
export function advance(ticket: TrackedTicket, position: bigint): boolean {
  const version = Number(position);
  if (version <= ticket.version) return false;
  ticket.version = version;
  return true;
}

export const noneRaised: ReadonlySet<string> = new Set();

/** The ticket's SLA at `now` under the terms in force at its reception (none without a contract). */
export function evaluateTracked(
  ticket: TrackedTicket,
  contractOf: (contractId: string) => SignedContract | undefined,
  now: number,
): SlaEvaluation {
  const timeline = foldClockFacts(ticket.facts);
  return evaluateSla(timeline, termsOf(ticket.contractId, timeline.receivedAt, contractOf), now);
}

/** The terms in force at the ticket's reception, null without a contract. */
export function termsOfTracked(
  ticket: TrackedTicket,
  contractOf: (contractId: string) => SignedContract | undefined,
): ContractTerms | null {
  return termsOf(ticket.contractId, foldClockFacts(ticket.facts).receivedAt, contractOf);
}

function termsOf(
  contractId: string | null,
  receivedAt: number,
  contractOf: (contractId: string) => SignedContract | undefined,
): ContractTerms | null {
  const contract = contractId === null ? undefined : contractOf(contractId);
  return contract === undefined ? null : (termsInForce(contract, receivedAt)?.terms ?? null);
}
