import {
  contractYearOf,
  type Indicators,
  indicatorsFor,
  type Period,
  type SlaTargetName,
  type TicketOutcome,
} from '@hotline/domain';
import type { VolumeRow } from '../../src/queries/activity-queries.ts';
import { dimensionsOf, type IndicatorFilters, matchesFilters } from '../../src/queries/indicator-cube.ts';
import type { Scope } from '../../src/queries/indicator-queries.ts';
import { byOverrun, type OverrunOptions, type OverrunRow, overrunOf } from '../../src/queries/overrun-queries.ts';
import { type Accrual, type ContractYearPenalties, yearPenalties } from '../../src/queries/penalty-queries.ts';
import type { ClientProcessingTimes } from '../../src/queries/processing-time-queries.ts';
import type { ReportingView } from '../../src/queries/reporting-view.ts';
import { median, percentile, rate } from '../../src/queries/statistics.ts';

// The views as they were before the tallies: every ticket judged at the query's `now`. The tallies
// must answer exactly as these do, whatever happened in between.

const inPeriod = (period: Period, at: number) => period.start <= at && at < period.end;

export function scannedIndicators(
  view: ReportingView,
  period: Period,
  now: number,
  filters: IndicatorFilters = {},
): Indicators {
  const outcomes: TicketOutcome[] = [];
  for (const entry of view.tickets.values()) {
    if (!matchesFilters(dimensionsOf(entry.record.ticket), filters)) continue;
    // As before: only the tickets that may count in the period are judged.
    const mayCount =
      (entry.resolvedAt !== null && inPeriod(period, entry.resolvedAt)) ||
      (entry.resolvedAt === null && inPeriod(period, now)) ||
      inPeriod(period, entry.receivedAt) ||
      entry.record.claims.some((claim) => inPeriod(period, claim.claimedAt));
    if (mayCount) outcomes.push(view.judge(entry, now).outcome);
  }
  return indicatorsFor(period, outcomes, now);
}

export function scannedOverruns(
  view: ReportingView,
  period: Period,
  now: number,
  scope: Scope = {},
  options: OverrunOptions = {},
): OverrunRow[] {
  const rows: OverrunRow[] = [];
  for (const entry of view.tickets.values()) {
    if (scope.clientId !== undefined && entry.record.ticket.clientId !== scope.clientId) continue;
    if (entry.record.ticket.coverage.status !== 'covered' || !inPeriod(period, entry.resolvedAt ?? now)) continue;
    const row = overrunOf(entry, view.judge(entry, now));
    if (row === null || !inPeriod(period, row.resolvedAt ?? now)) continue;
    if (options.production && row.environment !== 'production') continue;
    if (options.overThirtyDays && row.overrunMs <= 30 * 86_400_000) continue;
    rows.push(row);
  }
  return rows.sort(byOverrun);
}

export function scannedPenalties(view: ReportingView, now: number, scope: Scope = {}): ContractYearPenalties[] {
  const groups = new Map<string, Accrual[]>();
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    const contractId = ticket.coverage.contractId;
    if (ticket.coverage.status !== 'covered' || contractId === null) continue;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    const judgement = view.judge(entry, now);
    if (judgement.outcome.withdrawn || judgement.sla.terms === null) continue;
    if (!judgement.penalty.applies && entry.record.claims.length === 0) continue;
    const accruedAt = judgement.outcome.resolvedAt ?? now;
    const year = contractYearOf(judgement.sla.terms, accruedAt);
    const key = `${contractId}\u0000${year.index}`;
    groups.set(key, [...(groups.get(key) ?? []), { entry, judgement, accruedAt, year }]);
  }
  const result: ContractYearPenalties[] = [];
  for (const accruals of groups.values()) {
    const contract = view.contracts.get(accruals[0]!.entry.record.ticket.coverage.contractId!);
    if (contract !== undefined) result.push(yearPenalties(contract, accruals[0]!.year, accruals));
  }
  return result.sort((a, b) => a.contractId.localeCompare(b.contractId) || a.contractYear.index - b.contractYear.index);
}

/** Processing times as they were before the samples were kept: every ticket of the period judged (from the cache). */
export function scannedProcessingTimes(view: ReportingView, period: Period, now: number): ClientProcessingTimes[] {
  type Sample = { elapsed: number[]; counted: number[]; met: number; breached: number };
  const empty = (): Sample => ({ elapsed: [], counted: [], met: 0, breached: 0 });
  const byClient = new Map<string, { takeCharge: Sample; resolution: Sample }>();
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    if (ticket.clientId === undefined) continue;
    if (ticket.status === 'rejected' || ticket.status === 'cancelled') continue;
    const takenAt = ticket.milestones.takeCharge === undefined ? null : Date.parse(ticket.milestones.takeCharge);
    const takenIn = takenAt !== null && inPeriod(period, takenAt);
    const resolvedIn = entry.resolvedAt !== null && inPeriod(period, entry.resolvedAt);
    if (!takenIn && !resolvedIn) continue;
    const samples = byClient.get(ticket.clientId) ?? { takeCharge: empty(), resolution: empty() };
    byClient.set(ticket.clientId, samples);
    const targets = view.judge(entry, now).sla.evaluation.targets;
    const add = (sample: Sample, name: SlaTargetName, reachedAt: number) => {
      sample.elapsed.push(reachedAt - entry.receivedAt);
      const target = targets.find((each) => each.target === name);
      if (target === undefined) return;
      sample.counted.push(target.countedMs);
      if (target.status === 'met') sample.met++;
      if (target.status === 'breached') sample.breached++;
    };
    if (takenIn) add(samples.takeCharge, 'takeCharge', takenAt);
    if (resolvedIn) add(samples.resolution, 'resolution', entry.resolvedAt!);
  }
  const statistics = (sample: Sample) => ({
    count: sample.elapsed.length,
    elapsedMedianMs: median(sample.elapsed),
    elapsedP90Ms: percentile(sample.elapsed, 0.9),
    countedMedianMs: median(sample.counted),
    countedP90Ms: percentile(sample.counted, 0.9),
    met: sample.met,
    breached: sample.breached,
    withinDeadlineRate: rate(sample.met, sample.met + sample.breached),
  });
  return [...byClient.entries()]
    .map(([clientId, samples]) => ({
      clientId,
      takeCharge: statistics(samples.takeCharge),
      resolution: statistics(samples.resolution),
    }))
    .sort((a, b) => a.clientId.localeCompare(b.clientId));
}

/** Activity volumes as they were before the counts were kept: every ticket read. */
export function scannedVolumes(view: ReportingView, period: Period): VolumeRow[] {
  const counts = new Map<string, VolumeRow>();
  const count = (dimension: VolumeRow['dimension'], value: string) => {
    const key = `${dimension}\u0000${value}`;
    const row = counts.get(key) ?? { dimension, value, received: 0 };
    counts.set(key, { ...row, received: row.received + 1 });
  };
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    if (!inPeriod(period, entry.receivedAt)) continue;
    count('product', ticket.product ?? '(unknown)');
    count('nature', ticket.nature);
    count('priority', ticket.priority);
    count('agent', ticket.assignee ?? '(unassigned)');
  }
  const order = ['product', 'nature', 'priority', 'agent'];
  return [...counts.values()].sort(
    (a, b) =>
      order.indexOf(a.dimension) - order.indexOf(b.dimension) ||
      b.received - a.received ||
      a.value.localeCompare(b.value),
  );
}
