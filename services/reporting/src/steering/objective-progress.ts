import type { Indicators, Priority } from '@hotline/domain';
import { indicatorsOf } from '../queries/indicator-queries.ts';
import { type ObjectiveCheck, objectiveChecks } from '../queries/objectives-queries.ts';
import { contractPenalties } from '../queries/penalty-queries.ts';
import { civilMonthIndexOf, monthPeriod, yearPeriod } from '../queries/periods.ts';
import type { ReportingView } from '../queries/reporting-view.ts';

export type ObjectiveStatus = 'met' | 'at_risk' | 'missed';
export type Trend = 'improving' | 'stable' | 'worsening';

export interface ObjectiveProgress extends ObjectiveCheck {
  /** The year-end value at the year-to-date pace (a rate keeps its value; an amount grows with time). */
  readonly projected: number | null;
  /** Null when nothing is measured yet (a rate without resolved tickets). */
  readonly status: ObjectiveStatus | null;
  /** The last three months against the months of the year before them; null without both. */
  readonly trend: Trend | null;
}

export interface BudgetProgress {
  readonly budgetCents: number;
  /** The provision of the penalties accrued in the year (each ticket's share after the contract caps). */
  readonly provisionCents: number;
  readonly projectedCents: number;
  readonly status: ObjectiveStatus;
  readonly consumed: number | null;
}

export interface YearObjectives {
  readonly year: number;
  /** Share of the year elapsed at the time of the answer (1 once it is over). */
  readonly elapsed: number;
  readonly set: boolean;
  readonly objectives: readonly ObjectiveProgress[];
  readonly budget: BudgetProgress | null;
}

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3'];

/** Within and resolved of a rate target (all priorities, or one), as `objectiveChecks` sums them. */
function rateCounts(indicators: Indicators, check: ObjectiveCheck): { within: number; resolved: number } {
  const name = check.indicator as 'malfunctions' | 'functional';
  const rows = (check.priority === null ? PRIORITIES : [check.priority]).map((p) => indicators.byPriority[p][name]);
  return {
    within: rows.reduce((sum, row) => sum + row.within, 0),
    resolved: rows.reduce((sum, row) => sum + row.resolved, 0),
  };
}

function checkIn(indicators: Indicators, check: ObjectiveCheck): ObjectiveCheck {
  const target = {
    indicator: check.indicator,
    value: check.target,
    ...(check.priority === null ? {} : { priority: check.priority }),
  };
  return objectiveChecks(indicators, {
    kind: 'objectives',
    year: 0,
    targets: [target],
    penaltyBudgetCents: 0,
  })[0]!;
}

/**
 * Each objective of the year against the indicators to date (docs/domain.md, "Objectives"):
 * - an amount not to exceed (days, tickets, clients) is missed once over its target, at risk while
 *   its projection (value to date ÷ share of the year elapsed) is over it, met otherwise;
 * - a rate to reach is missed once out of reach (even if every ticket still to resolve at the year's
 *   pace were within deadlines, the year would end below it), at risk while below it, met otherwise.
 * Once the year is over, the value is final: met or missed. The trend compares the last three months'
 * rate (or monthly pace, for an amount) with that of the year's earlier months.
 */
export function yearObjectives(view: ReportingView, year: number, now: number): YearObjectives {
  const period = yearPeriod(year);
  const elapsed = Math.min(1, Math.max(0, (now - period.start) / (period.end - period.start)));
  const record = view.objectives.get(year);
  const indicators = indicatorsOf(view, period, now);
  const checks = objectiveChecks(indicators, record);
  const lastMonth = Math.min(civilMonthIndexOf(Math.min(now, period.end - 1)), civilMonthIndexOf(period.end - 1));
  const split = Math.max(civilMonthIndexOf(period.start), lastMonth - 2);
  const splitAt = monthPeriod(split).start;
  const recentEnd = Math.min(now, period.end);
  const halves =
    splitAt > period.start && recentEnd > splitAt
      ? {
          earlier: indicatorsOf(view, { start: period.start, end: splitAt }, now),
          recent: indicatorsOf(view, { start: splitAt, end: monthPeriod(lastMonth + 1).start }, now),
          earlierMs: splitAt - period.start,
          recentMs: recentEnd - splitAt,
        }
      : null;
  const objectives = checks.map((check): ObjectiveProgress => {
    if (check.kind === 'rate') {
      const { within, resolved } = rateCounts(indicators, check);
      let status: ObjectiveStatus | null = null;
      if (resolved > 0) {
        const projectedResolved = elapsed === 0 ? resolved : resolved / elapsed;
        const best = ((within + (projectedResolved - resolved)) / projectedResolved) * 100;
        status = check.met ? 'met' : elapsed >= 1 || best < check.target ? 'missed' : 'at_risk';
      }
      let trend: Trend | null = null;
      if (halves !== null) {
        const before = checkIn(halves.earlier, check).actual;
        const after = checkIn(halves.recent, check).actual;
        if (before !== null && after !== null)
          trend = Math.abs(after - before) < 1 ? 'stable' : after > before ? 'improving' : 'worsening';
      }
      return { ...check, projected: check.actual, status, trend };
    }
    const actual = check.actual ?? 0;
    const projected = elapsed === 0 ? actual : actual / elapsed;
    const status: ObjectiveStatus =
      actual > check.target ? 'missed' : elapsed < 1 && projected > check.target ? 'at_risk' : 'met';
    let trend: Trend | null = null;
    if (halves !== null) {
      const before = (checkIn(halves.earlier, check).actual ?? 0) / halves.earlierMs;
      const after = (checkIn(halves.recent, check).actual ?? 0) / halves.recentMs;
      trend = after === before ? 'stable' : after < before ? 'improving' : 'worsening';
    }
    return { ...check, projected, status, trend };
  });
  return { year, elapsed, set: record !== undefined, objectives, budget: budgetProgress(view, year, now, elapsed) };
}

/** The year's penalty provision against its budget: the same figures as `/reports/penalties/tickets`. */
function budgetProgress(view: ReportingView, year: number, now: number, elapsed: number): BudgetProgress | null {
  const record = view.objectives.get(year);
  if (record === undefined) return null;
  const period = yearPeriod(year);
  let provisionCents = 0;
  for (const contractYear of contractPenalties(view, now))
    for (const ticket of contractYear.tickets)
      if (period.start <= ticket.accruedAt && ticket.accruedAt < period.end) provisionCents += ticket.allocatedCents;
  const budgetCents = record.penaltyBudgetCents;
  const projectedCents = elapsed === 0 ? provisionCents : Math.round(provisionCents / elapsed);
  return {
    budgetCents,
    provisionCents,
    projectedCents,
    status: provisionCents > budgetCents ? 'missed' : elapsed < 1 && projectedCents > budgetCents ? 'at_risk' : 'met',
    consumed: budgetCents === 0 ? null : provisionCents / budgetCents,
  };
}
