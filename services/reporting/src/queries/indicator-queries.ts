import {
  type Indicators,
  indicatorContribution,
  indicatorsOfTally,
  type Period,
  tallyContribution,
} from '@hotline/domain';
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
  for (const entry of tallies.open(view, scope.clientId)) {
    tallyContribution(tally, indicatorContribution(view.judge(entry, now).outcome, now), period);
  }
  return indicatorsOfTally(tally);
}
