import type { AnnualObjectivesSet, IndicatorTarget } from '@hotline/domain';

/** The year's objectives as last set: the indicators view compares each figure to its target. */
export interface ObjectivesRecord {
  readonly kind: 'objectives';
  readonly year: number;
  readonly targets: readonly IndicatorTarget[];
  readonly penaltyBudgetCents: number;
}

export function foldObjectivesRecord(event: AnnualObjectivesSet): ObjectivesRecord {
  return { kind: 'objectives', year: event.year, targets: event.targets, penaltyBudgetCents: event.penaltyBudgetCents };
}
