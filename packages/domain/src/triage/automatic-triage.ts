import type { TicketEvent } from '../ticket/ticket-events.ts';
import type { Ticket } from '../ticket/ticket-state.ts';
import { type Requalification, type RequalificationRule, requalificationFor } from './requalification-rules.ts';

/**
 * The requalification a rule makes to a ticket triage is looking at, if any. Rules act before the
 * take-charge only: taking charge is qualifying (DOMAIN.md, "PEC"), and the agent's judgement then
 * stands. A rule requalifies a ticket once at most, and never after a person did: triage looks again
 * when information completes a request, and must neither undo a manager's requalification nor chain
 * rules one after the other.
 */
export function automaticRequalification(
  ticket: Ticket,
  history: readonly TicketEvent[],
  rules: readonly RequalificationRule[],
): Requalification | null {
  if (ticket.status !== 'received' && ticket.status !== 'awaiting_information') return null;
  if (history.some((event) => event.type === 'TicketRequalified')) return null;
  return requalificationFor(ticket, rules);
}

/**
 * A complete request that nobody was given yet waits for dispatch. An incomplete one waits for its
 * information first: its product, which decides who can take it, may still be unknown.
 */
export function awaitsDispatch(ticket: Ticket): ticket is Ticket & { readonly product: string } {
  return ticket.status === 'received' && ticket.assignee === undefined && ticket.product !== undefined;
}
