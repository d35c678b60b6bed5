import { contractYearOf, type Indicators, indicatorsFor, type Period, type TicketOutcome } from '@hotline/domain';
import type { Scope } from '../../src/queries/indicator-queries.ts';
import { byOverrun, type OverrunOptions, type OverrunRow, overrunOf } from '../../src/queries/overrun-queries.ts';
import { type Accrual, type ContractYearPenalties, yearPenalties } from '../../src/queries/penalty-queries.ts';
import type { ReportingView } from '../../src/queries/reporting-view.ts';

// The views as they were before the tallies: every ticket judged at the query's `now`. The tallies
// must answer exactly as these do, whatever happened in between.

const inPeriod = (period: Period, at: number) => period.start <= at && at < period.end;

export function scannedIndicators(view: ReportingView, period: Period, now: number, scope: Scope = {}): Indicators {
  const outcomes: TicketOutcome[] = [];
  for (const entry of view.tickets.values()) {
    if (scope.clientId !== undefined && entry.record.ticket.clientId !== scope.clientId) continue;
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
