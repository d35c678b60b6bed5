import { DateTime } from 'luxon';
import type { Ticket } from '../ticket/ticket-state.ts';
import type { WorkKind } from './price-list.ts';

/**
 * Time on a ticket is billed when the hotline works outside a contract: the ticket's coverage says
 * `out_of_contract` or `no_contract`, or it is a service request (DOMAIN.md: "prestation… billable").
 * Change requests go to development, which bills them its own way; covered tickets are in the fee.
 * A ticket without client has nobody to bill. The hour is priced at the rate of the ticket's nature.
 */
export function billableWorkKind(ticket: Pick<Ticket, 'coverage' | 'nature' | 'clientId'>): WorkKind | undefined {
  if (ticket.clientId === undefined) return undefined;
  const outside = ticket.coverage.status === 'out_of_contract' || ticket.coverage.status === 'no_contract';
  if (outside && ticket.nature !== 'evolution') return ticket.nature;
  return ticket.nature === 'service' ? 'service' : undefined;
}

/**
 * The day a billable item belongs to: the civil day where the hotline works (Europe/Paris unless told
 * otherwise), as for the indicators' months, so an item lands in the month the reports show it in.
 */
export function billingDayOf(instant: string, timeZone = 'Europe/Paris'): string {
  const day = DateTime.fromISO(instant, { zone: timeZone }).toISODate();
  if (day === null) throw new Error(`Not an instant: ${instant}`);
  return day;
}
