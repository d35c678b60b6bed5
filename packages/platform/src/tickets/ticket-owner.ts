import { evolveTicket, initialTicketState } from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import type { TicketOwner } from '@hotline/runtime';
import { streams } from '../streams.ts';
import { ticketEventsOf } from './ticket-reading.ts';

/**
 * The ticket-owner port of access control, read from the store: the client a ticket belongs to
 * now, as its events say. No cache: a request completed later may name (or change) the client,
 * and the store is what every service already reads a ticket from, one stream read per request.
 */
export function ticketOwnerFromStore(store: EventStore): TicketOwner {
  return async (ticketId) => {
    const recorded = await store.readStream(streams.ticket(ticketId));
    const ticket = ticketEventsOf(recorded).reduce(evolveTicket, initialTicketState);
    return ticket.status === 'none' ? undefined : ticket.clientId;
  };
}
