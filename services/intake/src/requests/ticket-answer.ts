import type { TicketState } from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import { loadTicket, type TicketView, ticketView } from '@hotline/platform';

/** A ticket as a command left it: its state after the command's events, and its stream's revision then. */
export interface DecidedTicket {
  readonly state: TicketState;
  readonly revision: bigint;
}

/** What `executeCommand` returns on a ticket's stream, kept for the answer. */
export function decidedTicket(done: { readonly state: TicketState; readonly revision: bigint }): DecidedTicket {
  return { state: done.state, revision: done.revision };
}

/**
 * The ticket a request acted on, as the HTTP answer shows it. The command's outcome holds it already
 * (the state its decider folded, the revision its append reached, or the stream as it was for a
 * replayed request): reading the stream back cost `POST /tickets` about 3% of the product's time
 * under load. The decided state's nested objects may hold their keys in another order than the parsed
 * read (the coverage), which the answer's schema serializes in its own order: the body is the same.
 * A request that left no ticket (a refusal is thrown before) is read back, 404 included.
 */
export async function ticketAnswer(
  store: EventStore,
  taken: { readonly subject: { readonly id: string }; readonly ticket?: DecidedTicket },
  instance?: string,
): Promise<TicketView> {
  const decided = taken.ticket;
  if (decided !== undefined && decided.state.status !== 'none') return ticketView(decided.state, decided.revision);
  const { ticket, recorded } = await loadTicket(store, taken.subject.id, instance);
  return ticketView(ticket, recorded.at(-1)!.revision);
}
