import type { Period } from '@hotline/domain';
import type { TimeEntry } from '../projections/ticket-record.ts';
import { inPeriod } from '../queries/periods.ts';
import type { ReportingView } from '../queries/reporting-view.ts';

export type TimeDimension = 'ticket' | 'product' | 'client' | 'agent';

export interface TimeRow {
  readonly by: TimeDimension;
  /** The ticket, product, client or agent; `—` for tickets without product or client. */
  readonly key: string;
  /** Tickets with time recorded in the period. */
  readonly tickets: number;
  readonly minutes: number;
}

const NONE = '—';

/**
 * Time recorded in the period (each entry at its instant), summed along one dimension, most time
 * first. A record folded before entries were kept (Redis, until a rebuild) has only its minutes per
 * agent: they count in the period the ticket was received in.
 */
export function timeSpent(view: ReportingView, period: Period, by: TimeDimension): TimeRow[] {
  const rows = new Map<string, { tickets: Set<string>; minutes: number }>();
  const add = (key: string, ticketId: string, minutes: number) => {
    const row = rows.get(key) ?? { tickets: new Set<string>(), minutes: 0 };
    row.tickets.add(ticketId);
    row.minutes += minutes;
    rows.set(key, row);
  };
  for (const entry of view.tickets.values()) {
    const { ticket, minutesByAgent, timeEntries } = entry.record;
    const entries: readonly TimeEntry[] =
      timeEntries ??
      Object.entries(minutesByAgent).map(([agentId, minutes]) => ({ agentId, minutes, at: entry.receivedAt }));
    for (const { agentId, minutes, at } of entries) {
      if (!inPeriod(period, at)) continue;
      const key =
        by === 'ticket'
          ? ticket.ticketId
          : by === 'product'
            ? (ticket.product ?? NONE)
            : by === 'client'
              ? (ticket.clientId ?? NONE)
              : agentId;
      add(key, ticket.ticketId, minutes);
    }
  }
  return [...rows]
    .map(([key, row]) => ({ by, key, tickets: row.tickets.size, minutes: row.minutes }))
    .sort((a, b) => b.minutes - a.minutes || a.key.localeCompare(b.key));
}
