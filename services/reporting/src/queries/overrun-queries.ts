import { DAY_MS, type Environment, type Nature, type Period, type Priority } from '@hotline/domain';
import type { Scope } from './indicator-queries.ts';
import { missedTargetsOf, overrunRowAt } from './open-reading.ts';
import { inPeriod } from './periods.ts';
import type { ReportingView, TicketEntry } from './reporting-view.ts';
import type { Judgement } from './ticket-judgement.ts';

export interface OverrunRow {
  readonly ticketId: string;
  readonly clientId: string | null;
  readonly contractId: string | null;
  readonly product: string | null;
  readonly nature: Nature;
  readonly priority: Priority;
  readonly environment: Environment | null;
  readonly receivedAt: number;
  readonly resolvedAt: number | null;
  readonly resolutionDueAt: number | null;
  readonly overrunMs: number;
  readonly overrunDays: number;
  readonly penaltyCents: number;
}

export interface OverrunOptions {
  /** Production tickets only (indicators 3 and 4). */
  readonly production?: boolean | undefined;
  /** Only overruns strictly over 30 days of 24 hours (indicator 4). */
  readonly overThirtyDays?: boolean | undefined;
}

const THIRTY_DAYS_MS = 30 * DAY_MS;

/** The overrun views' order: the largest overrun first, then by ticket id. */
export const byOverrun = (a: OverrunRow, b: OverrunRow) =>
  b.overrunMs - a.overrunMs || a.ticketId.localeCompare(b.ticketId);

function overrunRow(judgement: Judgement): OverrunRow {
  const { outcome, sla } = judgement;
  const resolution = sla.evaluation.targets.find((target) => target.target === 'resolution');
  return {
    ticketId: outcome.ticketId,
    clientId: outcome.clientId,
    contractId: sla.coverage.contractId,
    product: null,
    nature: outcome.nature,
    priority: outcome.priority,
    environment: outcome.environment,
    receivedAt: outcome.receivedAt,
    resolvedAt: outcome.resolvedAt,
    resolutionDueAt: resolution?.dueAt ?? null,
    overrunMs: outcome.overrunMs,
    overrunDays: outcome.overrunDays,
    penaltyCents: judgement.penalty.amountCents,
  };
}

/** A covered ticket's overrun as judged, as indicators 3 and 4 count it; null when it has none or counts in no indicator. */
export function overrunOf(entry: TicketEntry, judgement: Judgement): OverrunRow | null {
  const { ticket } = entry.record;
  if (ticket.coverage.status !== 'covered') return null;
  const { outcome } = judgement;
  if (outcome.withdrawn || outcome.overrunMs <= 0) return null;
  return { ...overrunRow(judgement), product: ticket.product ?? null };
}

/**
 * Covered tickets overrunning their resolution deadline, counted in the period as indicators 3 and 4
 * count them: in the period of their resolution, open ones in the period that holds `now`. Settled
 * tickets' rows come from the view's tallies, open ones from their readings (the overrun run on to now).
 */
export function overrunsIn(
  view: ReportingView,
  period: Period,
  now: number,
  scope: Scope = {},
  options: OverrunOptions = {},
): OverrunRow[] {
  const keep = (row: OverrunRow) =>
    (scope.clientId === undefined || row.clientId === scope.clientId) &&
    (!options.production || row.environment === 'production') &&
    (!options.overThirtyDays || row.overrunMs > THIRTY_DAYS_MS);
  const tallies = view.tallies(now);
  const rows = tallies.overrunsIn(period, keep, `${scope.clientId}|${options.production}|${options.overThirtyDays}`);
  if (!inPeriod(period, now)) return [...rows];
  const open: OverrunRow[] = [];
  for (const reading of tallies.overrunning()) {
    const row = overrunRowAt(reading.overrun!, now);
    if (keep(row)) open.push(row);
  }
  return mergedByOverrun(rows, open.sort(byOverrun));
}

/** Two lists in `byOverrun` order as one: each short one's place found by halving, the long one copied by slices. */
function mergedByOverrun(long: readonly OverrunRow[], short: readonly OverrunRow[]): OverrunRow[] {
  const merged: OverrunRow[] = [];
  let from = 0;
  for (const row of short) {
    let low = from;
    let high = long.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byOverrun(long[middle]!, row) <= 0) low = middle + 1;
      else high = middle;
    }
    for (let index = from; index < low; index++) merged.push(long[index]!);
    merged.push(row);
    from = low;
  }
  for (let index = from; index < long.length; index++) merged.push(long[index]!);
  return merged;
}

export interface PastDueRow {
  readonly ticketId: string;
  readonly clientId: string | null;
  readonly contractId: string | null;
  readonly product: string | null;
  readonly priority: Priority;
  readonly status: string;
  readonly assignee: string | null;
  readonly target: string;
  readonly dueAt: number;
  readonly lateMs: number;
}

/** The open tickets with a deadline already passed, one row per missed target, the latest first. */
export function pastDue(view: ReportingView, now: number, scope: Scope = {}): PastDueRow[] {
  const tallies = view.tallies(now);
  // Which targets are missed, and their order (the latest is the one due first), stand until a
  // reading or a ticket changes: kept till then, only how late each is comes from `now`.
  const missed = tallies.remembered(`pastDue\u0000${scope.clientId ?? ''}`, () => missedTargets(view, now, scope));
  return missed.map((row) => ({ ...row, lateMs: now - row.dueAt }));
}

function missedTargets(view: ReportingView, now: number, scope: Scope): Omit<PastDueRow, 'lateMs'>[] {
  const rows: Omit<PastDueRow, 'lateMs'>[] = [];
  const tallies = view.tallies(now);
  for (const ticketId of view.open) {
    const entry = view.tickets.get(ticketId);
    if (entry === undefined) continue;
    const { ticket } = entry.record;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    if (ticket.coverage.status !== 'covered' || entry.resolvedAt !== null) continue;
    if (ticket.status === 'rejected' || ticket.status === 'cancelled' || ticket.status === 'closed') continue;
    // A reading's targets (statuses, due instants) stand until it lapses; only counted time moves.
    const missed = tallies.readingOf(ticketId)?.missed ?? missedTargetsOf(view.judge(entry, now));
    for (const { target, priority, dueAt } of missed) {
      rows.push({
        ticketId: ticket.ticketId,
        clientId: ticket.clientId ?? null,
        contractId: ticket.coverage.contractId,
        product: ticket.product ?? null,
        priority,
        status: ticket.status,
        assignee: ticket.assignee ?? null,
        target,
        dueAt,
      });
    }
  }
  // The latest first: late by `now − dueAt`, so the earliest due first whatever `now`.
  return rows.sort((a, b) => a.dueAt - b.dueAt || a.ticketId.localeCompare(b.ticketId));
}
