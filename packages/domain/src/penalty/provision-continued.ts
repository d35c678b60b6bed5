import type { AccruedPenalty, YearProvision } from './provision.ts';

/**
 * A contract year's provision continued with penalties accrued after every one it served (an open
 * ticket's accrues now, after the resolved ones): the same as `yearProvision` over all of them (a
 * spec holds it), without sorting and serving the earlier ones again. The later ones share what the
 * year cap leaves, earliest first, then by ticket id, as `yearProvision` serves them.
 */
export function continuedProvision(served: YearProvision, later: readonly AccruedPenalty[]): YearProvision {
  const ordered = [...later].sort((a, b) => a.accruedAt - b.accruedAt || a.ticketId.localeCompare(b.ticketId));
  let left = served.capCents - served.provisionCents;
  const allocations = ordered.map((penalty) => {
    const amountCents = Math.min(penalty.amountCents, left);
    left -= amountCents;
    return { ticketId: penalty.ticketId, amountCents };
  });
  const uncappedCents = served.uncappedCents + later.reduce((sum, penalty) => sum + penalty.amountCents, 0);
  return {
    capCents: served.capCents,
    uncappedCents,
    provisionCents: Math.min(uncappedCents, served.capCents),
    capped: uncappedCents > served.capCents,
    allocations: [...served.allocations, ...allocations],
  };
}
