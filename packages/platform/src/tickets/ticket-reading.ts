import {
  evolveTicket,
  initialTicketState,
  readStored,
  type Ticket,
  type TicketEvent,
  ticketEventRegistry,
} from '@hotline/domain';
import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import { ProblemError } from '@hotline/runtime';
import { streams } from '../streams.ts';

export interface LoadedTicket {
  readonly ticket: Ticket;
  readonly events: readonly TicketEvent[];
  readonly recorded: readonly RecordedEvent[];
}

/** A ticket's events as the domain reads them (validated against their current schema). */
export function ticketEventsOf(recorded: readonly RecordedEvent[]): TicketEvent[] {
  return recorded.map((event) => readStored(ticketEventRegistry, event) as TicketEvent);
}

/** The ticket folded from its stream, or a 404 problem. */
export async function loadTicket(store: EventStore, ticketId: string, instance?: string): Promise<LoadedTicket> {
  return ticketFrom(await store.readStream(streams.ticket(ticketId)), ticketId, instance);
}

/** The ticket folded from events of its stream from its first on, or a 404 problem. */
export function ticketFrom(recorded: readonly RecordedEvent[], ticketId: string, instance?: string): LoadedTicket {
  const events = ticketEventsOf(recorded);
  const ticket = events.reduce(evolveTicket, initialTicketState);
  if (ticket.status === 'none') {
    throw new ProblemError({
      status: 404,
      code: 'ticket.not_found',
      detail: `No ticket ${ticketId}`,
      ...(instance === undefined ? {} : { instance }),
    });
  }
  return { ticket, events, recorded };
}
