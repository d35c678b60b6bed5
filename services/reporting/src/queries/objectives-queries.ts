import { type Indicators, type IndicatorTarget, type Priority, rateIndicators } from '@hotline/domain';
import type { ObjectivesRecord } from '../projections/objectives-record.ts';

export interface ObjectiveCheck {
  readonly indicator: IndicatorTarget['indicator'];
  readonly priority: Priority | null;
  /** A rate to reach (percent within deadlines), or an amount not to exceed. */
  readonly kind: 'rate' | 'ceiling';
  readonly target: number;
  readonly actual: number | null;
  readonly met: boolean | null;
}

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3'];

/** The year's indicators against the objectives set for it, target by target. */
export function objectiveChecks(indicators: Indicators, objectives: ObjectivesRecord | undefined): ObjectiveCheck[] {
  if (objectives === undefined) return [];
  return objectives.targets.map((target) => {
    const priorities = target.priority === undefined ? PRIORITIES : [target.priority];
    const rows = priorities.map((priority) => indicators.byPriority[priority]);
    if (rateIndicators.includes(target.indicator)) {
      const name = target.indicator as 'malfunctions' | 'functional';
      const within = rows.reduce((sum, row) => sum + row[name].within, 0);
      const resolved = rows.reduce((sum, row) => sum + row[name].resolved, 0);
      const actual = resolved === 0 ? null : (within / resolved) * 100;
      return {
        indicator: target.indicator,
        priority: target.priority ?? null,
        kind: 'rate',
        target: target.value,
        actual,
        met: actual === null ? null : actual >= target.value,
      };
    }
    const name = target.indicator as 'productionOverrunDays' | 'productionOverThirtyDays' | 'claimingClients';
    const actual =
      name === 'claimingClients' && target.priority === undefined
        ? indicators.claimingClients.length
        : rows.reduce((sum, row) => sum + row[name], 0);
    return {
      indicator: target.indicator,
      priority: target.priority ?? null,
      kind: 'ceiling',
      target: target.value,
      actual,
      met: actual <= target.value,
    };
  });
}
