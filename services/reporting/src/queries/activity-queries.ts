import { civilMonth, type Nature, type Period } from '@hotline/domain';
import type { TicketRecord } from '../projections/ticket-record.ts';
import type { Scope } from './indicator-queries.ts';
import { civilYearOf, inPeriod } from './periods.ts';
import type { ReportingView } from './reporting-view.ts';
import { rate } from './statistics.ts';
import { volumeKeys } from './volume-tallies.ts';

export interface VolumeRow {
  readonly dimension: 'product' | 'nature' | 'priority' | 'agent';
  readonly value: string;
  readonly received: number;
}

/** Tickets received in the period by product, nature, priority and assigned agent. */
export function volumes(view: ReportingView, period: Period, scope: Scope = {}): VolumeRow[] {
  // Whole months: the counts kept per month as tickets change; any other period reads every ticket.
  let counts = view.volumes().countsOf(period, scope.clientId);
  if (counts === null) {
    counts = new Map();
    for (const entry of view.tickets.values()) {
      if (scope.clientId !== undefined && entry.record.ticket.clientId !== scope.clientId) continue;
      if (!inPeriod(period, entry.receivedAt)) continue;
      for (const key of volumeKeys(entry)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rows: VolumeRow[] = [];
  for (const [key, received] of counts) {
    const [dimension, value] = key.split('\u0000') as [VolumeRow['dimension'], string];
    rows.push({ dimension, value, received });
  }
  const order = ['product', 'nature', 'priority', 'agent'];
  return rows.sort(
    (a, b) =>
      order.indexOf(a.dimension) - order.indexOf(b.dimension) ||
      b.received - a.received ||
      a.value.localeCompare(b.value),
  );
}

export interface BacklogPoint {
  /** The backlog is counted at this instant: the end of a day, or of a civil month. */
  readonly at: number;
  readonly open: number;
}

/** Open tickets at the end of each day (a month or shorter) or each civil month (longer periods), up to `now`. */
export function backlog(view: ReportingView, period: Period, now: number, scope: Scope = {}): BacklogPoint[] {
  const end = Math.min(period.end, now);
  if (!Number.isFinite(period.start) || end <= period.start) return [];
  const instants: number[] = [];
  if (period.end - period.start <= 31 * 86_400_000) {
    for (let at = period.start + 86_400_000; at < end; at += 86_400_000) instants.push(at);
  } else {
    for (let year = civilYearOf(period.start), month = 1; ; month++) {
      if (month > 12) {
        year++;
        month = 1;
      }
      const { end: monthEnd } = civilMonth(year, month);
      if (monthEnd <= period.start) continue;
      if (monthEnd >= end) break;
      instants.push(monthEnd);
    }
  }
  instants.push(end);
  const tallies = view.backlog();
  return instants.map((at) => ({ at, open: tallies.openAt(at, scope.clientId) }));
}

export interface ReopenRate {
  readonly resolved: number;
  readonly reopened: number;
  readonly rate: number | null;
}

/** Of the tickets resolved in the period (any resolution), how many were reopened at least once. */
export function reopenRate(view: ReportingView, period: Period, scope: Scope = {}): ReopenRate {
  let resolved = 0;
  let reopened = 0;
  for (const entry of view.tickets.values()) {
    if (scope.clientId !== undefined && entry.record.ticket.clientId !== scope.clientId) continue;
    if (!entry.record.resolutions.some((resolution) => inPeriod(period, resolution.at))) continue;
    resolved++;
    if (entry.record.ticket.reopenCount > 0) reopened++;
  }
  return { resolved, reopened, rate: rate(reopened, resolved) };
}

export interface InterventionRow {
  readonly ticketId: string;
  readonly clientId: string | null;
  readonly product: string | null;
  readonly nature: Nature;
  readonly coverage: string;
  readonly reason: string | null;
  readonly receivedAt: number;
  readonly status: string;
  readonly minutesSpent: number;
}

function interventionRows(
  view: ReportingView,
  period: Period,
  scope: Scope,
  keep: (record: TicketRecord) => boolean,
): InterventionRow[] {
  const rows: InterventionRow[] = [];
  for (const entry of view.latestFirst()) {
    const { ticket } = entry.record;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    if (!inPeriod(period, entry.receivedAt) || !keep(entry.record)) continue;
    rows.push({
      ticketId: ticket.ticketId,
      clientId: ticket.clientId ?? null,
      product: ticket.product ?? null,
      nature: ticket.nature,
      coverage: ticket.coverage.status,
      reason: ticket.coverage.status === 'covered' ? null : (ticket.coverage.reason ?? null),
      receivedAt: entry.receivedAt,
      status: ticket.status,
      minutesSpent: ticket.minutesSpent,
    });
  }
  return rows;
}

/** Billable out-of-contract interventions: received in the period out of contract, without contract, or service requests. */
export function billableInterventions(view: ReportingView, period: Period, scope: Scope = {}): InterventionRow[] {
  return interventionRows(
    view,
    period,
    scope,
    ({ ticket }) =>
      ticket.coverage.status === 'out_of_contract' ||
      ticket.coverage.status === 'no_contract' ||
      ticket.nature === 'service',
  );
}

/** Change requests (forwarded to development) and service needs raised in the period. */
export function changeAndServiceRequests(view: ReportingView, period: Period, scope: Scope = {}): InterventionRow[] {
  return interventionRows(
    view,
    period,
    scope,
    ({ ticket }) => ticket.nature === 'evolution' || ticket.nature === 'service',
  );
}
