import { type TicketOutcome, ticketOutcomeOf, ticketSla } from '@hotline/domain';
import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import { type ContractDirectory, ticketEventsOf } from '@hotline/platform';

/**
 * Every ticket's outcome as of `now`, replayed from the store. A full scan: the projections of the
 * reporting issue replace it with read models kept up to date event by event.
 */
export async function ticketOutcomes(
  store: EventStore,
  contracts: ContractDirectory,
  now: number,
): Promise<TicketOutcome[]> {
  const byTicket = new Map<string, RecordedEvent[]>();
  for (const event of await store.readAll()) {
    if (!event.stream.startsWith('ticket-')) continue;
    const events = byTicket.get(event.stream) ?? [];
    events.push(event);
    byTicket.set(event.stream, events);
  }
  await contracts.caughtUp(store);
  return [...byTicket.values()].map((recorded) => {
    const events = ticketEventsOf(recorded);
    return ticketOutcomeOf(
      events,
      ticketSla(events, (id) => contracts.contract(id), now),
    );
  });
}
