import {
  type Indicators,
  indicatorContribution,
  indicatorsOfTally,
  type Period,
  tallyContribution,
} from '@hotline/domain';
import { inPeriod } from './periods.ts';
import type { ReportingView } from './reporting-view.ts';

export interface Scope {
  /** One client's tickets only (client reviews); the whole hotline by default. */
  readonly clientId?: string | undefined;
}

/**
 * The five indicators of DOMAIN.md for a period at `now`: the settled tickets' tallies (summed once,
 * as they were settled) and the open tickets judged now, each through the domain's
 * `indicatorContribution`, whose sum a property spec holds equal to `indicatorsFor`.
 */
export function indicatorsOf(view: ReportingView, period: Period, now: number, scope: Scope = {}): Indicators {
  const tallies = view.settled(now);
  const tally = tallies.indicatorTally(period, scope.clientId);
  const nowIn = inPeriod(period, now);
  for (const entry of tallies.open(view, scope.clientId)) {
    // An open ticket counts at `now`, at its reception (billable) or its claims: none in the period, nothing to judge.
    const mayCount =
      nowIn ||
      inPeriod(period, entry.receivedAt) ||
      entry.record.claims.some((claim) => inPeriod(period, claim.claimedAt));
    if (mayCount) tallyContribution(tally, indicatorContribution(view.judge(entry, now).outcome, now), period);
  }
  return indicatorsOfTally(tally);
}
