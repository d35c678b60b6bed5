import type { SignedContract } from '../contract/contract-state.ts';
import { coverageOf } from '../contract/coverage.ts';
import type { CoverageVerdict } from '../contract/coverage-verdict.ts';
import { toEpochMs } from '../shared/time.ts';
import type { Nature } from '../ticket/ticket-classification.ts';
import type { Ticket } from '../ticket/ticket-state.ts';

/**
 * The coverage a requalification carries: the ticket judged again, for its new nature, by the terms in
 * force at its reception (a ticket is judged by them for its whole life; only the nature can change
 * the verdict). `contracts` are the client's, or more: others are ignored.
 *
 * A client or product still unknown cannot be covered: no contract names them. The verdict is judged
 * again when the client provides them (ProvideInformation then carries the coverage).
 */
export function requalifiedCoverage(
  ticket: Ticket,
  nature: Nature,
  contracts: readonly SignedContract[],
): CoverageVerdict {
  const receivedAt = toEpochMs(ticket.receivedAt);
  if (ticket.clientId === undefined) {
    const verdict = coverageOf({ clientId: '', product: '', nature, receivedAt }, []);
    return verdict.status === 'no_contract' ? { ...verdict, reason: 'client.unknown' } : verdict;
  }
  const verdict = coverageOf(
    { clientId: ticket.clientId, product: ticket.product ?? '', nature, receivedAt },
    contracts,
  );
  return ticket.product === undefined && verdict.status === 'out_of_contract'
    ? { ...verdict, reason: 'product.unknown' }
    : verdict;
}
