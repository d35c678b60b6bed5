import { type SignedContract, termsInForce } from '../contract/contract-state.ts';
import type { ContractTerms } from '../contract/contract-terms.ts';
import type { CoverageVerdict } from '../contract/coverage-verdict.ts';
import type { TicketEvent } from '../ticket/ticket-events.ts';
import { type ClockTimeline, foldClockFacts } from './clock-facts.ts';
import { evaluateSla, type SlaEvaluation } from './sla-evaluation.ts';
import { clockFactsOf } from './ticket-clock-facts.ts';

export interface TicketSla {
  readonly coverage: CoverageVerdict;
  /** The terms in force at reception when the ticket is covered, else null (no deadline). */
  readonly terms: ContractTerms | null;
  readonly timeline: ClockTimeline;
  readonly evaluation: SlaEvaluation;
}

/** The coverage that stands: the last verdict of reception, information or requalification. */
export function currentCoverage(events: readonly TicketEvent[]): CoverageVerdict {
  let coverage: CoverageVerdict | undefined;
  for (const event of events) {
    if (
      (event.type === 'TicketReceived' ||
        event.type === 'TicketRequalified' ||
        event.type === 'TicketInformationProvided') &&
      event.coverage !== undefined
    ) {
      coverage = event.coverage;
    }
  }
  if (coverage === undefined) throw new Error('A ticket has a coverage from its reception');
  return coverage;
}

/**
 * A ticket's SLA at `now`, from its events and its contract: the ticket is judged by the terms in force
 * at its reception, for its whole life, whatever amendment came later.
 */
export function ticketSla(
  events: readonly TicketEvent[],
  contractOf: (contractId: string) => SignedContract | undefined,
  now: number,
): TicketSla {
  const timeline = foldClockFacts(clockFactsOf(events));
  const coverage = currentCoverage(events);
  let terms: ContractTerms | null = null;
  if (coverage.status === 'covered' && coverage.contractId !== null) {
    const contract = contractOf(coverage.contractId);
    // A covered ticket without its contract would silently lose its deadlines: a caller's bug, not a verdict.
    if (contract === undefined) throw new Error(`Contract ${coverage.contractId} of a covered ticket was not provided`);
    terms = termsInForce(contract, timeline.receivedAt)?.terms ?? null;
  }
  return { coverage, terms, timeline, evaluation: evaluateSla(timeline, terms, now) };
}
