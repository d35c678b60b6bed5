import type { Period } from '@hotline/domain';
import { inPeriod } from '../queries/periods.ts';
import type { ReportingView } from '../queries/reporting-view.ts';

export type TimeDimension = 'ticket' | 'product' | 'client' | 'agent';

export interface TimeRow {
  readonly by: TimeDimension;
  /** The ticket, product, client or agent; `—` for tickets without product or client. */
  readonly key: string;
  readonly tickets: number;
  readonly minutes: number;
}

const NONE = '—';

/**
 * Time recorded on the tickets received in the period (the record keeps each ticket's minutes per
 * agent, not each entry's day: a ticket's time counts in the period it was received in), summed along
 * one dimension, most time first.
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
    if (!inPeriod(period, entry.receivedAt)) continue;
    const { ticket, minutesByAgent } = entry.record;
    for (const [agentId, minutes] of Object.entries(minutesByAgent)) {
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
