import { type Indicators, indicatorsOfTally, type Period } from '@hotline/domain';
import type { IndicatorFilters } from './indicator-cube.ts';
import type { ReportingView } from './reporting-view.ts';

export interface Scope {
  /** One client's tickets only (client reviews); the whole hotline by default. */
  readonly clientId?: string | undefined;
}

/**
 * The five indicators of DOMAIN.md for a period at `now`, narrowed by the filters: the month tallies
 * (settled tickets, open tickets' claims and receptions) and, when the period holds now, the open
 * tickets' part counted at now; every part through the domain's `indicatorContribution`, whose sum a
 * property spec holds equal to `indicatorsFor`.
 */
export function indicatorsOf(
  view: ReportingView,
  period: Period,
  now: number,
  filters: IndicatorFilters = {},
): Indicators {
  return indicatorsOfTally(view.tallies(now).indicatorTally(period, now, filters));
}
