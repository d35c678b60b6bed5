import { type SignedContract, type Ticket, type TicketEvent, ticketSla, toInstant } from '@hotline/domain';
import { nameBasedUuid } from '@hotline/eventstore';
import type { UnassignableAlert } from '@hotline/messaging';

/**
 * The alert for a ticket nobody can take, with the reason and, when the ticket has one, the
 * take-charge due instant the wait puts at risk. The id is derived from the event that led to it, so
 * an alert raised again for a redelivered event keeps its id and notification systems show it once.
 */
export function unassignableAlert(
  trigger: { readonly id: string },
  ticket: Ticket,
  events: readonly TicketEvent[],
  contractOf: (contractId: string) => SignedContract | undefined,
  reason: string,
  now: number,
): UnassignableAlert {
  const sla = ticketSla(events, contractOf, now);
  const takeCharge = sla.evaluation.targets.find((target) => target.target === 'takeCharge');
  return {
    alertId: nameBasedUuid(`triage:unassignable:${trigger.id}`),
    kind: 'unassignable',
    ticketId: ticket.ticketId,
    ...(ticket.clientId === undefined ? {} : { clientId: ticket.clientId }),
    ...(sla.coverage.contractId === null ? {} : { contractId: sla.coverage.contractId }),
    ...(ticket.product === undefined ? {} : { product: ticket.product }),
    priority: ticket.priority,
    reason,
    ...(takeCharge?.dueAt == null ? {} : { dueAt: toInstant(takeCharge.dueAt) }),
    raisedAt: toInstant(now),
  };
}
