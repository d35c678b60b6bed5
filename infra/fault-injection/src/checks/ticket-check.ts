import type { EventStore } from '@hotline/eventstore';
import type { AcceptedTicket } from '../load/steady-load.ts';

export interface TicketCheck {
  readonly accepted: number;
  readonly stored: number;
  readonly events: number;
  readonly problems: readonly string[];
  /** The accepted tickets not in the store, for a trace of where they went. */
  readonly lost: readonly AcceptedTicket[];
}

/**
 * Every ticket the clients saw accepted is in the store once: its stream holds one TicketReceived,
 * with the client's externalId; the store holds no ticket of the load that no client saw accepted
 * (a request written but answered as refused, then given up); every stream's hash chain verifies.
 */
export async function checkTickets(
  store: EventStore,
  accepted: ReadonlyMap<string, AcceptedTicket>,
  /** The load's tickets among the store's: those whose externalId the load made. */
  ofTheLoad: (externalId: string) => boolean,
): Promise<TicketCheck> {
  const problems: string[] = [];
  const lost: AcceptedTicket[] = [];
  const received = new Map<string, string[]>();
  const events = await store.readAll();
  for (const event of events) {
    if (event.type !== 'TicketReceived') continue;
    const data = event.data as { ticketId: string; externalId?: string };
    const externalId = data.externalId ?? '';
    if (!ofTheLoad(externalId)) continue;
    received.set(data.ticketId, [...(received.get(data.ticketId) ?? []), externalId]);
  }
  for (const [ticketId, ticket] of accepted) {
    const found = received.get(ticketId);
    if (found === undefined) {
      problems.push(`lost: ${ticket.door} ${ticket.externalId} (${ticketId}) accepted, not stored`);
      lost.push(ticket);
    } else if (found.length !== 1)
      problems.push(`doubled: ${ticketId} received ${found.length} times (${found.join(', ')})`);
    else if (found[0] !== ticket.externalId)
      problems.push(`mixed up: ${ticketId} holds ${found[0]}, the client sent ${ticket.externalId}`);
  }
  for (const [ticketId, externalIds] of received) {
    if (!accepted.has(ticketId))
      problems.push(`unacknowledged: ${ticketId} (${externalIds.join(', ')}) stored, never accepted`);
  }
  const chains = await store.verify();
  if (!chains.ok) problems.push(`hash chain broken after ${chains.checked} events: ${JSON.stringify(chains.break)}`);
  return { accepted: accepted.size, stored: received.size, events: events.length, problems, lost };
}
