import { type Indicators, indicatorsFor, type Period, type TicketOutcome } from '@hotline/domain';
import type { ReportingView, TicketEntry } from './reporting-view.ts';

export interface Scope {
  /** One client's tickets only (client reviews); the whole hotline by default. */
  readonly clientId?: string | undefined;
}

const inPeriod = (period: Period, at: number | null) => at !== null && period.start <= at && at < period.end;

/**
 * Whether a ticket can count in the period's indicators: resolved in it, open while `now` is in it,
 * claimed or received in it. The domain's `indicatorsFor` decides; this only spares judging the rest.
 */
function mayCount(entry: TicketEntry, period: Period, now: number): boolean {
  return (
    inPeriod(period, entry.resolvedAt) ||
    (entry.resolvedAt === null && inPeriod(period, now)) ||
    inPeriod(period, entry.receivedAt) ||
    entry.record.claims.some((claim) => inPeriod(period, claim.claimedAt))
  );
}

export function outcomesFor(view: ReportingView, period: Period, now: number, scope: Scope = {}): TicketOutcome[] {
  const outcomes: TicketOutcome[] = [];
  for (const entry of view.tickets.values()) {
    if (scope.clientId !== undefined && entry.record.ticket.clientId !== scope.clientId) continue;
    if (mayCount(entry, period, now)) outcomes.push(view.judge(entry, now).outcome);
  }
  return outcomes;
}

/** The five indicators of DOMAIN.md for a period, as the domain computes them, at `now`. */
export function indicatorsOf(view: ReportingView, period: Period, now: number, scope: Scope = {}): Indicators {
  return indicatorsFor(period, outcomesFor(view, period, now, scope), now);
}
