import type { PenaltyClause } from '../contract/contract-terms.ts';
import { type Cents, percentOf } from './money.ts';

export interface AccruedPenalty {
  readonly ticketId: string;
  /** The instant that places the penalty in a contract year: resolution, or now for an open ticket. */
  readonly accruedAt: number;
  /** After the per-ticket cap. */
  readonly amountCents: Cents;
}

export interface YearProvision {
  readonly capCents: Cents;
  readonly uncappedCents: Cents;
  readonly provisionCents: Cents;
  readonly capped: boolean;
  /** What each ticket contributes once the year cap is shared out. */
  readonly allocations: readonly { readonly ticketId: string; readonly amountCents: Cents }[];
}

/**
 * The provision of one contract year: the sum of its tickets' penalties, capped per year. When the cap
 * bites, earlier penalties are served first (then by ticket id), so each ticket's share is stable as
 * later tickets arrive.
 */
export function yearProvision(
  clause: PenaltyClause,
  annualFeeCents: Cents,
  penalties: readonly AccruedPenalty[],
): YearProvision {
  const capCents = percentOf(annualFeeCents, clause.perYearCapPercent);
  const ordered = [...penalties].sort((a, b) => a.accruedAt - b.accruedAt || a.ticketId.localeCompare(b.ticketId));
  let left = capCents;
  const allocations = ordered.map((penalty) => {
    const amountCents = Math.min(penalty.amountCents, left);
    left -= amountCents;
    return { ticketId: penalty.ticketId, amountCents };
  });
  const uncappedCents = ordered.reduce((sum, penalty) => sum + penalty.amountCents, 0);
  return {
    capCents,
    uncappedCents,
    provisionCents: Math.min(uncappedCents, capCents),
    capped: uncappedCents > capCents,
    allocations,
  };
}
