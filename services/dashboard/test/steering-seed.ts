import type { DemoProduct } from './demo-product.ts';

// The demo holds the manager's steering (services/standalone/src/demo/demo-steering.ts): objectives
// and budget, contexts, reviews, price lists, on-site services, time, the catalogue, documents, FAQ
// and trainings, dated so that on DEMO_NOW (Wed 2026-11-25 10:00 Paris) they fall on the days these
// tests name. The tests read them as the demo recorded them; this module only finds what they name.

type TicketRow = { ticketId: string; clientId: string | null; coverage: string; nature: string };

/** What resolution bills when time is recorded on it (its README): outside any contract, or a service. */
const billable = (ticket: TicketRow) =>
  ((ticket.coverage === 'out_of_contract' || ticket.coverage === 'no_contract') && ticket.nature !== 'evolution') ||
  ticket.nature === 'service';

/** What the demo recorded that the tests look for by name. */
export interface SteeringSeed {
  /** The billable ticket whose time no price list priced (its client, INITECH, has none). */
  readonly unpricedTicketId: string;
}

/**
 * The demo's steering as the tests expect it: ACME in migration with no review (due), GLOBEX
 * sensitive with a review past its date without minutes (due), UMBRELLA asking for a review (due),
 * INITECH's review held with an overdue action, an open one, one done and one dropped; price lists for
 * ACME, GLOBEX and UMBRELLA, on-site services by time and at a fixed price, time on the tickets
 * worked (INITECH's first out-of-contract ticket stays unpriced); ERP 11.0's support ending on
 * 2026-12-31, BI launched without trained agents; trainings completed, planned and cancelled.
 */
export async function seedSteering(product: DemoProduct): Promise<SteeringSeed> {
  const { items: tickets } = await product.getJson<{ items: TicketRow[] }>('/reports/tickets?year=2026&limit=500');
  const { items: times } = await product.getJson<{ items: { key: string }[] }>(
    '/reports/time?by=ticket&year=2026&limit=500',
  );
  const timed = new Set(times.map((row) => row.key));
  const unpriced = tickets.find(
    (ticket) => billable(ticket) && ticket.clientId === 'INITECH' && timed.has(ticket.ticketId),
  );
  if (unpriced === undefined) throw new Error('the demo has changed: no time on a billable ticket of INITECH');
  return { unpricedTicketId: unpriced.ticketId };
}
